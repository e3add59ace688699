export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'INVALID_TRANSITION'
  | 'RULE_VIOLATED'
  | 'CONCURRENCY_CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'TOO_MANY_ATTEMPTS'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export type FieldError = { readonly path: string; readonly message: string };

/** How far a follower (a projection, or a reaction to another context) is behind what a caller waited for. */
export type FollowerLag = { readonly follower: string; readonly events: number };

export type ErrorBody = {
  readonly code: ErrorCode;
  readonly message: string;
  readonly rule?: string;
  readonly fields?: readonly FieldError[];
  /** A consistency wait that ran out: who was still behind, by how many events. */
  readonly lag?: readonly FollowerLag[];
  readonly retryable?: boolean;
};

export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  RULE_VIOLATED: 409,
  CONCURRENCY_CONFLICT: 409,
  /** An Idempotency-Key (a command id) sent again with another request: another route, body or command. */
  IDEMPOTENCY_KEY_REUSED: 422,
  /** A caller that has guessed too often (PINs): retry after the window. */
  TOO_MANY_ATTEMPTS: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The one error type that crosses every boundary: HTTP, NATS and the domain speak the same codes. */
export class PlatformError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { rule?: string; fields?: readonly FieldError[]; lag?: readonly FollowerLag[] } = {},
    /** `cause`: the failure underneath (a driver error), kept for the logs, never sent to callers. */
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'PlatformError';
  }

  get retryable(): boolean {
    return this.code === 'CONCURRENCY_CONFLICT' || this.code === 'UNAVAILABLE' || this.code === 'TOO_MANY_ATTEMPTS';
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.details.rule ? { rule: this.details.rule } : {}),
      ...(this.details.fields ? { fields: this.details.fields } : {}),
      ...(this.details.lag ? { lag: this.details.lag } : {}),
      ...(this.retryable ? { retryable: true } : {}),
    };
  }

  static fromBody(body: ErrorBody): PlatformError {
    return new PlatformError(body.code, body.message, {
      ...(body.rule ? { rule: body.rule } : {}),
      ...(body.fields ? { fields: body.fields } : {}),
      ...(body.lag ? { lag: body.lag } : {}),
    });
  }
}

/** A business rule refused the command; `rule` names which one. */
export const ruleViolated = (rule: string, message: string): PlatformError => new PlatformError('RULE_VIOLATED', message, { rule });

export const invalidTransition = (rule: string, message: string): PlatformError =>
  new PlatformError('INVALID_TRANSITION', message, { rule });

export const notFound = (message: string): PlatformError => new PlatformError('NOT_FOUND', message);

export const validationFailed = (fields: readonly FieldError[], message = 'Request validation failed'): PlatformError =>
  new PlatformError('VALIDATION_FAILED', message, { fields });

export const isPlatformError = (error: unknown): error is PlatformError => error instanceof PlatformError;

/**
 * What every command and query answers over NATS: a value, or a typed error. `consistency` is
 * where the answering service's log stood once the request was done (see consistency-token.ts).
 */
export type Reply<T = unknown> = ({ readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorBody }) & {
  readonly consistency?: string;
};
export type CommandReply<T = unknown> = Reply<T>;
