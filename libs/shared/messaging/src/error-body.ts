import { isPlatformError, type ErrorBody } from '@tnp/kernel';

/** Any thrown value as the typed error a caller receives; unexpected ones never leak internals. */
export const toErrorBody = (error: unknown): ErrorBody =>
  isPlatformError(error) ? error.toBody() : { code: 'INTERNAL', message: 'Internal error; the failure was logged' };

/** Refusals are answers: a repeated command must get the same one. Transient failures are not. */
export const isFinalAnswer = (body: ErrorBody): boolean =>
  body.code === 'RULE_VIOLATED' || body.code === 'INVALID_TRANSITION' || body.code === 'NOT_FOUND';
