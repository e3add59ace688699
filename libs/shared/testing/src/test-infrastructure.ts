import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

export const testDatabaseAdminUrl = (): string => process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const testNatsUrl = (): string => process.env['TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';

export type TestDatabase = {
  readonly url: string;
  readonly name: string;
  readonly query: (sql: string, params?: unknown[]) => Promise<unknown[]>;
  readonly drop: () => Promise<void>;
};

/** A fresh database per suite, so suites run in parallel without seeing each other's rows. */
export const createTestDatabase = async (label = 'suite'): Promise<TestDatabase> => {
  const name = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomUUID().slice(0, 8)}`;
  const adminUrl = testDatabaseAdminUrl();
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    query: async (sql, params = []) => {
      const c = new Client({ connectionString: url.toString() });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows;
      } finally {
        await c.end();
      }
    },
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
};

/** A unique subject prefix, so suites sharing one NATS server never hear each other. */
export const uniqueSubjectPrefix = (): string => `t${randomUUID().replace(/-/g, '').slice(0, 10)}`;

/** Polls until the assertion passes or the deadline runs out; never a fixed sleep. */
export const eventually = async <T>(probe: () => Promise<T> | T, { timeoutMs = 10_000, intervalMs = 25 } = {}): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};
