import { z } from 'zod';
import { numberHistoryEntrySchema, streamStateSchema } from '@tnp/kernel';
import { e164Schema } from './common.schemas';

/** The contexts a number's history spans, in the order entries of the same instant are listed. */
export const HISTORY_CONTEXTS = ['number-inventory', 'assignment', 'fax', 'extension-device', 'call-flow'] as const;
export type HistoryContext = (typeof HISTORY_CONTEXTS)[number];

const cursorSchema = z
  .string()
  .max(400)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a nextCursor from an earlier page');

export const numberHistorySchema = z.strictObject({
  number: e164Schema,
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** The page after this position: a previous page's nextCursor. */
  cursor: cursorSchema.optional(),
});
export type NumberHistoryInput = z.infer<typeof numberHistorySchema>;

export const numberStateAtSchema = z.strictObject({
  number: e164Schema,
  at: z.iso.datetime({ offset: true }).max(40),
});
export type NumberStateAtInput = z.infer<typeof numberStateAtSchema>;

/** Why a change happened: the reason given with the request or rule, and the change in another context it followed from. */
export const historyWhySchema = z.strictObject({
  reason: z.string().nullable(),
  causedBy: z.strictObject({ context: z.string(), type: z.string(), eventId: z.string() }).nullable(),
});

export const numberTimelineEntrySchema = numberHistoryEntrySchema.extend({ why: historyWhySchema });
export type NumberTimelineEntry = z.infer<typeof numberTimelineEntrySchema>;

export const numberHistoryPageSchema = z.strictObject({
  number: e164Schema,
  siteId: z.string().nullable(),
  entries: z.array(numberTimelineEntrySchema),
  nextCursor: z.string().nullable(),
  /** Contexts that did not answer: their entries are missing from this page (retry for the whole history). */
  unavailable: z.array(z.string()),
});
export type NumberHistoryPage = z.infer<typeof numberHistoryPageSchema>;

export const numberStateAtResultSchema = z.strictObject({
  number: e164Schema,
  at: z.string(),
  siteId: z.string().nullable(),
  /** Each context's streams of the number as they stood at `at`; a context that knew nothing of it then has none. */
  contexts: z.record(z.string(), z.array(streamStateSchema)),
  unavailable: z.array(z.string()),
});
export type NumberStateAt = z.infer<typeof numberStateAtResultSchema>;
