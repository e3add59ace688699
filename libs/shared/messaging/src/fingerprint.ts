import { createHash } from 'node:crypto';

const canonical = (value: unknown): unknown => {
  if (value instanceof Uint8Array) return `bytes:sha256:${createHash('sha256').update(value).digest('hex')}`;
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonical((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonical(item)));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
};

/**
 * JSON with object keys sorted at every level and undefined members left out: the same request
 * gives the same text whatever order its members arrived in. Bytes (raw uploads) stand as their hash.
 */
export const canonicalJson = (value: unknown): string => JSON.stringify(canonical(value)) ?? 'null';

/** What a command id (an Idempotency-Key) is bound to: a hash of what the request asked for. */
export const requestFingerprint = (...parts: readonly unknown[]): string =>
  createHash('sha256').update(canonicalJson(parts)).digest('base64url');
