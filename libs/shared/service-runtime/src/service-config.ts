import { z } from 'zod';
import { idempotencyTtlMs, natsCredentialsRefinement, natsCredentialsShape } from '@tnp/messaging';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The settings every event-sourced service shares; each service adds its own defaults. */
export const serviceConfigSchema = (defaults: { readonly httpPort: number; readonly eventStoreSchema: string }) =>
  z
    .object({
      NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
      DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/telephony'),
      NATS_URL: z.string().min(1).default('nats://127.0.0.1:4222'),
      NATS_SUBJECT_PREFIX: z
        .string()
        .regex(/^[a-zA-Z0-9_-]*$/, 'letters, digits, dash, underscore')
        .default(''),
      /** This service's own NATS user and password (ADR 0015); none by default. */
      ...natsCredentialsShape,
      HTTP_HOST: z.string().default('0.0.0.0'),
      HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(defaults.httpPort),
      LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
      EVENT_STORE: z.enum(['postgres', 'kurrentdb']).default('postgres'),
      KURRENTDB_URL: z.string().optional(),
      EVENT_STORE_SCHEMA: z
        .string()
        .regex(/^[a-z_][a-z0-9_]*$/)
        .default(defaults.eventStoreSchema),
      /** Connections per replica: DB_POOL_SIZE + READ_MODEL_POOL_SIZE + 2 (LISTEN, leader locks). */
      DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(4),
      READ_MODEL_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(3),
      JETSTREAM_DUPLICATE_WINDOW_MS: z.coerce.number().int().min(60_000).default(600_000),
      JETSTREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
      /** How long JetStream keeps events (the event store keeps them for ever; 0: no limit). */
      JETSTREAM_MAX_AGE_MS: z.coerce
        .number()
        .int()
        .min(0)
        .default(30 * 24 * 3600 * 1000),
      JETSTREAM_MAX_BYTES: z.coerce.number().int().min(-1).default(-1),
      /** Attempts of a reaction before its message is parked in the dead-letter stream. */
      REACTION_BACKOFF_MS: z
        .string()
        .regex(/^\d+(,\d+)*$/, 'comma-separated milliseconds')
        .default('250,1000,5000,15000')
        .transform((v) => v.split(',').map(Number)),
      /** After a command finished, how long its id stays bound; expired entries are pruned. */
      IDEMPOTENCY_TTL_MS: idempotencyTtlMs,
      /** How long a running command holds its command id; a repeat meanwhile answers 409 (retryable). */
      COMMAND_LEASE_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
      /** Aggregate states a replica keeps in memory (most recently used); 0 keeps none. */
      AGGREGATE_CACHE_SIZE: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
      /** The gateway's public URL: each published event's `dataschema` points at its JSON Schema there. */
      EVENT_SCHEMA_BASE_URL: z
        .url()
        .default('http://127.0.0.1:3000')
        .transform((u) => u.replace(/\/+$/, '')),
      /** How long a request with a consistency token waits for this context to catch up before 503 (retryable). */
      CONSISTENCY_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
      /** Events the relay reads and publishes at once while catching up; a batch is acknowledged by JetStream before its checkpoint. */
      RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(2000),
      /** Bearer token of the /operations endpoints (the ops CLI sends it as TNP_OPERATIONS_TOKEN); required in production. */
      OPERATIONS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
      /** Apply pending schema migrations at boot; by default everywhere but production, where the migrate Job does (ADR 0027). */
      MIGRATE_AT_START: bool.optional(),
      RUN_RELAY: bool.default(true),
      RUN_PROJECTIONS: bool.default(true),
    })
    .refine((c) => c.NODE_ENV !== 'production' || !!c.OPERATIONS_TOKEN, {
      path: ['OPERATIONS_TOKEN'],
      message: 'must be set in production: the operations endpoints rebuild, republish and replay',
    })
    .refine((c) => c.EVENT_STORE !== 'kurrentdb' || !!c.KURRENTDB_URL, {
      path: ['KURRENTDB_URL'],
      message: 'required when EVENT_STORE=kurrentdb',
    })
    .superRefine(natsCredentialsRefinement);

export type ServiceConfig = z.infer<ReturnType<typeof serviceConfigSchema>>;

export const migrateAtStart = (config: Pick<ServiceConfig, 'MIGRATE_AT_START' | 'NODE_ENV'>): boolean =>
  config.MIGRATE_AT_START ?? config.NODE_ENV !== 'production';

export const jetStreamNameFor = (service: string, prefix: string): string =>
  `${prefix ? `${prefix.toUpperCase()}_` : ''}${service.toUpperCase().replace(/-/g, '_')}_EVENTS`;
