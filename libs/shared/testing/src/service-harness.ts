import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Reply } from '@tnp/kernel';
import { natsInboxPrefix, type NatsCredentials } from '@tnp/messaging';
import { createLogger } from '@tnp/platform';
import { serviceConfigSchema, startService, type ServiceConfig, type ServiceDefinition, type ServiceRuntime } from '@tnp/service-runtime';
import { createTestDatabase, testNatsUrl, uniqueSubjectPrefix, type TestDatabase } from './test-infrastructure';

export type ServiceHarness = {
  readonly service: ServiceRuntime;
  readonly config: ServiceConfig;
  readonly nc: NatsConnection;
  readonly db: TestDatabase;
  readonly command: <T = unknown>(
    name: string,
    data: unknown,
    options?: { commandId?: string; role?: string; id?: string; tenantId?: string },
  ) => Promise<Reply<T>>;
  readonly query: <T = unknown>(name: string, data: unknown) => Promise<Reply<T>>;
  readonly raw: (subject: string, body: string) => Promise<unknown>;
  readonly stop: () => Promise<void>;
};

export type HarnessOptions = {
  readonly label: string;
  /** Share a database and subject prefix with services started before (cross-service tests). */
  readonly with?: { readonly db: TestDatabase; readonly prefix: string };
  readonly env?: Record<string, string>;
  /** The NATS user the harness sends commands and queries as (a server with authentication: the gateway's). */
  readonly client?: NatsCredentials;
};

/** A real service on a fresh database and its own NATS subjects, driven as other systems drive it. */
export const startServiceHarness = async (definition: ServiceDefinition, options: HarnessOptions): Promise<ServiceHarness> => {
  const db = options.with?.db ?? (await createTestDatabase(options.label));
  const config = serviceConfigSchema({ httpPort: 0, eventStoreSchema: `${definition.name.replace(/-/g, '_')}_events` }).parse({
    DATABASE_URL: db.url,
    NATS_URL: testNatsUrl(),
    NATS_SUBJECT_PREFIX: options.with?.prefix ?? uniqueSubjectPrefix(),
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DB_POOL_SIZE: '4',
    ...options.env,
  });
  const service = await startService(
    definition,
    config,
    createLogger(definition.name, (process.env['TEST_LOG_LEVEL'] as 'silent' | undefined) ?? 'silent'),
  );
  const client = options.client;
  const nc = await connect({
    servers: config.NATS_URL,
    ...(client ? { user: client.user, pass: client.password, inboxPrefix: natsInboxPrefix(client.user) } : {}),
  });
  const subject = (kind: 'cmd' | 'qry', name: string) =>
    `${config.NATS_SUBJECT_PREFIX ? `${config.NATS_SUBJECT_PREFIX}.` : ''}${kind}.${definition.name}.${name}`;
  const raw = async (s: string, body: string): Promise<unknown> => (await nc.request(s, body, { timeout: 15_000 })).json();
  return {
    service,
    config,
    nc,
    db,
    raw,
    command: async (name, data, opts = {}) =>
      (await raw(
        subject('cmd', name),
        JSON.stringify({
          commandId: opts.commandId ?? randomUUID(),
          principal: { id: opts.id ?? 'tester', role: opts.role ?? 'platform', ...(opts.tenantId ? { tenantId: opts.tenantId } : {}) },
          data,
        }),
      )) as never,
    query: async (name, data) => (await raw(subject('qry', name), JSON.stringify({ data }))) as never,
    stop: async () => {
      await nc.close();
      await service.stop();
      if (!options.with) await db.drop();
    },
  };
};
