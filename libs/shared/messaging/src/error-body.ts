import { isConnectionFailure } from '@tnp/event-store';
import { isPlatformError, type ErrorBody } from '@tnp/kernel';

/**
 * Any thrown value as the typed error a caller receives; unexpected ones never leak internals.
 * A database that cannot be reached is a reason to retry (UNAVAILABLE), not an internal error.
 */
export const toErrorBody = (error: unknown): ErrorBody =>
  isPlatformError(error)
    ? error.toBody()
    : isConnectionFailure(error)
      ? { code: 'UNAVAILABLE', message: 'A backing store is unreachable; retry shortly', retryable: true }
      : { code: 'INTERNAL', message: 'Internal error; the failure was logged' };

/**
 * Refusals are answers: a repeated command must get the same one. Transient failures are not.
 * A command id bound to another command is final too: sending it again cannot change the answer.
 */
export const isFinalAnswer = (body: ErrorBody): boolean =>
  body.code === 'RULE_VIOLATED' ||
  body.code === 'INVALID_TRANSITION' ||
  body.code === 'NOT_FOUND' ||
  body.code === 'IDEMPOTENCY_KEY_REUSED';
