import { z } from 'zod';
import { eventDefinition, type EventCatalogue } from '@tnp/kernel';
import { OBSERVED_EXAMPLE, observedNumberSchema } from '@tnp/number-lifecycle';
import { RING_PATTERN_VALUES, SERVICE } from './assignment.schemas';

/** Destinations and call settings as events carry them (read leniently: new fields may come). */
export const eventDestinationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({
    type: z.literal('user'),
    userId: z.string(),
    extensionId: z.string().optional().describe('The user’s extension the number rings (absent in routings recorded before it was kept)'),
  }),
  z.object({ type: z.literal('route'), destinationId: z.string() }),
  z.object({ type: z.literal('managed-route'), destinationId: z.string() }),
  z.object({ type: z.literal('conference-room'), destinationId: z.string(), pinlessEntry: z.boolean(), greetingId: z.string().nullable() }),
  z.object({ type: z.literal('call-forwarding'), forwardTo: z.string() }),
  z.object({ type: z.literal('fax') }),
]);

export const eventCallSettingsSchema = z.object({
  locationSiteId: z.string().nullable(),
  prependCallerId: z.string().nullable(),
  distinctiveRing: z.enum(RING_PATTERN_VALUES).nullable(),
  emergencyRouteId: z.string().nullable(),
  recordInbound: z.boolean(),
});

const displayNameSchema = z.object({ first: z.string(), second: z.string() });
const at = { number: z.string().describe('E.164') };
const N = { number: '+442071230001' };
const SETTINGS = { locationSiteId: null, prependCallerId: null, distinctiveRing: null, emergencyRouteId: null, recordInbound: false };

export const numberRoutingEvents = {
  NumberLifecycleObserved: eventDefinition(z.object({ ...at, observed: observedNumberSchema }), {
    summary: 'What assignment knows of the number’s lifecycle changed (from number-inventory’s events).',
    example: { ...N, observed: OBSERVED_EXAMPLE },
  }),
  NumberRouted: eventDefinition(
    z.object({ ...at, occupierId: z.string().nullable(), destination: eventDestinationSchema, settings: eventCallSettingsSchema }),
    {
      summary: 'Calls to the number now go to the destination, with these call settings.',
      example: { ...N, occupierId: 'acme', destination: { type: 'route', destinationId: 'sales' }, settings: SETTINGS },
    },
  ),
  NumberRoutingCleared: eventDefinition(
    z.object({ ...at, previous: eventDestinationSchema, reason: z.enum(['number-deactivated', 'number-deallocated', 'user-removed']) }),
    {
      summary: 'The number’s routing was removed because it left service or its user was removed.',
      example: { ...N, previous: { type: 'user', userId: 'ada' }, reason: 'number-deactivated' },
    },
  ),
  NumberUserAssignmentRequested: eventDefinition(z.object({ ...at, userId: z.string() }), {
    summary: 'Assigning the number to a user started (the inventory is asked to mark it assigned).',
    example: { ...N, userId: 'ada' },
  }),
  NumberUserAssigned: eventDefinition(z.object({ ...at, userId: z.string() }), {
    summary: 'The number is assigned to the user.',
    example: { ...N, userId: 'ada' },
  }),
  NumberUserAssignmentRejected: eventDefinition(z.object({ ...at, userId: z.string(), reason: z.string() }), {
    summary: 'Assigning the number to the user was refused; the reason is the rule.',
    example: { ...N, userId: 'ada', reason: 'NUMBER_NOT_ACTIVE' },
  }),
  NumberUserUnassigned: eventDefinition(z.object({ ...at, userId: z.string() }), {
    summary: 'The user no longer holds the number.',
    example: { ...N, userId: 'ada' },
  }),
  NumberDisplayNameSet: eventDefinition(z.object({ ...at, displayName: displayNameSchema }), {
    summary: 'The name shown for calls from the number was set.',
    example: { ...N, displayName: { first: 'Acme', second: 'Sales' } },
  }),
  NumberDisplayNameCleared: eventDefinition(z.object(at), { summary: 'The display name was removed.', example: N }),
};

const destinationKey = { tenant: z.string(), destinationId: z.string() };
const D = { tenant: 'acme', destinationId: 'sales' };

export const destinationEvents = {
  DestinationCreated: eventDefinition(
    z.object({ ...destinationKey, kind: z.enum(['route', 'managed-route', 'conference-room']), name: z.string() }),
    { summary: 'An occupier created a route, managed route or conference room.', example: { ...D, kind: 'route', name: 'Sales' } },
  ),
  DestinationRenamed: eventDefinition(z.object({ ...destinationKey, name: z.string() }), {
    summary: 'The destination was renamed.',
    example: { ...D, name: 'Sales desk' },
  }),
  DestinationRemoved: eventDefinition(z.object(destinationKey), { summary: 'The destination was removed.', example: D }),
  DestinationReferenced: eventDefinition(z.object({ ...destinationKey, number: z.string() }), {
    summary: 'A number was routed to the destination (it cannot be removed while referenced).',
    example: { ...D, ...N },
  }),
  DestinationReleased: eventDefinition(z.object({ ...destinationKey, number: z.string() }), {
    summary: 'The number no longer routes to the destination.',
    example: { ...D, ...N },
  }),
};

const userKey = { tenant: z.string(), userId: z.string() };
const U = { tenant: 'acme', userId: 'ada' };
const userName = { firstName: z.string(), lastName: z.string() };

export const occupierUserEvents = {
  UserRegistered: eventDefinition(z.object({ ...userKey, ...userName }), {
    summary: 'An occupier registered a user.',
    example: { ...U, firstName: 'Ada', lastName: 'Lovelace' },
  }),
  UserRenamed: eventDefinition(z.object({ ...userKey, ...userName }), {
    summary: 'The user’s name changed.',
    example: { ...U, firstName: 'Ada', lastName: 'King' },
  }),
  UserRemoved: eventDefinition(z.object(userKey), { summary: 'The user was removed.', example: U }),
  UserNumberClaimed: eventDefinition(z.object({ ...userKey, number: z.string() }), {
    summary: 'The user took the one number a user may hold.',
    example: { ...U, ...N },
  }),
  UserNumberReleased: eventDefinition(z.object({ ...userKey, number: z.string() }), {
    summary: 'The user gave the number back.',
    example: { ...U, ...N },
  }),
  UserReferenced: eventDefinition(z.object({ ...userKey, number: z.string() }), {
    summary: 'A number was routed to the user.',
    example: { ...U, ...N },
  }),
  UserReferenceReleased: eventDefinition(z.object({ ...userKey, number: z.string() }), {
    summary: 'The number no longer routes to the user.',
    example: { ...U, ...N },
  }),
};

export const greetingEvents = {
  GreetingUploaded: eventDefinition(
    z.object({ tenant: z.string(), greetingId: z.string(), contentType: z.string(), bytes: z.number().int(), sha256: z.string() }),
    {
      summary: 'An audio greeting was stored (the event references it by digest; it never carries the audio).',
      example: { tenant: 'acme', greetingId: 'welcome', contentType: 'audio/mpeg', bytes: 48_213, sha256: 'a3f1'.repeat(16) },
    },
  ),
};

export const accountFeaturesEvents = {
  AccountFeaturesSet: eventDefinition(z.object({ tenant: z.string(), conferenceBridge: z.boolean() }), {
    summary: 'The occupier’s account features changed: with the conference bridge, numbers may be routed to its conference rooms.',
    example: { tenant: 'acme', conferenceBridge: true },
  }),
};

export const assignmentEvents: EventCatalogue = {
  service: SERVICE,
  title: 'Assignment',
  aggregates: [
    {
      aggregate: 'number-routing',
      description: 'Where one number’s calls go, its call settings, user and display name.',
      events: numberRoutingEvents,
    },
    { aggregate: 'destination', description: 'An occupier’s route, managed route or conference room.', events: destinationEvents },
    { aggregate: 'occupier-user', description: 'A user of an occupier, and the number the user holds.', events: occupierUserEvents },
    { aggregate: 'greeting', description: 'An uploaded audio greeting, by reference.', events: greetingEvents },
    {
      aggregate: 'account-features',
      description: 'The features an occupier’s account has (the conference bridge).',
      events: accountFeaturesEvents,
    },
  ],
};
