import { z } from 'zod';
import { eventDefinition, type EventCatalogue } from '@tnp/kernel';
import { OBSERVED_EXAMPLE, observedNumberSchema } from '@tnp/number-lifecycle';
import { FAX_RATES, faxSettingsSchema, SERVICE } from './fax.schemas';

const rate = z.literal(FAX_RATES);
export const eventFaxSettingsSchema = z.object({
  outboundCallerId: z.boolean(),
  inboundDetection: z.boolean(),
  detectionWaitSeconds: z.number().int(),
  minRate: rate,
  maxRate: rate,
  t38: z.boolean(),
  errorCorrection: z.boolean(),
});

const at = { number: z.string().describe('E.164') };
const N = { number: '+442071230001' };

export const faxNumberEvents = {
  FaxNumberObserved: eventDefinition(z.object({ ...at, observed: observedNumberSchema }), {
    summary: 'What fax knows of the number’s lifecycle changed (from number-inventory’s events).',
    example: { ...N, observed: OBSERVED_EXAMPLE },
  }),
  FaxRoutingObserved: eventDefinition(z.object({ ...at, routedToFax: z.boolean() }), {
    summary: 'Whether the number’s calls are routed to fax changed (from assignment’s events).',
    example: { ...N, routedToFax: true },
  }),
  FaxSettingsConfigured: eventDefinition(z.object({ ...at, occupierId: z.string().nullable(), settings: eventFaxSettingsSchema }), {
    summary: 'The number’s fax settings were set.',
    example: {
      ...N,
      occupierId: 'acme',
      // The command's defaults, as the handler stores them, with outbound caller ID on.
      settings: faxSettingsSchema.parse({ outboundCallerId: true }),
    },
  }),
  FaxSettingsCleared: eventDefinition(z.object({ ...at, reason: z.enum(['number-deactivated', 'number-deallocated', 'cleared']) }), {
    summary: 'The number’s fax settings were removed (by request, or because it left service).',
    example: { ...N, reason: 'cleared' },
  }),
};

export const faxEvents: EventCatalogue = {
  service: SERVICE,
  title: 'Fax',
  aggregates: [
    { aggregate: 'fax-number', description: 'One number’s fax settings and what fax knows of its routing.', events: faxNumberEvents },
  ],
};
