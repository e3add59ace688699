import { z } from 'zod';
import { validationFailed } from './errors';

/**
 * Read-your-writes across contexts (ADR 0025). A consistency token says, per service, how far
 * that service's event log had come when a caller's command was done:
 * `number-inventory@812.1204,assignment@99.37` (service `@` transaction id `.` position, the
 * log's commit-safe order). A request that carries it is answered once every follower of those
 * logs in the context it reaches (a reaction to number-inventory, a projection of its own) has
 * processed that far. The gateway hands the token back merged with each command's own position,
 * so a client only ever keeps the latest one.
 */
export type LogMark = { readonly transactionId: number; readonly position: number };

export type ConsistencyToken = ReadonlyMap<string, LogMark>;

export const CONSISTENCY_HEADER = 'consistency-token';

const ENTRY = /^([a-z][a-z0-9-]{0,62})@(\d{1,19})\.(\d{1,19})$/;
const MAX_ENTRIES = 32;

export const consistencyTokenSchema = z
  .string()
  .max(2048)
  .refine((text) => tryParseConsistencyToken(text) !== undefined, {
    message: 'a consistency token is <service>@<transaction>.<position>, comma-separated, as an earlier answer gave it',
  });

const tryParseConsistencyToken = (text: string): ConsistencyToken | undefined => {
  const entries = text.split(',').map((part) => part.trim());
  if (entries.length === 0 || entries.length > MAX_ENTRIES) return undefined;
  const token = new Map<string, LogMark>();
  for (const entry of entries) {
    const match = ENTRY.exec(entry);
    if (!match) return undefined;
    const mark = { transactionId: Number(match[2]), position: Number(match[3]) };
    if (!Number.isSafeInteger(mark.transactionId) || !Number.isSafeInteger(mark.position)) return undefined;
    token.set(match[1]!, laterMark(token.get(match[1]!), mark));
  }
  return token;
};

/** The token a caller sent; a malformed one is refused naming the header, never ignored. */
export const parseConsistencyToken = (text: string, field = 'Consistency-Token'): ConsistencyToken => {
  const token = tryParseConsistencyToken(text);
  if (!token) {
    throw validationFailed([
      {
        path: field,
        message: 'is not a consistency token: <service>@<transaction>.<position>, comma-separated, as an earlier answer gave it',
      },
    ]);
  }
  return token;
};

export const formatConsistencyToken = (token: ConsistencyToken): string =>
  [...token]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([service, mark]) => `${service}@${mark.transactionId}.${mark.position}`)
    .join(',');

export const compareMarks = (a: LogMark, b: LogMark): number =>
  a.transactionId !== b.transactionId ? a.transactionId - b.transactionId : a.position - b.position;

const laterMark = (a: LogMark | undefined, b: LogMark): LogMark => (a && compareMarks(a, b) >= 0 ? a : b);

/** Both tokens' marks, the later one per service. */
export const mergeConsistencyTokens = (...tokens: readonly (ConsistencyToken | undefined)[]): ConsistencyToken => {
  const merged = new Map<string, LogMark>();
  for (const token of tokens) for (const [service, mark] of token ?? []) merged.set(service, laterMark(merged.get(service), mark));
  return merged;
};
