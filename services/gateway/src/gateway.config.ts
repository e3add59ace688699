import { SERVICE_PORTS } from '@tnp/platform';
import { z } from 'zod';
import { idempotencyTtlMs, natsCredentialsRefinement, natsCredentialsShape } from '@tnp/messaging';
import { ASYMMETRIC_ALGORITHMS, durationSeconds, isAsymmetric, parseVerificationKeys, type VerificationKey } from './auth/keys';

export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me-0123456789';

const verificationKeys = z
  .string()
  .optional()
  .transform((text, ctx): VerificationKey[] => {
    if (text === undefined || text.trim() === '') return [];
    const { keys, problems } = parseVerificationKeys(text);
    for (const problem of problems) ctx.addIssue({ code: 'custom', message: problem });
    return keys;
  });

const jwksAlgorithms = z
  .string()
  .default('RS256,PS256,ES256,ES384,EdDSA,Ed25519')
  .transform((text, ctx) => {
    const list = text
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    for (const alg of list.filter((a) => !isAsymmetric(a))) {
      ctx.addIssue({
        code: 'custom',
        message: `${alg} is not an asymmetric signature algorithm (one of ${ASYMMETRIC_ALGORITHMS.join(', ')})`,
      });
    }
    if (list.length === 0) ctx.addIssue({ code: 'custom', message: 'name at least one algorithm' });
    return list;
  });

export const gatewayConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
    NATS_SUBJECT_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9_-]*$/)
      .default(''),
    /** The gateway's own NATS user, the only one allowed to send commands and queries (ADR 0015). */
    ...natsCredentialsShape,
    HTTP_HOST: z.string().default('0.0.0.0'),
    HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(SERVICE_PORTS.gateway),
    PUBLIC_URL: z.url().optional(),
    /**
     * On SIGTERM, how long requests in flight may take to finish (a CSV download, say) before
     * their connections are closed; below the 25 s the process allows its whole stop.
     */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(20_000).default(10_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    /** HS256 secret for tokens without a `kid` (development, tests, and installations without an identity provider). */
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_JWT_SECRET),
    /** Keys by `kid`, for rotation: a JSON array or a JSON Web Key Set (see auth/keys.ts). */
    JWT_KEYS: verificationKeys,
    /** An identity provider's JSON Web Key Set (asymmetric keys, by `kid`), fetched and cached. */
    JWT_JWKS_URL: z.url().optional(),
    /** The algorithms accepted for keys from JWT_JWKS_URL. */
    JWT_JWKS_ALGORITHMS: jwksAlgorithms,
    JWT_ISSUER: z.string().default('telephony-platform'),
    JWT_AUDIENCE: z.string().default('telephony-api'),
    /** The longest a token may live (exp - iat, or exp - now without iat); longer ones are refused. */
    JWT_MAX_LIFETIME: durationSeconds.default(12 * 3600),
    /** Clock skew allowed between the token's issuer and the gateway. */
    JWT_CLOCK_TOLERANCE: durationSeconds.default(30),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    /** How long an Idempotency-Key stays bound to its route; the services' IDEMPOTENCY_TTL_MS should match. */
    IDEMPOTENCY_TTL_MS: idempotencyTtlMs,
    /** Copies of the gateway's Idempotency-Key stream in a JetStream cluster. */
    JETSTREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV !== 'production') return;
    if (c.JWT_SECRET === DEVELOPMENT_JWT_SECRET && c.JWT_KEYS.length === 0 && !c.JWT_JWKS_URL) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set in production (or JWT_KEYS, or JWT_JWKS_URL)' });
    }
    if (c.JWT_JWKS_URL && !c.JWT_JWKS_URL.startsWith('https://')) {
      ctx.addIssue({ code: 'custom', path: ['JWT_JWKS_URL'], message: 'must be an https URL in production' });
    }
  })
  .superRefine(natsCredentialsRefinement);

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** The kid-less HS256 secret the gateway accepts: never the development default in production. */
export const legacySecretOf = (config: GatewayConfig): string | undefined =>
  config.NODE_ENV === 'production' && config.JWT_SECRET === DEVELOPMENT_JWT_SECRET ? undefined : config.JWT_SECRET;
