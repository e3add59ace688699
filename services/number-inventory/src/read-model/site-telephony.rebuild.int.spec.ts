import { randomUUID } from 'node:crypto';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { PostgresEventStore, type RecordedEvent } from '@tnp/event-store';
import { createLogger } from '@tnp/platform';
import { applyBatch, ProjectionRunner, projectionCheckpointsSql, writeBatch, type ProjectionTable } from '@tnp/read-models';
import { createTestDatabase, deliveryArbitrary, eventually, splitAndReplay, type TestDatabase } from '@tnp/testing';
import fc from 'fast-check';
import { READ_MODEL_SCHEMA, readModelSchemaSql, SiteNumberEntity, type SiteNumberRow } from './site-number.entity';
import { siteTelephonyProjection } from './site-telephony.projection';
import { siteTelephonyTable, toRow, type SiteNumberColumns } from './site-telephony.table';

let db: TestDatabase;
let orm: MikroORM;
let store: PostgresEventStore;
const TABLE = `${READ_MODEL_SCHEMA}.site_numbers`;

beforeAll(async () => {
  db = await createTestDatabase('ni_rebuild');
  orm = await MikroORM.init({ clientUrl: db.url, entities: [SiteNumberEntity], debug: false, pool: { min: 0, max: 6 } });
  await orm.em.fork().execute(readModelSchemaSql());
  await orm.em.fork().execute(projectionCheckpointsSql(READ_MODEL_SCHEMA));
  store = await PostgresEventStore.connect({ connectionString: db.url, schema: 'ni_rebuild_events', poolSize: 3 });
});
afterAll(async () => {
  await store?.close();
  await orm?.close();
  await db?.drop();
});

const allRows = async (em: EntityManager = orm.em.fork()): Promise<SiteNumberRow[]> =>
  (await em.execute<SiteNumberColumns[]>(`SELECT * FROM ${TABLE} ORDER BY number`)).map(toRow);

/** The write path before set-based batches: each event's row loaded, applied and upserted on its own. */
const perRowWrite = async (event: RecordedEvent): Promise<void> => {
  await orm.em.fork().transactional(async (tx) => {
    const key = siteTelephonyProjection.keyOf(event);
    const found = await tx.execute<SiteNumberColumns[]>(`SELECT * FROM ${TABLE} WHERE number = ?`, [key]);
    const current = found[0] ? toRow(found[0]) : null;
    const next = siteTelephonyProjection.apply(current, event);
    if (next === null || next === current) return;
    await tx.execute(
      `INSERT INTO ${TABLE} SELECT * FROM jsonb_populate_recordset(NULL::${TABLE}, ?::jsonb)
       ON CONFLICT (number) DO UPDATE SET site_id = EXCLUDED.site_id, ext = EXCLUDED.ext, status = EXCLUDED.status,
         kind = EXCLUDED.kind, owner_type = EXCLUDED.owner_type, owner_id = EXCLUDED.owner_id,
         cooling_off_until = EXCLUDED.cooling_off_until, is_main = EXCLUDED.is_main, range_name = EXCLUDED.range_name,
         locked = EXCLUDED.locked, ported_in = EXCLUDED.ported_in, ported_from = EXCLUDED.ported_from,
         assigned_user_id = EXCLUDED.assigned_user_id, revision = EXCLUDED.revision`,
      [
        JSON.stringify([
          {
            number: next.number,
            site_id: next.siteId,
            ext: next.ext,
            status: next.status,
            kind: next.kind,
            owner_type: next.ownerType,
            owner_id: next.ownerId,
            cooling_off_until: next.coolingOffUntil,
            is_main: next.isMain,
            range_name: next.rangeName,
            locked: next.locked,
            ported_in: next.portedIn,
            ported_from: next.portedFrom,
            assigned_user_id: next.assignedUserId,
            revision: next.revision,
          },
        ]),
      ],
    );
  });
};

const NUMBERS = ['+442071230001', '+442071230002', '+442071230003', '+442071230004', '+442071230005'];
const owner = fc.oneof(
  fc.constant({ type: 'operator' }),
  fc.constantFrom('acme', 'globex').map((occupierId) => ({ type: 'occupier', occupierId })),
);
const step = fc.oneof(
  fc.record({ type: fc.constant('NumberProvisioned'), siteId: fc.constantFrom('s1', 's2'), ext: fc.constantFrom(null, '201') }),
  fc.record({ type: fc.constant('NumberAllocated'), owner }),
  fc.record({ type: fc.constant('NumberDeallocated'), coolingOffUntil: fc.constantFrom(null, '2026-03-01T10:00:00.000Z') }),
  fc.record({
    type: fc.constantFrom(
      'NumberActivated',
      'NumberDeactivated',
      'NumberLocked',
      'NumberUnlocked',
      'NumberUnassigned',
      'MainNumberNominated',
      'MainNumberNominationRemoved',
    ),
  }),
  fc.record({ type: fc.constant('NumberAssigned'), userId: fc.constantFrom('u1', 'u2') }),
);

let position = 0;
const logOf = (steps: readonly { number: string; step: Record<string, unknown> }[]): RecordedEvent[] => {
  const revisions = new Map<string, number>();
  return steps.map(({ number, step: { type, ...data } }) => {
    const revision = (revisions.get(number) ?? -1) + 1;
    revisions.set(number, revision);
    position++;
    return {
      id: `e-${position}`,
      type: String(type),
      data: { number, siteId: 's1', ext: null, kind: 'standard', rangeName: 'R', portedIn: false, portedFrom: null, ...data },
      metadata: { commandId: 'c', correlationId: 'c', occurredAt: '2026-01-01T00:00:00Z' },
      streamId: `number-${number}`,
      logPosition: { transactionId: position, position },
      streamRevision: revision,
      globalPosition: position,
      recordedAt: '2026-01-01T00:00:00Z',
    };
  });
};

const provisioned = (number: string, siteId = 'big') => ({
  streamId: `number-${number}`,
  expectedRevision: 'no_stream' as const,
  events: [
    {
      id: randomUUID(),
      type: 'NumberProvisioned',
      data: { number, siteId, ext: null, kind: 'standard', rangeName: 'R', portedIn: false, portedFrom: null },
      metadata: { commandId: randomUUID(), correlationId: randomUUID(), occurredAt: new Date().toISOString() },
    },
  ],
});

const runnerWith = (table: ProjectionTable<SiteNumberRow>, catchUpBatchSize = 400): ProjectionRunner<SiteNumberRow> =>
  new ProjectionRunner({
    orm,
    schema: READ_MODEL_SCHEMA,
    store,
    projection: siteTelephonyProjection,
    table,
    logger: createLogger('test', 'silent'),
    batchSize: 100,
    catchUpBatchSize,
    resetCheckMs: 100,
  });

const checkpoint = async () =>
  (
    await orm.em
      .fork()
      .execute<{ position: string; transaction_id: string }[]>(
        `SELECT position, transaction_id::text FROM ${READ_MODEL_SCHEMA}.projection_checkpoints WHERE name = 'site-telephony'`,
      )
  )[0];
const tableOid = async (): Promise<string> =>
  (await orm.em.fork().execute<{ oid: string }[]>(`SELECT '${TABLE}'::regclass::oid::text AS oid`))[0]?.oid ?? '';
const shadowSchemas = async (): Promise<string[]> =>
  (await orm.em.fork().execute<{ nspname: string }[]>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'number_inventory_rb_%'`)).map(
    (r) => r.nspname,
  );

describe('site-telephony writes, set-based', () => {
  test('batches (split anywhere, delivered again, no per-stream revisions) leave the rows the per-row path leaves', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ number: fc.constantFrom(...NUMBERS), step }), { minLength: 1, maxLength: 50 }).chain((steps) => {
          const log = logOf(steps);
          return fc.tuple(fc.constant(log), deliveryArbitrary(log));
        }),
        async ([log, delivery]) => {
          await orm.em.fork().execute(`TRUNCATE ${TABLE}`);
          for (const event of log) await perRowWrite(event);
          const perRow = await allRows();

          await orm.em.fork().execute(`TRUNCATE ${TABLE}`);
          for (const batch of splitAndReplay(log, delivery)) {
            await orm.em.fork().transactional(async (tx) => {
              const loaded = await siteTelephonyTable.load(tx, [...new Set(batch.map((e) => siteTelephonyProjection.keyOf(e)))]);
              await writeBatch(siteTelephonyTable, tx, loaded, applyBatch(siteTelephonyProjection, loaded, batch));
            });
          }
          expect(await allRows()).toEqual(perRow);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('site-telephony rebuild into a shadow table', () => {
  const COUNT = 3000;
  const numbers = Array.from({ length: COUNT }, (_, i) => `+44300${String(i).padStart(7, '0')}`);

  beforeAll(async () => {
    await orm.em.fork().execute(`TRUNCATE ${TABLE}`);
    for (let i = 0; i < COUNT; i += 1000) await store.appendMany(numbers.slice(i, i + 1000).map((n) => provisioned(n)));
    const runner = runnerWith(siteTelephonyTable);
    await runner.start();
    // Every row, not the head seen now: a transaction open elsewhere in the cluster holds the readable head back.
    await eventually(async () => expect((await allRows()).length).toBe(COUNT), { timeoutMs: 30_000, intervalMs: 100 });
    await runner.stop();
  });

  test('readers keep every old row until the swap, then the rebuilt rows, counts and indexes; events meanwhile are kept', async () => {
    const runner = runnerWith(siteTelephonyTable, 250);
    await runner.start();
    const before = await tableOid();
    const reads: Array<{ rows: number; counted: number }> = [];
    let rebuilding = true;
    const reader = (async () => {
      while (rebuilding) {
        const [read] = await orm.em.fork().execute<{ rows: number; counted: number }[]>(
          `SELECT (SELECT count(*)::int FROM ${TABLE} WHERE site_id = 'big') AS rows,
                    (SELECT coalesce(sum(n), 0)::int FROM ${READ_MODEL_SCHEMA}.site_number_counts WHERE site_id = 'big') AS counted`,
        );
        if (read) reads.push(read);
      }
    })();
    // Events the live follower applies while the shadow fills: the swap must keep them.
    const extra = ['+443019000001', '+443019000002'];
    const rebuilt = runner.rebuild();
    await store.appendMany(extra.map((n) => provisioned(n, 'late')));
    await rebuilt;
    rebuilding = false;
    await reader;

    expect(reads.length).toBeGreaterThan(2);
    for (const read of reads) expect(read).toEqual({ rows: COUNT, counted: COUNT });
    expect(await tableOid()).not.toBe(before);
    expect(await shadowSchemas()).toEqual([]);

    await eventually(async () => expect((await allRows()).filter((r) => r.siteId === 'late').map((r) => r.number)).toEqual(extra), {
      timeoutMs: 30_000,
    });
    const verification = await runner.verify();
    expect(verification).toMatchObject({ differing: 0, liveRows: COUNT + 2, rebuiltRows: COUNT + 2 });
    // The swapped-in table carries the live table's indexes under their names and its count triggers.
    const indexes = await orm.em
      .fork()
      .execute<{ indexname: string }[]>(
        `SELECT indexname FROM pg_indexes WHERE schemaname = '${READ_MODEL_SCHEMA}' AND tablename = 'site_numbers' ORDER BY 1`,
      );
    expect(indexes.map((i) => i.indexname)).toEqual([
      'site_numbers_occupier_idx',
      'site_numbers_pkey',
      'site_numbers_search_idx',
      'site_numbers_site_idx',
      'site_numbers_site_status_owner_idx',
    ]);
    const more = '+443019000003';
    await store.appendMany([provisioned(more, 'late')]);
    await eventually(
      async () => {
        const counts = await orm.em
          .fork()
          .execute<{ n: number }[]>(`SELECT n::int AS n FROM ${READ_MODEL_SCHEMA}.site_number_counts WHERE site_id = 'late'`);
        expect(counts).toEqual([{ n: 3 }]);
      },
      { timeoutMs: 30_000 },
    );
    await runner.stop();
  });

  test('a rebuild that fails part way leaves the live table, its checkpoint and its follower as they were', async () => {
    let writes = 0;
    const failing: ProjectionTable<SiteNumberRow> = {
      ...siteTelephonyTable,
      shadow: {
        ...siteTelephonyTable.shadow!,
        in: (schema) => {
          const inner = siteTelephonyTable.shadow!.in(schema);
          return {
            ...inner,
            insert: async (em, rows) => {
              if (++writes === 3) throw new Error('crash mid-rebuild');
              await inner.insert!(em, rows);
            },
          };
        },
      },
    };
    const runner = runnerWith(failing);
    await runner.start();
    const before = { rows: await allRows(), checkpoint: await checkpoint(), oid: await tableOid() };

    await expect(runner.rebuild()).rejects.toThrow('crash mid-rebuild');
    expect(writes).toBe(3);
    expect(await allRows()).toEqual(before.rows);
    expect(await checkpoint()).toEqual(before.checkpoint);
    expect(await tableOid()).toBe(before.oid);
    expect(await shadowSchemas()).toEqual([]);

    const after = '+443019000099';
    await store.appendMany([provisioned(after, 'after-crash')]);
    await eventually(async () => expect((await allRows()).some((r) => r.number === after)).toBe(true), { timeoutMs: 30_000 });
    await runner.stop();
  });
});
