import { randomUUID } from 'node:crypto';
import { defineEntity, MikroORM } from '@mikro-orm/postgresql';
import { PostgresEventStore } from '@tnp/event-store';
import { createLogger } from '@tnp/platform';
import { createTestDatabase, eventually, type TestDatabase } from '@tnp/testing';
import { keyedTable } from './keyed-table';
import type { Projection } from './projection';
import { ProjectionRunner, projectionCheckpointsSql } from './projection-runner';

const p = defineEntity.properties;
const TallyEntity = defineEntity({
  name: 'Tally',
  tableName: 'tallies',
  schema: 'kt',
  properties: { key: p.string().primary(), count: p.integer(), lastType: p.string() },
});
type Tally = { key: string; count: number; lastType: string };

const tally: Projection<Tally> = {
  name: 'tally',
  handles: new Set(['Touched']),
  keyOf: (e) => (e.data as { key: string }).key,
  apply: (row, e) => ({ key: (e.data as { key: string }).key, count: (row?.count ?? 0) + 1, lastType: e.type }),
};

let db: TestDatabase;
let orm: MikroORM;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase('kt_rebuild');
  orm = await MikroORM.init({ clientUrl: db.url, entities: [TallyEntity], debug: false, pool: { min: 0, max: 4 } });
  await orm.em.fork().execute(`CREATE SCHEMA kt;
    CREATE TABLE kt.tallies (key text PRIMARY KEY, count integer NOT NULL, last_type text NOT NULL);
    CREATE INDEX tallies_count_idx ON kt.tallies (count, key);`);
  await orm.em.fork().execute(projectionCheckpointsSql('kt'));
  store = await PostgresEventStore.connect({ connectionString: db.url, schema: 'kt_events', poolSize: 2 });
});
afterAll(async () => {
  await store?.close();
  await orm?.close();
  await db?.drop();
});

const touched = (key: string) => ({
  streamId: `s-${key}-${randomUUID()}`,
  expectedRevision: 'no_stream' as const,
  events: [
    {
      id: randomUUID(),
      type: 'Touched',
      data: { key },
      metadata: { commandId: 'c', correlationId: 'c', occurredAt: new Date().toISOString() },
    },
  ],
});

test('a keyed (MikroORM) table rebuilds into a shadow schema and swaps in with its indexes, per-stream revisions and checkpoint', async () => {
  const keys = Array.from({ length: 300 }, (_, i) => `k${i % 120}`);
  await store.appendMany(keys.map(touched));
  const runner = new ProjectionRunner({
    orm,
    schema: 'kt',
    store,
    projection: tally,
    table: keyedTable<Tally>(TallyEntity as never, 'key', 'kt.tallies'),
    logger: createLogger('test', 'silent'),
    catchUpBatchSize: 50,
  });
  await runner.start();
  const total = async () => Number((await orm.em.fork().execute<{ n: string }[]>('SELECT sum(count) AS n FROM kt.tallies'))[0]?.n ?? 0);
  await eventually(async () => expect(await total()).toBe(300), { timeoutMs: 30_000 });
  const streamsBefore = await orm.em
    .fork()
    .execute<{ n: string }[]>(`SELECT count(*) AS n FROM kt.projection_streams WHERE projection = 'tally'`);
  const oid = await orm.em.fork().execute(`SELECT 'kt.tallies'::regclass::oid::text AS oid`);

  await runner.rebuild();

  expect(await orm.em.fork().execute(`SELECT 'kt.tallies'::regclass::oid::text AS oid`)).not.toEqual(oid);
  expect(await total()).toBe(300);
  expect(await runner.verify()).toMatchObject({ differing: 0, liveRows: 120, rebuiltRows: 120 });
  expect(await orm.em.fork().execute(`SELECT count(*) AS n FROM kt.projection_streams WHERE projection = 'tally'`)).toEqual(streamsBefore);
  const indexes = await orm.em
    .fork()
    .execute<{ indexname: string }[]>(`SELECT indexname FROM pg_indexes WHERE schemaname = 'kt' AND tablename = 'tallies' ORDER BY 1`);
  expect(indexes.map((i) => i.indexname)).toEqual(['tallies_count_idx', 'tallies_pkey']);
  // The follower writes the swapped-in table.
  await store.appendMany([touched('k0')]);
  await eventually(async () => expect(await total()).toBe(301), { timeoutMs: 30_000 });
  await runner.stop();
});
