import { z } from 'zod';
import { FAX_RATES } from './fax.schemas';

/** What fax answers, as the REST API documents it (see number-inventory's responses.schemas.ts). */
const int = z.number().int();

export const faxOutcomeSchema = z.object({
  number: z.string(),
  eventIds: z.array(z.string()).describe('The ids of the events appended (none for a no-op)'),
});

const faxSettingsViewSchema = z.object({
  outboundCallerId: z.boolean(),
  inboundDetection: z.boolean(),
  detectionWaitSeconds: int,
  minRate: z.literal(FAX_RATES),
  maxRate: z.literal(FAX_RATES),
  t38: z.boolean(),
  errorCorrection: z.boolean(),
});

export const faxNumberViewSchema = z.object({
  number: z.string(),
  tenant: z.string(),
  siteId: z.string(),
  routedToFax: z.boolean().describe("Whether the number's routing sends calls to fax"),
  mode: z.enum(['fax-only', 'voice-and-fax', 'outbound-only', 'off']),
  outboundCallerId: z.boolean(),
  settings: faxSettingsViewSchema.nullable(),
  revision: int,
});

export const faxCallerIdsSchema = z.object({ numbers: z.array(z.object({ number: z.string(), siteId: z.string() })) });
