const NODE_CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const DRIVER_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection ended unexpectedly/i,
  /Client was closed and is not queryable/i,
  /terminating connection/i,
];

/** SQLSTATE classes of a server that is unreachable, shutting down, starting, or out of connections. */
export const isUnavailable = (sqlState: string): boolean =>
  sqlState.startsWith('08') || sqlState.startsWith('57P') || sqlState.startsWith('53');

/**
 * Whether an error (from pg, or wrapped by MikroORM in its cause) means PostgreSQL cannot be
 * reached right now: the caller should answer UNAVAILABLE and retry, never INTERNAL.
 */
export const isConnectionFailure = (error: unknown): boolean => {
  // Not `instanceof Error`: socket errors are made by Node's own realm, which a VM context (Jest) does not share.
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    const sqlState = (e as { sqlState?: unknown }).sqlState;
    const message = (e as { message?: unknown }).message;
    if (typeof code === 'string' && (NODE_CONNECTION_CODES.has(code) || (code.length === 5 && isUnavailable(code)))) return true;
    if (typeof sqlState === 'string' && isUnavailable(sqlState)) return true;
    if (typeof message === 'string' && DRIVER_MESSAGES.some((m) => m.test(message))) return true;
    // Connecting to a name with several addresses fails with every attempt's error.
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isConnectionFailure(inner))) return true;
  }
  return false;
};
