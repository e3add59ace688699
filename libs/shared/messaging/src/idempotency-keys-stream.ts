import { z } from 'zod';

/** The gateway's record of which route each Idempotency-Key was first used on (ADR 0017). */
export const idempotencyKeysStream = (prefix: string): string => `${prefix ? `${prefix.toUpperCase()}_` : ''}GATEWAY_IDEMPOTENCY_KEYS`;

export const idempotencyKeySubject = (prefix: string, commandId: string): string =>
  `${prefix ? `${prefix}.` : ''}gateway.idempotency.${commandId}`;

/**
 * How long a command id (a client's Idempotency-Key) stays bound: to its command and reply in a
 * service, to its route in the gateway. One setting, the same default everywhere.
 */
export const idempotencyTtlMs = z.coerce
  .number()
  .int()
  .min(1000)
  .default(24 * 3600 * 1000);
