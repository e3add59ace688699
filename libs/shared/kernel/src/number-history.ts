import { z } from 'zod';

/**
 * What each context tells about one number, for its history across contexts (ADR 0028): the
 * events of the streams that belong to the number, in the context's words, and with `at` the
 * state those streams had at that instant. number-inventory asks every context and merges.
 */
export const numberHistoryPartQuerySchema = z.strictObject({
  number: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number: + then 7 to 15 digits, no spaces'),
  /** Only what was recorded at or before this instant, and the state then. */
  at: z.iso.datetime({ offset: true }).max(40).optional(),
});
export type NumberHistoryPartQuery = z.infer<typeof numberHistoryPartQuerySchema>;

export const historyPrincipalSchema = z.strictObject({ id: z.string(), role: z.string() });

/** One recorded change to a number, in any context. */
export const numberHistoryEntrySchema = z.strictObject({
  context: z.string(),
  streamId: z.string(),
  revision: z.number().int(),
  eventId: z.string(),
  type: z.string(),
  recordedAt: z.string(),
  data: z.unknown(),
  /** Who: the principal the command ran as (a context's own reaction runs as `system`). */
  principal: historyPrincipalSchema.nullable(),
  tenantId: z.string().nullable(),
  /** Through which command: its type (null on events recorded before types were kept) and id. */
  command: z.string().nullable(),
  commandId: z.string(),
  correlationId: z.string(),
  /** The event or command this one followed from (a reaction's: the other context's event id). */
  causationId: z.string().nullable(),
});
export type NumberHistoryEntry = z.infer<typeof numberHistoryEntrySchema>;

export const streamStateSchema = z.strictObject({ streamId: z.string(), revision: z.number().int(), state: z.unknown() });
export type StreamState = z.infer<typeof streamStateSchema>;

export const numberHistoryPartSchema = z.strictObject({
  context: z.string(),
  entries: z.array(numberHistoryEntrySchema),
  /** With `at`: each of the number's streams as it stood then (streams that did not exist yet are absent). */
  states: z.array(streamStateSchema).optional(),
});
export type NumberHistoryPart = z.infer<typeof numberHistoryPartSchema>;

export const NUMBER_HISTORY_PART_QUERY = 'number-history-part';

export const numberHistoryPartSubject = (service: string, prefix = ''): string =>
  `${prefix ? `${prefix}.` : ''}qry.${service}.${NUMBER_HISTORY_PART_QUERY}`;

export const REDACTED_SECRET = '[secret: stored hashed, never shown]';

const isSecretHash = (value: object): boolean => {
  const keys = Object.keys(value);
  return keys.length === 2 && 'salt' in value && 'hash' in value;
};

/**
 * A value as a history shows it: Maps become objects, Sets arrays (decider states may hold
 * either), and secrets (PINs, stored as salted hashes) are replaced, never shown to anyone.
 */
export const toHistoryJson = (value: unknown): unknown => {
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toHistoryJson(v)]));
  if (value instanceof Set) return [...value].map(toHistoryJson);
  if (Array.isArray(value)) return value.map(toHistoryJson);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object')
    return isSecretHash(value) ? REDACTED_SECRET : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toHistoryJson(v)]));
  return value;
};
