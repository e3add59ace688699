import { MikroORM } from '@mikro-orm/postgresql';
import type { RecordedEvent } from '@tnp/event-store';
import { applyBatch } from '@tnp/read-models';
import { createTestDatabase, deliveryArbitrary, splitAndReplay, type TestDatabase } from '@tnp/testing';
import fc from 'fast-check';
import { READ_MODEL_SCHEMA, readModelSchemaSql, SiteNumberEntity, type SiteNumberRow } from './site-number.entity';
import { siteTelephonyProjection } from './site-telephony.projection';
import { siteTelephonyTable } from './site-telephony.table';

let db: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  db = await createTestDatabase('ni_counts');
  orm = await MikroORM.init({ clientUrl: db.url, entities: [SiteNumberEntity], debug: false, pool: { min: 0, max: 4 } });
  await orm.em.fork().execute(readModelSchemaSql());
});
afterAll(async () => {
  await orm?.close();
  await db?.drop();
});

type Count = { site_id: string; status: string; owner_type: string; n: number };
const kept = async (): Promise<Count[]> =>
  (
    await orm.em
      .fork()
      .execute<Count[]>(
        `SELECT site_id, status, owner_type, n::int AS n FROM ${READ_MODEL_SCHEMA}.site_number_counts WHERE n <> 0 ORDER BY 1, 2, 3`,
      )
  ).map((c) => ({ ...c }));
const counted = async (): Promise<Count[]> =>
  (
    await orm.em.fork().execute<Count[]>(
      `SELECT site_id, status, coalesce(owner_type, '') AS owner_type, count(*)::int AS n
         FROM ${READ_MODEL_SCHEMA}.site_numbers GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
  ).map((c) => ({ ...c }));

const NUMBERS = ['+442071230001', '+442071230002', '+442071230003', '+442071230004', '+442071230005', '+442071230006'];
const SITES = ['s1', 's2', 's3'];
const owner = fc.oneof(
  fc.constant({ type: 'operator' }),
  fc.constantFrom('acme', 'globex').map((occupierId) => ({ type: 'occupier', occupierId })),
);
const step = fc.oneof(
  fc.record({ type: fc.constant('NumberProvisioned'), siteId: fc.constantFrom(...SITES) }),
  fc.record({ type: fc.constant('NumberAllocated'), owner }),
  fc.record({ type: fc.constant('NumberDeallocated') }),
  fc.record({ type: fc.constantFrom('NumberActivated', 'NumberDeactivated', 'NumberLocked', 'NumberUnlocked', 'NumberUnassigned') }),
  fc.record({ type: fc.constant('NumberAssigned'), userId: fc.constantFrom('u1', 'u2') }),
);
/** What the test does between two batches, beside applying events: none, or remove rows directly. */
const interlude = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), numbers: fc.subarray(NUMBERS, { minLength: 1 }) }) },
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
      data: {
        number,
        siteId: 's1',
        ext: null,
        kind: 'standard',
        rangeName: 'R',
        portedIn: false,
        portedFrom: null,
        coolingOffUntil: null,
        ...data,
      },
      metadata: { commandId: 'c', correlationId: 'c', occurredAt: '2026-01-01T00:00:00Z' },
      streamId: `number-${number}`,
      logPosition: { transactionId: position, position },
      streamRevision: revision,
      globalPosition: position,
      recordedAt: '2026-01-01T00:00:00Z',
    };
  });
};

/** One batch the way the projection runner writes it: load, apply, save and remove in one transaction. */
const writeBatch = async (batch: readonly RecordedEvent[], applied: Map<string, number>): Promise<void> => {
  await orm.em.fork().transactional(async (tx) => {
    const keys = [...new Set(batch.map((e) => siteTelephonyProjection.keyOf(e)))];
    const loaded = await siteTelephonyTable.load(tx, keys);
    const result = applyBatch(siteTelephonyProjection, loaded, batch, applied);
    if (result.upserts.length > 0) await siteTelephonyTable.save(tx, result.upserts);
    if (result.deletes.length > 0) await siteTelephonyTable.remove(tx, result.deletes);
    for (const [stream, revision] of result.revisions) applied.set(stream, revision);
  });
};

const row = (number: string, siteId: string, status: string, ownerType: string | null): SiteNumberRow => ({
  number,
  siteId,
  ext: null,
  status,
  kind: 'standard',
  ownerType,
  ownerId: ownerType === 'occupier' ? 'acme' : null,
  coolingOffUntil: null,
  isMain: false,
  rangeName: 'R',
  locked: false,
  portedIn: false,
  portedFrom: null,
  assignedUserId: null,
  revision: 0,
});

describe('site number counts', () => {
  test('equal a COUNT(*) over the rows after any sequence of events, batches, replays and removals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ number: fc.constantFrom(...NUMBERS), step }), { minLength: 1, maxLength: 60 }).chain((steps) => {
          const log = logOf(steps);
          return fc.tuple(fc.constant(log), deliveryArbitrary(log), fc.array(interlude, { maxLength: 10 }));
        }),
        async ([log, delivery, interludes]) => {
          await orm.em.fork().execute(`TRUNCATE ${READ_MODEL_SCHEMA}.site_numbers`);
          expect(await kept()).toEqual([]);
          const applied = new Map<string, number>();
          const batches = splitAndReplay(log, delivery);
          for (const [i, batch] of batches.entries()) {
            await writeBatch(batch, applied);
            const between = interludes[i];
            if (between?.kind === 'remove') await orm.em.fork().transactional((tx) => siteTelephonyTable.remove(tx, between.numbers));
          }
          expect(await kept()).toEqual(await counted());
        },
      ),
      { numRuns: 60 },
    );
  });

  test('stay exact under concurrent writers to the same site', async () => {
    await orm.em.fork().execute(`TRUNCATE ${READ_MODEL_SCHEMA}.site_numbers`);
    const writers = Array.from({ length: 4 }, (_, w) =>
      (async () => {
        for (let round = 0; round < 10; round++) {
          const rows = Array.from({ length: 25 }, (_, i) =>
            row(
              `+4420800${String(w).padStart(2, '0')}${String(i).padStart(3, '0')}`,
              'busy',
              round % 2 === 0 ? 'AVAILABLE' : 'RESERVED',
              round % 2 === 0 ? null : 'operator',
            ),
          );
          await orm.em.fork().transactional((tx) => siteTelephonyTable.save(tx, rows));
        }
      })(),
    );
    await Promise.all(writers);
    expect(await kept()).toEqual([{ site_id: 'busy', status: 'RESERVED', owner_type: 'operator', n: 100 }]);
    expect(await kept()).toEqual(await counted());
  });

  test('are backfilled from the rows when the counts table is created, and the boot SQL is idempotent', async () => {
    await orm.em.fork().execute(`TRUNCATE ${READ_MODEL_SCHEMA}.site_numbers`);
    await orm.em
      .fork()
      .transactional((tx) =>
        siteTelephonyTable.save(tx, [
          row('+442071239001', 'old', 'AVAILABLE', null),
          row('+442071239002', 'old', 'ACTIVE', 'occupier'),
          row('+442071239003', 'old', 'ACTIVE', 'occupier'),
        ]),
      );
    // As a database from before the counts: rows, no counts table, no triggers.
    await orm.em.fork().execute(`DROP TABLE ${READ_MODEL_SCHEMA}.site_number_counts`);
    await orm.em
      .fork()
      .execute(
        ['insert', 'update', 'delete', 'truncate']
          .map((t) => `DROP TRIGGER site_number_counts_${t} ON ${READ_MODEL_SCHEMA}.site_numbers;`)
          .join('\n'),
      );
    await orm.em.fork().execute(readModelSchemaSql());
    const backfilled = [
      { site_id: 'old', status: 'ACTIVE', owner_type: 'occupier', n: 2 },
      { site_id: 'old', status: 'AVAILABLE', owner_type: '', n: 1 },
    ];
    expect(await kept()).toEqual(backfilled);
    await orm.em.fork().execute(readModelSchemaSql());
    expect(await kept()).toEqual(backfilled);
    await orm.em.fork().transactional((tx) => siteTelephonyTable.save(tx, [row('+442071239001', 'old', 'RESERVED', 'operator')]));
    expect(await kept()).toEqual(await counted());
    expect(await kept()).toContainEqual({ site_id: 'old', status: 'RESERVED', owner_type: 'operator', n: 1 });
  });
});
