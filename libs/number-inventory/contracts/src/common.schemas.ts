import { z } from 'zod';

export const SERVICE = 'number-inventory';

export const e164Schema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number: + then 7 to 15 digits, no spaces');

export const siteIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1-64 letters, digits, dot, dash or underscore');

export const occupierIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1-64 letters, digits, dot, dash or underscore');

export const ownerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('operator') }),
  z.strictObject({ type: z.literal('occupier'), occupierId: occupierIdSchema }),
]);

export const numberKindSchema = z.enum(['standard', 'ivr', 'hunt-group', 'remote-access-voicemail']);
export const numberStatusSchema = z.enum(['AVAILABLE', 'RESERVED', 'ACTIVE', 'ASSIGNED']);
