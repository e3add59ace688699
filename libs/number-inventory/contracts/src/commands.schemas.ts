import { z } from 'zod';
import { text } from '@tnp/kernel';
import { e164Schema, numberKindSchema, occupierIdSchema, ownerSchema, siteIdSchema } from './common.schemas';

export const MAX_NUMBERS_PER_CALL = 10_000;

const digitsOf = (n: string): bigint => BigInt(n.slice(1));

/**
 * A range's own checks compare start and end as numbers, so they run only once both are E.164
 * (`when`): zod runs a refinement after a failed format check otherwise, and "020 7946 0000" would
 * reach BigInt and throw instead of answering which field is wrong.
 */
const numberRangeSchema = z.strictObject({ start: e164Schema, end: e164Schema }).superRefine(
  ({ start, end }, ctx) => {
    if (start.length !== end.length) ctx.addIssue({ code: 'custom', path: ['end'], message: 'start and end must have the same length' });
    else if (digitsOf(end) < digitsOf(start)) ctx.addIssue({ code: 'custom', path: ['end'], message: 'end must not be below start' });
    else if (digitsOf(end) - digitsOf(start) + 1n > BigInt(MAX_NUMBERS_PER_CALL)) {
      ctx.addIssue({ code: 'custom', path: [], message: `a call provisions at most ${MAX_NUMBERS_PER_CALL} numbers` });
    }
  },
  { when: (payload) => payload.issues.length === 0 },
);

export const provisionNumbersSchema = z
  .strictObject({
    siteId: siteIdSchema,
    rangeName: text({ max: 100, min: 1 }),
    kind: numberKindSchema.default('standard'),
    numbers: z.array(e164Schema).min(1).max(MAX_NUMBERS_PER_CALL).optional(),
    range: numberRangeSchema.optional(),
    ext: z
      .string()
      .regex(/^\d{1,10}$/, 'must be 1-10 digits')
      .optional(),
    extFromLastDigits: z.number().int().min(1).max(10).optional(),
    portedIn: z.boolean().default(false),
    portedFrom: text({ max: 200, min: 1 }).optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.numbers === undefined) === (value.range === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['numbers'], message: 'give exactly one of numbers or range' });
    }
    const count = value.numbers?.length ?? (value.range ? 2 : 0);
    if (value.ext !== undefined && count > 1)
      ctx.addIssue({ code: 'custom', path: ['ext'], message: 'ext is for a single number; use extFromLastDigits for several' });
    if (value.portedFrom !== undefined && !value.portedIn)
      ctx.addIssue({ code: 'custom', path: ['portedFrom'], message: 'portedFrom needs portedIn: true' });
  });

const atNumber = { siteId: siteIdSchema, number: e164Schema };

export const allocateNumberSchema = z.strictObject({ ...atNumber, owner: ownerSchema });
export const numberAtSiteSchema = z.strictObject(atNumber);
export const lockNumberSchema = z.strictObject({ ...atNumber, reason: text({ max: 500, min: 1, multiline: true }).optional() });
/** A user id is an identifier like an occupier id (assignment's slug), not free text. */
export const markNumberAssignedSchema = z.strictObject({ ...atNumber, userId: occupierIdSchema });
export const allocateNumbersSchema = z.strictObject({
  siteId: siteIdSchema,
  occupierId: occupierIdSchema,
  count: z.number().int().min(1).max(1000),
});
/** Voice services for an occupier at a site; with no numbers reserved for it there, `numbers` available ones come with them. */
export const addVoiceServicesSchema = z.strictObject({
  siteId: siteIdSchema,
  occupierId: occupierIdSchema,
  numbers: z.number().int().min(1).max(100).default(1),
});
export const voiceServicesAtSchema = z.strictObject({ siteId: siteIdSchema, occupierId: occupierIdSchema });

export const configureSiteSchema = z.strictObject({
  siteId: siteIdSchema,
  coolingOffDays: z.number().int().min(0).max(3650),
  /** Let a number's previous owner take it back while it cools off (off unless the site says so). */
  previousOwnerMayReclaim: z.boolean().optional(),
});

export type ProvisionNumbersInput = z.infer<typeof provisionNumbersSchema>;
export type AllocateNumberInput = z.infer<typeof allocateNumberSchema>;
export type NumberAtSiteInput = z.infer<typeof numberAtSiteSchema>;
export type LockNumberInput = z.infer<typeof lockNumberSchema>;
export type MarkNumberAssignedInput = z.infer<typeof markNumberAssignedSchema>;
export type AllocateNumbersInput = z.infer<typeof allocateNumbersSchema>;
export type ConfigureSiteInput = z.infer<typeof configureSiteSchema>;

/** The organisation's name, as site lists and exports show whom a number is allocated to. */
export const nameOccupierSchema = z.strictObject({ occupierId: occupierIdSchema, name: text({ max: 120, min: 1 }) });
export type NameOccupierInput = z.infer<typeof nameOccupierSchema>;

export const BULK_ACTIONS = ['allocate', 'deallocate', 'activate', 'deactivate', 'lock', 'unlock'] as const;

/**
 * One change to many numbers of a site (a list or a range, up to 10,000), each decided on its own
 * with the same rules as one at a time; dryRun answers the same per-number results and writes nothing.
 */
export const bulkChangeSchema = z
  .strictObject({
    siteId: siteIdSchema,
    action: z.enum(BULK_ACTIONS),
    numbers: z.array(e164Schema).min(1).max(MAX_NUMBERS_PER_CALL).optional(),
    range: numberRangeSchema.optional(),
    owner: ownerSchema.optional().describe('allocate: whom the numbers go to'),
    reason: text({ max: 500, min: 1, multiline: true }).optional().describe('lock: why'),
    dryRun: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if ((value.numbers === undefined) === (value.range === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['numbers'], message: 'give exactly one of numbers or range' });
    }
    if (value.action === 'allocate' && !value.owner) ctx.addIssue({ code: 'custom', path: ['owner'], message: 'allocate needs an owner' });
    if (value.action !== 'allocate' && value.owner)
      ctx.addIssue({ code: 'custom', path: ['owner'], message: 'only allocate takes an owner' });
    if (value.action !== 'lock' && value.reason !== undefined)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'only lock takes a reason' });
  });
export type BulkChangeInput = z.infer<typeof bulkChangeSchema>;

/** A CSV file of numbers to provision and update, a result per row (at most 10,000 rows, 900 KB). */
export const MAX_IMPORT_BYTES = 900 * 1024;
export const importNumbersSchema = z.strictObject({
  siteId: siteIdSchema,
  csv: z.string().min(1).max(MAX_IMPORT_BYTES, `the CSV file may be at most ${MAX_IMPORT_BYTES} bytes`),
  dryRun: z.boolean().default(false),
});
export type ImportNumbersInput = z.infer<typeof importNumbersSchema>;

/**
 * One row: the number, and what it should be. A number the site does not have yet is provisioned
 * (range_name needed); then its owner, status and main flag are brought to what the row says. An
 * empty cell leaves that part as it is.
 */
export const importRowSchema = z.strictObject({
  number: e164Schema,
  range_name: text({ max: 100, min: 1 }).optional(),
  kind: numberKindSchema.optional(),
  ext: z
    .string()
    .regex(/^\d{1,10}$/, 'must be 1-10 digits')
    .optional(),
  owner: z
    .string()
    .regex(/^(none|operator|occupier:[A-Za-z0-9][A-Za-z0-9_.-]{0,63})$/, 'none, operator, or occupier:<occupier id>')
    .optional(),
  status: z.enum(['reserved', 'active']).optional(),
  main: z.enum(['yes', 'no']).optional(),
});
export type ImportRow = z.infer<typeof importRowSchema>;
export const IMPORT_COLUMNS = Object.keys(importRowSchema.shape) as (keyof ImportRow)[];
