/** The gateway's record of which route each Idempotency-Key was first used on (ADR 0017). */
export const idempotencyKeysStream = (prefix: string): string => `${prefix ? `${prefix.toUpperCase()}_` : ''}GATEWAY_IDEMPOTENCY_KEYS`;

export const idempotencyKeySubject = (prefix: string, commandId: string): string =>
  `${prefix ? `${prefix}.` : ''}gateway.idempotency.${commandId}`;
