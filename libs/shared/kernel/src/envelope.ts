import { z } from 'zod';
import { consistencyTokenSchema } from './consistency-token';

export const principalSchema = z.strictObject({
  id: z.string().min(1).max(200),
  role: z.enum(['platform', 'operator', 'occupier-admin', 'user', 'system']),
  tenantId: z.string().min(1).max(200).optional(),
  /** For operators: the sites they act on, so services can check numbers they alone can see. */
  sites: z.array(z.string().min(1).max(64)).max(1000).optional(),
});

/** What travels over NATS for every command: the same schema checks internal callers and the gateway. */
export const commandEnvelopeSchema = <D extends z.ZodType>(data: D) =>
  z.strictObject({
    commandId: z.string().min(8).max(100),
    principal: principalSchema,
    correlationId: z.string().min(1).max(100).optional(),
    causationId: z.string().min(1).max(100).optional(),
    consistency: consistencyTokenSchema.optional(),
    data,
  });

export const queryEnvelopeSchema = <D extends z.ZodType>(data: D) =>
  z.strictObject({ principal: principalSchema.optional(), consistency: consistencyTokenSchema.optional(), data });
