import { z } from 'zod';
import { natsCredentialsRefinement, natsCredentialsShape } from '@tnp/messaging';

export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me-0123456789';

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
    HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_JWT_SECRET),
    JWT_ISSUER: z.string().default('telephony-platform'),
    JWT_AUDIENCE: z.string().default('telephony-api'),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  })
  .refine((c) => c.NODE_ENV !== 'production' || c.JWT_SECRET !== DEVELOPMENT_JWT_SECRET, {
    path: ['JWT_SECRET'],
    message: 'must be set in production',
  })
  .superRefine(natsCredentialsRefinement);

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
