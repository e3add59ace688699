import { z } from 'zod';

export const SERVICE = 'fax';
export const FAX_RATES = [2400, 4800, 7200, 9600, 12000, 14400] as const;

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number: + then 7 to 15 digits, no spaces');
const rate = z.literal(FAX_RATES, { error: `must be one of ${FAX_RATES.join(', ')}` });

export const faxSettingsSchema = z
  .strictObject({
    outboundCallerId: z.boolean().default(false),
    inboundDetection: z.boolean().default(false),
    detectionWaitSeconds: z.number().int().min(1).max(30).default(5),
    minRate: rate.default(2400),
    maxRate: rate.default(14400),
    t38: z.boolean().default(true),
    errorCorrection: z.boolean().default(true),
  })
  .refine((s) => s.minRate <= s.maxRate, { path: ['minRate'], message: 'must not be above maxRate' });

export const configureFaxSchema = z.strictObject({ number: e164, settings: faxSettingsSchema });
export const faxNumberSchema = z.strictObject({ number: e164 });
export const listFaxCallerIdsSchema = z.strictObject({ occupierId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/) });

export type FaxSettingsInput = z.infer<typeof faxSettingsSchema>;

export const FaxCommands = { configureFax: 'configure-fax', clearFax: 'clear-fax' } as const;
export const FaxQueries = { getFaxSettings: 'get-fax-settings', listOutboundCallerIds: 'list-outbound-caller-ids' } as const;

const withPrefix = (prefix: string, subject: string): string => (prefix ? `${prefix}.${subject}` : subject);
export const faxCommandSubject = (name: (typeof FaxCommands)[keyof typeof FaxCommands], prefix = ''): string =>
  withPrefix(prefix, `cmd.${SERVICE}.${name}`);
export const faxQuerySubject = (name: (typeof FaxQueries)[keyof typeof FaxQueries], prefix = ''): string =>
  withPrefix(prefix, `qry.${SERVICE}.${name}`);
