import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PostgresEventStore } from '@tnp/event-store';
import { createTestDatabase, testNatsUrl, uniqueSubjectPrefix, type TestDatabase } from '@tnp/testing';
import { runNodeScript, startChildService, type ChildService } from './support/child-service';

/**
 * Versioned schema migrations as an SRE meets them (ADR 0027): `npm run migrate` (built to
 * dist/tools/migrate.js) in its own process applies each service's numbered migrations; a service
 * that is not to migrate at start (as in production) refuses a database that lacks one and names
 * it; a database whose schema services created at boot before migrations existed is adopted.
 */
const ROOT = join(__dirname, '..', '..');
const MIGRATE = join(ROOT, 'dist', 'tools', 'migrate.js');
const INVENTORY = join(ROOT, 'dist', 'services', 'number-inventory', 'src', 'main.js');
const SERVICES = ['number-inventory', 'assignment', 'fax', 'extension-device', 'call-flow', 'scheduler'];
/** The migrations after the first release's schema, per service. */
const LATER: Record<string, string[]> = {
  assignment: ['0003_routing_extension'],
  'extension-device': ['0003_announcements'],
  'call-flow': ['0003_call_flows', '0004_holding_revisions'],
};

let db: TestDatabase;
let older: TestDatabase;
const children: ChildService[] = [];

beforeAll(async () => {
  db = await createTestDatabase('e2e_migrations');
  older = await createTestDatabase('e2e_migrations_adopt');
});

afterAll(async () => {
  for (const child of children) await child.kill();
  await db?.drop();
  await older?.drop();
});

const migrate = (args: string[], database: TestDatabase) =>
  runNodeScript(MIGRATE, args, { DATABASE_URL: database.url, LOG_LEVEL: 'silent' });

const startInventory = (migrateAtStart: boolean) =>
  startChildService(
    INVENTORY,
    {
      DATABASE_URL: db.url,
      NATS_URL: testNatsUrl(),
      NATS_SUBJECT_PREFIX: uniqueSubjectPrefix(),
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      MIGRATE_AT_START: String(migrateAtStart),
    },
    '"number-inventory started"',
    'number-inventory',
  );

test('a fresh database: status shows what is pending, a service not migrating at start refuses and names it, migrate applies it once', async () => {
  const before = await migrate(['--status'], db);
  expect(before.code).toBe(1);
  const pending = (service: string) => ['0001_event_store', '0002_read_models', ...(LATER[service] ?? [])].join(', ');
  for (const service of SERVICES) expect(before.out).toContain(`${service}: 0 applied, pending: ${pending(service)}`);

  await expect(startInventory(false)).rejects.toThrow(
    /exited with 1:[\s\S]*number-inventory: the database schema is older than this release needs: migrations 0001_event_store, 0002_read_models not applied/,
  );

  const applied = await migrate([], db);
  expect(applied.code).toBe(0);
  for (const service of SERVICES) expect(applied.out).toContain(`${service}: applied ${pending(service)}`);
  const again = await migrate([], db);
  expect(again.out.trim().split('\n')).toEqual(SERVICES.map((service) => `${service}: up to date`));
  const after = await migrate(['--status'], db);
  expect(after.code).toBe(0);
  for (const service of SERVICES) expect(after.out).toContain(`${service}: ${2 + (LATER[service]?.length ?? 0)} applied, none pending`);
  const tracked = (await db.query('SELECT name FROM number_inventory_events.schema_migrations ORDER BY id')) as { name: string }[];
  expect(tracked.map((r) => r.name)).toEqual(['0001_event_store', '0002_read_models']);

  const inventory = await startInventory(false);
  children.push(inventory);
  expect(inventory.output()).not.toContain('schema migrations applied');
}, 120_000);

test('a database from before migrations (schema made at boot) is adopted with its events', async () => {
  const store = await PostgresEventStore.connect({ connectionString: older.url, schema: 'number_inventory_events', poolSize: 1 });
  const id = randomUUID();
  try {
    await store.append(
      `number-${id}`,
      [{ id, type: 'NumberProvisioned', data: {}, metadata: { commandId: id, correlationId: id, occurredAt: new Date().toISOString() } }],
      'no_stream',
    );
  } finally {
    await store.close();
  }
  const adopted = await migrate(['--service', 'number-inventory'], older);
  expect(adopted).toEqual({ code: 0, out: 'number-inventory: applied 0001_event_store, 0002_read_models\n' });
  const kept = (await older.query('SELECT event_id FROM number_inventory_events.events')) as { event_id: string }[];
  expect(kept.map((r) => r.event_id)).toEqual([id]);
}, 60_000);
