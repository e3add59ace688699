import type { KeyObject } from 'node:crypto';
import {
  SignJWT,
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwksCache,
  jwtVerify,
  type ExportedJWKSCache,
  type JWKSCacheInput,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { PlatformError } from '@tnp/kernel';
import { callerFromClaims, claimsSchema, type Caller, type Role } from './principal';
import type { Logger } from '@tnp/platform';
import { legacySecretOf, type GatewayConfig } from '../gateway.config';
import { isAsymmetric, isSymmetric, type VerificationKey } from './keys';

/** How a dev or test token is signed: HS256 with a shared secret, with a `kid` when one is given. */
export type JwtSettings = {
  readonly secret: string | Uint8Array;
  readonly issuer: string;
  readonly audience: string;
  readonly kid?: string;
};

export type TokenVerifierOptions = {
  readonly issuer: string;
  readonly audience: string;
  /** Longest lifetime accepted, in seconds: exp - iat (or exp - now when there is no iat). */
  readonly maxLifetimeSeconds: number;
  readonly clockToleranceSeconds?: number;
  /** HS256 secret for tokens without a kid. */
  readonly secret?: string | undefined;
  /** Keys by kid, each bound to its algorithm. */
  readonly keys?: readonly VerificationKey[];
  /** An identity provider's JSON Web Key Set, for asymmetric keys by kid. */
  readonly jwks?:
    | {
        readonly url: string;
        readonly algorithms: readonly string[];
        readonly timeoutMs?: number;
        /** How long fetched keys are used before they are fetched again (jose's default: 10 min). */
        readonly cacheMaxAgeMs?: number;
        /** The least time between two fetches for an unknown kid (jose's default: 30 s). */
        readonly cooldownMs?: number;
      }
    | undefined;
  /** Told when stale JWKS keys are used because the identity provider did not answer. */
  readonly onJwksFailure?: (error: unknown, usingStaleKeys: boolean) => void;
};

export type TokenVerifier = { readonly verify: (authorization: string | undefined) => Promise<Caller> };

/** Keys fetched from a JWKS URL stay usable this long after the last successful fetch while the URL fails. */
const JWKS_STALE_LIMIT_MS = 3600 * 1000;

const unauthenticated = (reason: string): PlatformError => new PlatformError('UNAUTHENTICATED', `Invalid token: ${reason}`);

/** Errors of choosing a key from a fetched set: the token's fault. Anything else from the set is the fetch failing. */
const isKeySelectionError = (error: unknown): boolean =>
  error instanceof errors.JWKSNoMatchingKey ||
  error instanceof errors.JWKSMultipleMatchingKeys ||
  error instanceof errors.JOSENotSupported ||
  error instanceof errors.JWKInvalid;

/**
 * The identity provider's keys, fetched and cached by jose (refetched when a token names an
 * unknown kid, at most every 30 s). While the provider does not answer, the keys fetched last are
 * used for up to an hour; without any, verification answers UNAVAILABLE (retryable), not 401.
 */
const remoteKeys = (jwks: NonNullable<TokenVerifierOptions['jwks']>, onFailure: TokenVerifierOptions['onJwksFailure']): JWTVerifyGetKey => {
  // jose writes each fetched set here: the last good one, for when the provider stops answering.
  const cache: Partial<ExportedJWKSCache> = {};
  const remote = createRemoteJWKSet(new URL(jwks.url), {
    timeoutDuration: jwks.timeoutMs ?? 5000,
    ...(jwks.cacheMaxAgeMs !== undefined ? { cacheMaxAge: jwks.cacheMaxAgeMs } : {}),
    ...(jwks.cooldownMs !== undefined ? { cooldownDuration: jwks.cooldownMs } : {}),
    [jwksCache]: cache as JWKSCacheInput,
  });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (isKeySelectionError(error)) throw error;
      const stale = cache.jwks && cache.uat !== undefined && Date.now() - cache.uat < JWKS_STALE_LIMIT_MS ? cache.jwks : undefined;
      onFailure?.(error, stale !== undefined);
      if (stale) return createLocalJWKSet(stale)(header, token);
      throw new PlatformError(
        'UNAVAILABLE',
        `The identity provider's keys could not be fetched (${(error as Error).message}); retry shortly`,
        {},
        { cause: error },
      );
    }
  };
};

/**
 * Verifies bearer tokens. Which key checks a token, and with which algorithm, is decided here, never
 * by the token: a kid names a configured key (bound to its algorithm) or a key of the identity
 * provider's set (asymmetric algorithms only); a token without a kid is checked against the HS256
 * secret. `exp` is required and the lifetime bounded; `iss` and `aud` must match.
 */
export const createTokenVerifier = (options: TokenVerifierOptions): TokenVerifier => {
  const keys = new Map((options.keys ?? []).map((k) => [k.kid, k]));
  const secret = options.secret ? new TextEncoder().encode(options.secret) : undefined;
  const remote = options.jwks ? remoteKeys(options.jwks, options.onJwksFailure) : undefined;
  const jwksAlgorithms = (options.jwks?.algorithms ?? []).filter(isAsymmetric);
  const tolerance = options.clockToleranceSeconds ?? 30;

  const keyFor = (header: { alg?: unknown; kid?: unknown }): { key: KeyObject | Uint8Array | JWTVerifyGetKey; algorithms: string[] } => {
    const { alg, kid } = header;
    if (typeof alg !== 'string' || !(isSymmetric(alg) || isAsymmetric(alg)))
      throw unauthenticated(`algorithm ${String(alg)} is not accepted`);
    if (kid !== undefined) {
      if (typeof kid !== 'string') throw unauthenticated('kid must be a string');
      const known = keys.get(kid);
      if (known) {
        if (known.alg !== alg) throw unauthenticated(`key ${kid} verifies ${known.alg} tokens, not ${alg}`);
        return { key: known.key, algorithms: [known.alg] };
      }
      if (remote && isAsymmetric(alg)) return { key: remote, algorithms: jwksAlgorithms };
      throw unauthenticated(`unknown key id ${kid}`);
    }
    if (alg === 'HS256' && secret) return { key: secret, algorithms: ['HS256'] };
    if (remote && isAsymmetric(alg)) return { key: remote, algorithms: jwksAlgorithms };
    throw unauthenticated(`a ${alg} token must name its key (kid)`);
  };

  const checkLifetime = (payload: JWTPayload): void => {
    const now = Math.floor(Date.now() / 1000);
    const { exp, iat } = payload;
    if (typeof exp !== 'number') throw unauthenticated('exp is required');
    if (iat !== undefined && iat > now + tolerance) throw unauthenticated('iat is in the future');
    const lifetime = exp - (iat ?? now);
    if (lifetime > options.maxLifetimeSeconds + tolerance || exp - now > options.maxLifetimeSeconds + tolerance) {
      throw unauthenticated(
        `it lives ${lifetime} s, longer than the ${options.maxLifetimeSeconds} s allowed (JWT_MAX_LIFETIME); ask for a shorter-lived token`,
      );
    }
  };

  return {
    verify: async (authorization) => {
      const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
      if (!token) throw new PlatformError('UNAUTHENTICATED', 'A bearer token is required');
      try {
        let header: { alg?: unknown; kid?: unknown };
        try {
          header = decodeProtectedHeader(token);
        } catch {
          throw unauthenticated('not a JWT');
        }
        const { key, algorithms } = keyFor(header);
        const { payload } = await jwtVerify(token, key, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms,
          requiredClaims: ['exp'],
          clockTolerance: tolerance,
        });
        checkLifetime(payload);
        const claims = claimsSchema.safeParse(payload);
        if (!claims.success) throw unauthenticated(claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        return callerFromClaims(claims.data);
      } catch (error) {
        if (error instanceof PlatformError) throw error;
        throw unauthenticated((error as Error).message);
      }
    },
  };
};

/** Bearer tokens as the configuration says: the kid-less secret, keys by kid, an identity provider's JWKS. */
export const tokenVerifierFor = (config: GatewayConfig, logger: Pick<Logger, 'warn'>): TokenVerifier =>
  createTokenVerifier({
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    maxLifetimeSeconds: config.JWT_MAX_LIFETIME,
    clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE,
    secret: legacySecretOf(config),
    keys: config.JWT_KEYS,
    jwks: config.JWT_JWKS_URL ? { url: config.JWT_JWKS_URL, algorithms: config.JWT_JWKS_ALGORITHMS } : undefined,
    onJwksFailure: (error, usingStaleKeys) =>
      logger.warn(
        { err: error, jwks: config.JWT_JWKS_URL },
        usingStaleKeys
          ? 'identity provider keys could not be fetched; verifying with the keys fetched last'
          : 'identity provider keys could not be fetched',
      ),
  });

export type TokenRequest = { sub: string; role: Role; sites?: string[]; occupierId?: string; tenant?: string; expiresIn?: string };

const SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** A development or test token: HS256, issued now, expiring after `expiresIn` ('12h', '30m', '90s', seconds). */
export const mintToken = (request: TokenRequest, settings: JwtSettings): Promise<string> => {
  const { expiresIn = '12h', ...claims } = request;
  const match = /^(\d+)\s*(s|m|h|d)?$/.exec(expiresIn);
  if (!match) return Promise.reject(new Error(`expiresIn must look like '12h', '30m', '90s' or a number of seconds, not ${expiresIn}`));
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', ...(settings.kid ? { kid: settings.kid } : {}) })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + Number(match[1]) * (SECONDS[match[2] ?? 's'] ?? 1))
    .sign(typeof settings.secret === 'string' ? new TextEncoder().encode(settings.secret) : settings.secret);
};
