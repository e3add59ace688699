import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { PostgresEventStore } from '@tnp/event-store';
import { ProjectionRunner, projectionCheckpointsSql } from '@tnp/read-models';
import { capturedLogger, createTestDatabase, eventually, type TestDatabase } from '@tnp/testing';
import { READ_MODEL_SCHEMA, readModelSchemaSql, SiteNumberEntity } from './site-number.entity';
import { siteTelephonyProjection } from './site-telephony.projection';
import { siteTelephonyTable } from './site-telephony.table';

let db: TestDatabase;
let orm: MikroORM;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase('ni_statistics');
  orm = await MikroORM.init({ clientUrl: db.url, entities: [SiteNumberEntity], debug: false, pool: { min: 0, max: 4 } });
  await orm.em.fork().execute(readModelSchemaSql());
  await orm.em.fork().execute(projectionCheckpointsSql(READ_MODEL_SCHEMA));
  store = await PostgresEventStore.connect({ connectionString: db.url, schema: 'ni_statistics_events', poolSize: 3 });
});
afterAll(async () => {
  await store?.close();
  await orm?.close();
  await db?.drop();
});

const provision = async (from: number, count: number): Promise<void> => {
  for (let i = from; i < from + count; i += 2000) {
    await store.appendMany(
      Array.from({ length: Math.min(2000, from + count - i) }, (_, j) => {
        const number = `+4420${String(i + j).padStart(8, '0')}`;
        return {
          streamId: `number-${number}`,
          expectedRevision: 'no_stream' as const,
          events: [
            {
              id: randomUUID(),
              type: 'NumberProvisioned',
              data: { number, siteId: 'big', ext: null, kind: 'standard', rangeName: 'R', portedIn: false, portedFrom: null },
              metadata: { commandId: randomUUID(), correlationId: randomUUID(), occurredAt: new Date().toISOString() },
            },
          ],
        };
      }),
    );
  }
};

const manualAnalyses = async (): Promise<number> => {
  const [row] = await db.query(`SELECT analyze_count FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = 'site_numbers'`, [
    READ_MODEL_SCHEMA,
  ]);
  return Number((row as { analyze_count?: string } | undefined)?.analyze_count ?? 0);
};

test('after a bulk of writes the projection refreshes the table’s planner statistics, not after every batch', async () => {
  const { lines, logger } = capturedLogger();
  const runner = new ProjectionRunner({
    orm,
    schema: READ_MODEL_SCHEMA,
    store,
    projection: siteTelephonyProjection,
    table: siteTelephonyTable,
    logger,
  });
  await provision(0, 12_000);
  await runner.start();
  try {
    // The first catch-up batch (10,000 rows) calls for an analysis; the 2,000 after it do not.
    await eventually(async () => expect(await manualAnalyses()).toBe(1), { timeoutMs: 30_000 });
    const analysed = () => lines.filter((l) => l['msg'] === 'projection table analysed after a bulk of writes');
    await eventually(() => expect(analysed()).toHaveLength(1));
    expect(analysed()[0]).toMatchObject({ projection: 'site-telephony', written: 10_000 });
    // The 2,000 and 8,000 of the next 10,000: as many as ANALYZE_AFTER_ROWS, and half the table, so another.
    await provision(12_000, 10_000);
    await eventually(async () => expect(await manualAnalyses()).toBe(2), { timeoutMs: 30_000 });
    await eventually(() => expect(analysed()).toHaveLength(2));
    expect(analysed()[1]).toMatchObject({ written: 10_000 });
    // Analysed while the last rows still came in: the estimate is the table as it then was.
    expect(analysed()[1]?.['rows']).toBeGreaterThanOrEqual(20_000);
    expect(analysed()[1]?.['rows']).toBeLessThanOrEqual(22_000);
  } finally {
    await runner.stop();
  }
});
