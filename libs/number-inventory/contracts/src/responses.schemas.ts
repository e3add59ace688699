import { z } from 'zod';
import type { DeepReadonly } from '@tnp/kernel';
import { numberKindSchema, numberStatusSchema } from './common.schemas';

/**
 * What number-inventory answers, as the REST API documents it (the OpenAPI document is built
 * from these, and a conformance check in the end-to-end suite holds real answers to them).
 */
const int = z.number().int();
const eventIds = z.array(z.string()).describe('The ids of the events appended (none for a no-op)');

export const commandResultSchema = z.object({
  streamId: z.string(),
  revision: int.describe('The stream revision after the command (-1: the stream does not exist)'),
  eventIds,
});

export const provisionOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ number: z.string(), outcome: z.literal('provisioned') }),
  z.object({ number: z.string(), outcome: z.literal('skipped'), reason: z.string() }),
  z.object({ number: z.string(), outcome: z.literal('failed'), reason: z.string(), rule: z.string().optional() }),
]);

export const provisionNumbersResultSchema = z.object({
  status: z.enum(['COMPLETE', 'PARTIAL', 'FAILED']),
  provisioned: int,
  skipped: int,
  failed: int,
  results: z.array(provisionOutcomeSchema),
});

export const bulkChangeResultSchema = z.object({
  status: z.enum(['COMPLETE', 'PARTIAL', 'FAILED']).describe('COMPLETE: none refused; FAILED: all refused; PARTIAL: some of each'),
  dryRun: z.boolean().describe('true: nothing was written; the results are what the change would do now'),
  action: z.string(),
  counts: z.object({ done: int, unchanged: int, refused: int }),
  results: z.array(
    z.object({
      number: z.string(),
      outcome: z.enum(['done', 'unchanged', 'refused']),
      code: z.string().optional().describe('refused: the error code (RULE_VIOLATED, INVALID_TRANSITION, NOT_FOUND)'),
      rule: z.string().optional().describe('refused: the rule'),
    }),
  ),
  events: int.describe('How many events the change appended (0 for a dry run); ids are left out so 10,000 results fit one reply'),
});
export type BulkChangeResult = z.infer<typeof bulkChangeResultSchema>;

export const importNumbersResultSchema = z.object({
  status: z.enum(['COMPLETE', 'PARTIAL', 'FAILED']).describe('COMPLETE: no row refused; FAILED: every row refused; PARTIAL: some of each'),
  dryRun: z.boolean().describe('true: nothing was written; the results are what the import would do now'),
  counts: z.object({ done: int, unchanged: int, refused: int }),
  results: z.array(
    z.object({
      row: int.describe('The data row, from 1 (the header is row 0)'),
      number: z.string().nullable(),
      outcome: z.enum(['done', 'unchanged', 'refused']),
      changes: z.array(z.enum(['provisioned', 'allocated', 'deallocated', 'activated', 'deactivated', 'made-main', 'main-removed'])),
      code: z.string().optional().describe('refused: the error code'),
      rule: z.string().optional().describe('refused: the rule'),
      field: z.string().optional().describe('refused for a bad cell: its column'),
      message: z.string().optional().describe('refused for a bad cell: what is wrong with it'),
    }),
  ),
  events: int.describe('How many events the import appended (0 for a dry run)'),
});
export type ImportNumbersResult = z.infer<typeof importNumbersResultSchema>;

export const allocateNumbersResultSchema = z.object({ numbers: z.array(z.string()), eventIds });
export const voiceServicesResultSchema = z.object({
  active: z.boolean(),
  allocated: z
    .array(z.string())
    .describe('The numbers allocated automatically with the voice services (none when some were reserved already)'),
  eventIds,
});
export const voiceServicesViewSchema = z.object({
  siteId: z.string(),
  occupierId: z.string(),
  active: z.boolean(),
  allocatedNumbers: z.number().int().describe('Numbers allocated to the occupier at the site (reserved, active or assigned)'),
});

export const siteNumberViewSchema = z.object({
  number: z.string(),
  siteId: z.string(),
  ext: z.string().nullable(),
  status: numberStatusSchema,
  kind: numberKindSchema,
  allocatedTo: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('operator') }),
      z.object({
        type: z.literal('occupier'),
        occupierId: z.string(),
        name: z.string().nullable().describe('The organisation’s name; null until the platform names it'),
      }),
    ])
    .nullable(),
  coolingOffUntil: z.string().nullable().describe('ISO 8601: until when the number cools off after leaving service'),
  isMain: z.boolean(),
  rangeName: z.string(),
  locked: z.boolean(),
  portedIn: z.boolean(),
  portedFrom: z.string().nullable(),
  assignedUserId: z.string().nullable(),
  revision: int,
});

export const siteNumberPageSchema = z.object({
  items: z.array(siteNumberViewSchema),
  total: int.describe('Rows matching the filters, in the same snapshot as the items; a lower bound when totalExact is false'),
  totalExact: z
    .boolean()
    .describe('False when a filter the site counts cannot answer (search, occupier) matched more rows than the list counts one by one'),
  page: int,
  pageSize: int,
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page'),
  statusesPresent: z
    .array(numberStatusSchema)
    .describe("Statuses present in the site's unfiltered list: the only ones worth offering as filters"),
});

export const occupierNumbersSchema = z.object({
  occupierId: z.string(),
  sites: z.array(z.object({ siteId: z.string(), numbers: z.array(siteNumberViewSchema) })),
});

export type CommandResult = DeepReadonly<z.output<typeof commandResultSchema>>;
export type ProvisionOutcome = DeepReadonly<z.output<typeof provisionOutcomeSchema>>;
export type ProvisionNumbersResult = DeepReadonly<z.output<typeof provisionNumbersResultSchema>>;
export type AllocateNumbersResult = DeepReadonly<z.output<typeof allocateNumbersResultSchema>>;
export type SiteNumberView = DeepReadonly<z.output<typeof siteNumberViewSchema>>;
export type SiteNumberPage = DeepReadonly<z.output<typeof siteNumberPageSchema>>;
export type OccupierNumbers = DeepReadonly<z.output<typeof occupierNumbersSchema>>;
