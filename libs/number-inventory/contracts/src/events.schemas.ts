import { z } from 'zod';
import { eventDefinition, type EventCatalogue } from '@tnp/kernel';
import { numberKindSchema, SERVICE } from './common.schemas';

/** Owners as events carry them (events are read, never parsed strictly: new fields may come). */
export const eventOwnerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('operator') }),
  z.object({ type: z.literal('occupier'), occupierId: z.string() }),
]);

const at = { number: z.string().describe('E.164'), siteId: z.string() };
const OPERATOR = { type: 'operator' } as const;
const ACME = { type: 'occupier', occupierId: 'acme' } as const;
const N = { number: '+442071230001', siteId: 'lon-1' };

export const numberEvents = {
  NumberProvisioned: eventDefinition(
    z.object({
      ...at,
      ext: z.string().nullable(),
      kind: numberKindSchema,
      rangeName: z.string(),
      portedIn: z.boolean(),
      portedFrom: z.string().nullable(),
    }),
    {
      summary: 'A number entered the site inventory, available.',
      example: { ...N, ext: '001', kind: 'standard', rangeName: 'Main', portedIn: false, portedFrom: null },
    },
  ),
  NumberLocked: eventDefinition(z.object({ ...at, reason: z.string().nullable() }), {
    summary: 'The number was locked against every change but unlocking.',
    example: { ...N, reason: 'porting out' },
  }),
  NumberUnlocked: eventDefinition(z.object(at), { summary: 'The lock was lifted.', example: N }),
  NumberAllocated: eventDefinition(z.object({ ...at, owner: eventOwnerSchema, isMain: z.boolean(), ext: z.string().nullable() }), {
    summary: 'The number was reserved for an owner (the site operator or an occupier).',
    example: { ...N, owner: ACME, isMain: false, ext: '001' },
  }),
  NumberDeallocated: eventDefinition(
    z.object({ ...at, previousOwner: eventOwnerSchema, coolingOffUntil: z.string().nullable().describe('ISO 8601'), wasMain: z.boolean() }),
    {
      summary: 'The number went back to the site; after service it cools off until the instant given.',
      example: { ...N, previousOwner: ACME, coolingOffUntil: '2027-01-02T00:00:00.000Z', wasMain: false },
    },
  ),
  NumberActivated: eventDefinition(z.object({ ...at, owner: eventOwnerSchema }), {
    summary: 'The number went into service for its owner (billing starts).',
    example: { ...N, owner: ACME },
  }),
  NumberDeactivated: eventDefinition(z.object({ ...at, owner: eventOwnerSchema }), {
    summary: 'The number left service and is reserved for its owner again (billing stops).',
    example: { ...N, owner: ACME },
  }),
  MainNumberNominated: eventDefinition(z.object({ ...at, owner: eventOwnerSchema.nullable() }), {
    summary: "The number became its owner's main number at the site.",
    example: { ...N, owner: OPERATOR },
  }),
  MainNumberNominationRemoved: eventDefinition(z.object({ ...at, owner: eventOwnerSchema.nullable() }), {
    summary: 'The number is no longer its owner’s main number.',
    example: { ...N, owner: OPERATOR },
  }),
  NumberAssigned: eventDefinition(z.object({ ...at, owner: eventOwnerSchema, userId: z.string() }), {
    summary: 'The number was given to one of its owner’s users.',
    example: { ...N, owner: ACME, userId: 'ada' },
  }),
  NumberUnassigned: eventDefinition(z.object({ ...at, owner: eventOwnerSchema, userId: z.string() }), {
    summary: 'The number was taken back from the user; it stays active.',
    example: { ...N, owner: ACME, userId: 'ada' },
  }),
};

const claim = { siteId: z.string(), owner: eventOwnerSchema, number: z.string() };
const CLAIM = { siteId: 'lon-1', owner: ACME, number: '+442071230001' };

export const mainNumberClaimEvents = {
  MainNumberClaimed: eventDefinition(z.object(claim), {
    summary: 'An owner took the one main number it may hold at a site.',
    example: CLAIM,
  }),
  MainNumberReleased: eventDefinition(z.object(claim), { summary: 'The owner gave its main number back.', example: CLAIM }),
};

export const siteEvents = {
  SiteConfigured: eventDefinition(
    z.object({
      siteId: z.string(),
      coolingOffDays: z.number().int(),
      /** Absent before the policy existed: false. */
      previousOwnerMayReclaim: z.boolean().optional(),
    }),
    {
      summary: 'The site’s inventory settings changed.',
      example: { siteId: 'lon-1', coolingOffDays: 30, previousOwnerMayReclaim: false },
    },
  ),
};

export const occupierEvents = {
  OccupierNamed: eventDefinition(z.object({ occupierId: z.string(), name: z.string() }), {
    summary: 'The organisation’s name, as lists show whom its numbers are allocated to.',
    example: { occupierId: 'acme', name: 'Acme Ltd' },
  }),
};

const voice = { siteId: z.string(), occupierId: z.string() };
const VOICE = { siteId: 'lon-1', occupierId: 'acme' };

export const voiceServicesEvents = {
  OccupierVoiceServicesAdded: eventDefinition(z.object(voice), {
    summary: 'The occupier has voice services at the site (with no numbers reserved there, available ones were allocated with it).',
    example: VOICE,
  }),
  OccupierVoiceServicesRemoved: eventDefinition(z.object(voice), {
    summary: 'The occupier’s voice services at the site ended; its numbers stay allocated.',
    example: VOICE,
  }),
};

export const numberInventoryEvents: EventCatalogue = {
  service: SERVICE,
  title: 'Number inventory',
  aggregates: [
    { aggregate: 'number', description: 'One telephone number at a site: its status, owner, lock and main flag.', events: numberEvents },
    {
      aggregate: 'main-number-claim',
      description: 'The main number one owner holds at one site (at most one).',
      events: mainNumberClaimEvents,
    },
    { aggregate: 'site', description: 'A site’s inventory settings.', events: siteEvents },
    { aggregate: 'occupier', description: 'An organisation numbers are allocated to: its name.', events: occupierEvents },
    { aggregate: 'voice-services', description: 'Whether an occupier has voice services at a site.', events: voiceServicesEvents },
  ],
};
