import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createLogger } from '@tnp/platform';
import { createTestDatabase, testNatsUrl, uniqueSubjectPrefix, type TestDatabase } from '@tnp/testing';
import type { Reply } from '@tnp/kernel';
import {
  commandSubject,
  querySubject,
  type NumberInventoryCommandName,
  type NumberInventoryQueryName,
} from '@tnp/number-inventory-contracts';
import { numberInventoryConfigSchema, type NumberInventoryConfig } from '../src/number-inventory.config';
import { startNumberInventory, type NumberInventoryService } from '../src/number-inventory.app';

export type Harness = {
  readonly service: NumberInventoryService;
  readonly config: NumberInventoryConfig;
  readonly nc: NatsConnection;
  readonly db: TestDatabase;
  readonly command: <T = unknown>(
    name: NumberInventoryCommandName,
    data: unknown,
    options?: { commandId?: string; role?: string },
  ) => Promise<Reply<T>>;
  readonly query: <T = unknown>(name: NumberInventoryQueryName, data: unknown) => Promise<Reply<T>>;
  readonly raw: (subject: string, body: string) => Promise<unknown>;
  readonly stop: () => Promise<void>;
};

/** The real service against a fresh database and its own NATS subjects, driven as other systems drive it. */
export const startHarness = async (label: string, overrides: Partial<Record<string, string>> = {}): Promise<Harness> => {
  const db = await createTestDatabase(label);
  const config = numberInventoryConfigSchema.parse({
    DATABASE_URL: db.url,
    NATS_URL: testNatsUrl(),
    NATS_SUBJECT_PREFIX: uniqueSubjectPrefix(),
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
  const service = await startNumberInventory(config, createLogger('number-inventory', 'silent'));
  const nc = await connect({ servers: config.NATS_URL });
  const raw = async (subject: string, body: string): Promise<unknown> => (await nc.request(subject, body, { timeout: 15_000 })).json();
  return {
    service,
    config,
    nc,
    db,
    raw,
    command: async (name, data, options = {}) =>
      (await raw(
        commandSubject(name, config.NATS_SUBJECT_PREFIX),
        JSON.stringify({
          commandId: options.commandId ?? randomUUID(),
          principal: { id: 'tester', role: options.role ?? 'platform' },
          data,
        }),
      )) as never,
    query: async (name, data) => (await raw(querySubject(name, config.NATS_SUBJECT_PREFIX), JSON.stringify({ data }))) as never,
    stop: async () => {
      await nc.close();
      await service.stop();
      await db.drop();
    },
  };
};
