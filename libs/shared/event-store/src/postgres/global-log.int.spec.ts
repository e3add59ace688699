import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PlatformError } from '@tnp/kernel';
import { createTestDatabase, eventually, type TestDatabase } from '@tnp/testing';
import { type LogPosition, type NewEvent, type RecordedEvent, type Subscription } from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';

/**
 * The global log under a randomized concurrent load: writers in autocommit and writers holding
 * transactions open (some taking their transaction id long before they append, some rolling
 * back), while a reader that keeps restarting from its checkpoint follows the log. What the
 * reader saw is checked against an independent record of what committed.
 */
const SCHEMA = 'glog';
const STREAMS = 8;

let db: TestDatabase;
let store: PostgresEventStore;
beforeAll(async () => {
  db = await createTestDatabase('global_log');
  store = await PostgresEventStore.connect({ connectionString: db.url, schema: SCHEMA, poolSize: 4, idlePollMs: 200 });
});
afterAll(async () => {
  await store?.close();
  await db?.drop();
});

/** A small seeded generator, so a failing round can be told apart and repeated. */
const random = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const newEvent = (type: string): NewEvent => ({
  id: randomUUID(),
  type,
  data: {},
  metadata: { commandId: randomUUID(), correlationId: randomUUID(), occurredAt: new Date(0).toISOString() },
});

type Committed = { readonly id: string; readonly streamId: string };

/** One append through the store's own function, inside a transaction the caller controls. */
const appendInOpenTransaction = async (client: Client, streamIds: readonly string[], events: readonly NewEvent[][]): Promise<void> => {
  const flat = streamIds.flatMap((streamId, s) => (events[s] ?? []).map((event, index) => ({ streamId, index, event })));
  await client.query(`SELECT * FROM ${SCHEMA}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
    [...streamIds],
    streamIds.map(() => -2),
    streamIds.map((_, s) => events[s]?.length ?? 0),
    flat.map((e) => e.streamId),
    flat.map((e) => e.index),
    flat.map((e) => e.event.id),
    flat.map((e) => e.event.type),
    flat.map((e) => JSON.stringify(e.event.data)),
    flat.map((e) => JSON.stringify(e.event.metadata)),
  ]);
};

const runRound = async (seed: number): Promise<{ committed: Committed[]; delivered: RecordedEvent[] }> => {
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const streams = Array.from({ length: STREAMS }, (_, i) => `round${seed}-${i}`);
  const committed: Committed[] = [];
  const delivered: RecordedEvent[] = [];
  let checkpoint: LogPosition = await store.headPosition();
  for (const streamId of streams) {
    const created = newEvent('Created');
    await store.append(streamId, [created], 'no_stream');
    committed.push({ id: created.id, streamId });
  }

  let subscription: Subscription | undefined;
  const follow = (): void => {
    subscription = store.subscribeToAll(
      async (batch) => {
        delivered.push(...batch);
        checkpoint = batch.at(-1)?.logPosition ?? checkpoint;
      },
      { after: checkpoint, batchSize: 1 + Math.floor(rnd() * 10) },
    );
  };
  follow();
  let writing = true;
  // The reader is stopped and started again from its checkpoint now and then, as after a crash.
  const restarts = (async () => {
    while (writing) {
      await sleep(50 + rnd() * 200);
      await subscription?.stop();
      follow();
    }
  })();

  const autocommitWriter = async (): Promise<void> => {
    for (let i = 0; i < 15; i++) {
      const streamId = pick(streams);
      const events = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => newEvent('Autocommitted'));
      try {
        await store.append(streamId, events, 'any');
      } catch (error) {
        if (error instanceof PlatformError && error.code === 'CONCURRENCY_CONFLICT') continue;
        throw error;
      }
      committed.push(...events.map((e) => ({ id: e.id, streamId })));
      await sleep(rnd() * 5);
    }
  };

  const openTransactionWriter = async (): Promise<void> => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      for (let i = 0; i < 8; i++) {
        const chosen = [...new Set([pick(streams), pick(streams)])].slice(0, 1 + Math.floor(rnd() * 2));
        const events = chosen.map(() => Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => newEvent('HeldOpen')));
        const rollback = rnd() < 0.15;
        await client.query('BEGIN');
        try {
          // Taking the transaction id first gives this writer a low id and, later, a high position.
          if (rnd() < 0.5) await client.query('SELECT pg_current_xact_id()');
          await sleep(rnd() * 25);
          await appendInOpenTransaction(client, chosen, events);
          await sleep(rnd() * 25);
          if (rollback) {
            await client.query('ROLLBACK');
            continue;
          }
          await client.query('COMMIT');
          chosen.forEach((streamId, s) => committed.push(...(events[s] ?? []).map((e) => ({ id: e.id, streamId }))));
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          // The store refuses an append that would put a stream out of order; nothing was written.
          if (!(error instanceof Error && 'code' in error && error.code === '40001')) throw error;
        }
      }
    } finally {
      await client.end();
    }
  };

  const writers = await Promise.allSettled([
    ...Array.from({ length: 6 }, autocommitWriter),
    ...Array.from({ length: 10 }, openTransactionWriter),
  ]);
  writing = false;
  await restarts;
  for (const w of writers) if (w.status === 'rejected') throw w.reason;

  const committedIds = new Set(committed.map((c) => c.id));
  await eventually(
    () => {
      const missing = [...committedIds].filter((id) => !delivered.some((e) => e.id === id));
      expect({ seed, missing: missing.length }).toEqual({ seed, missing: 0 });
    },
    { timeoutMs: 15_000, intervalMs: 50 },
  );
  await subscription?.stop();
  return { committed, delivered };
};

describe('global log under concurrent writers', () => {
  test.each([1, 2, 3, 4, 5])('round %i: every committed event is delivered exactly once, each stream in order', async (seed) => {
    const { committed, delivered } = await runRound(seed);
    const committedIds = new Set(committed.map((c) => c.id));

    const ids = delivered.map((e) => e.id);
    expect(ids.length - new Set(ids).size).toBe(0);
    expect(ids.filter((id) => !committedIds.has(id))).toEqual([]);
    expect(ids.length).toBe(committed.length);

    const byStream = new Map<string, number[]>();
    for (const e of delivered) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.streamRevision]);
    for (const [streamId, revisions] of byStream) {
      const outOfOrder = delivered
        .filter((e) => e.streamId === streamId)
        .filter((e, i) => e.streamRevision !== i)
        .map((e) => `${e.streamRevision}@${e.logPosition.transactionId}/${e.logPosition.position}`);
      expect({ streamId, outOfOrder }).toEqual({ streamId, outOfOrder: [] });
      expect(revisions).toEqual(revisions.map((_, i) => i));
    }
  });
});

describe('global log order', () => {
  test('transaction ids of different lengths are read in numeric order (999 before 1000), page after page', async () => {
    // A fresh cluster crosses 999 -> 1000 early: an order by the text form would put 1000 first.
    const digits = await PostgresEventStore.connect({ connectionString: db.url, schema: 'glog_digits', poolSize: 2 });
    try {
      const transactionIds = [1000, 999, 100, 99, 10, 9];
      await db.query(
        `INSERT INTO glog_digits.events (stream_id, stream_revision, event_id, event_type, data, metadata, transaction_id)
         SELECT 'digits-' || t, 0, gen_random_uuid(), 'Digit', '{}', '{}', t::text::xid8 FROM unnest($1::bigint[]) AS t`,
        [transactionIds],
      );
      const read: number[] = [];
      let after: LogPosition = { transactionId: 0, position: 0 };
      for (let page = await digits.readAll({ after, maxCount: 2 }); page.length > 0; page = await digits.readAll({ after, maxCount: 2 })) {
        read.push(...page.map((e) => e.logPosition.transactionId));
        after = page.at(-1)?.logPosition ?? after;
      }
      expect(read).toEqual([9, 10, 99, 100, 999, 1000]);
      expect((await digits.headPosition()).transactionId).toBe(1000);
    } finally {
      await digits.close();
    }
  });
});

describe('where an append left the log', () => {
  test('an append knows its last event’s log position; the committed head covers it while a transaction held open keeps readers below', async () => {
    const held = new Client({ connectionString: db.url });
    await held.connect();
    try {
      // A transaction that took its id first and has not committed: readers stop below it.
      await held.query('BEGIN');
      await held.query('SELECT pg_current_xact_id()');
      const streamId = `head-${randomUUID()}`;
      const events: NewEvent[] = [1, 2].map((i) => ({
        id: randomUUID(),
        type: 'Touched',
        data: { i },
        metadata: { commandId: 'c', correlationId: 'c', occurredAt: new Date().toISOString() },
      }));
      const [result] = await store.appendMany([{ streamId, events, expectedRevision: 'no_stream' }]);
      const stored = await store.readStream(streamId);
      expect(result?.logPosition).toEqual(stored.at(-1)?.logPosition);
      const committed = await store.committedHead();
      expect(committed).toEqual(result?.logPosition);
      const readable = await store.headPosition();
      expect(readable.transactionId).toBeLessThan(result!.logPosition!.transactionId);
    } finally {
      await held.query('ROLLBACK').catch(() => undefined);
      await held.end();
    }
  });
});

describe('a subscription reading the next batch while the handler works', () => {
  test('a batch whose handler fails comes again from its own position: nothing read ahead of it is skipped or doubled', async () => {
    const ahead = await PostgresEventStore.connect({ connectionString: db.url, schema: 'glog_ahead', poolSize: 2, idlePollMs: 100 });
    try {
      const streamId = `ahead-${randomUUID()}`;
      const appended = Array.from({ length: 23 }, (_, i) => newEvent(`E${i}`));
      await ahead.append(streamId, appended, 'no_stream');
      const deliveries: string[][] = [];
      const handled: string[] = [];
      let failures = 0;
      const subscription = ahead.subscribeToAll(
        async (batch) => {
          deliveries.push(batch.map((e) => e.type));
          // The second and the fourth batches fail once each, while their successors are already read.
          if ((deliveries.length === 2 || deliveries.length === 5) && failures < 2) {
            failures++;
            throw new Error('handler failed');
          }
          handled.push(...batch.map((e) => e.id));
        },
        { after: { transactionId: 0, position: 0 }, batchSize: 5, onError: () => undefined },
      );
      try {
        await eventually(() => expect(handled).toHaveLength(appended.length), { timeoutMs: 10_000 });
      } finally {
        await subscription.stop();
      }
      expect(handled).toEqual(appended.map((e) => e.id));
      expect(failures).toBe(2);
      expect(deliveries[2]).toEqual(deliveries[1]);
      expect(deliveries[5]).toEqual(deliveries[4]);
    } finally {
      await ahead.close();
    }
  });
});
