import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { jetstream, jetstreamManager, StorageType } from '@nats-io/jetstream';
import { connect, nanos } from '@nats-io/transport-node';
import { closedLoop } from './bench-kit';

export type Sizes = { readonly l1Single: number; readonly l1PerClient: number; readonly l2Sync: number; readonly l2Pipelined: number };

const EVENT_SHAPE = (stream: string, revision: number) => [
  stream,
  revision,
  randomUUID(),
  'NumberLocked',
  JSON.stringify({ number: stream, siteId: 'bench', reason: null }),
  JSON.stringify({ commandId: randomUUID(), correlationId: randomUUID(), occurredAt: new Date().toISOString() }),
];

/** L1: durable single-row inserts of an event-shaped row, one statement per transaction. */
export const rawPostgresInserts = async (url: string, clients: number, perClient: number): Promise<number> => {
  const setup = new Client({ connectionString: url });
  await setup.connect();
  await setup.query(
    `CREATE TABLE IF NOT EXISTS bench_l1 (id bigserial PRIMARY KEY, stream_id text, revision bigint, event_id uuid, type text, data jsonb, metadata jsonb)`,
  );
  await setup.end();
  const pool = new Pool({ connectionString: url, max: clients });
  const { perSecond } = await closedLoop(clients * perClient, clients, (i) =>
    pool.query(
      'INSERT INTO bench_l1 (stream_id, revision, event_id, type, data, metadata) VALUES ($1, $2, $3, $4, $5, $6)',
      EVENT_SHAPE(`s-${i % 1000}`, i),
    ),
  );
  await pool.end();
  return perSecond;
};

/** L2: JetStream publishes to a file-backed stream with de-duplication on, awaited one by one, or pipelined. */
export const rawJetStreamPublishes = async (natsUrl: string, prefix: string, count: number, pipelined: boolean): Promise<number> => {
  const nc = await connect({ servers: natsUrl });
  const name = `${prefix.toUpperCase()}_BENCH_L2_${pipelined ? 'P' : 'S'}`;
  const subject = `${prefix}.bench.l2.${pipelined ? 'p' : 's'}`;
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name, subjects: [subject], storage: StorageType.File, duplicate_window: nanos(120_000) });
  const js = jetstream(nc);
  const payload = JSON.stringify({ specversion: '1.0', type: 'NumberLocked', data: { number: '+442071230001', siteId: 'bench' } });
  const started = performance.now();
  if (pipelined) {
    const window = 256;
    for (let i = 0; i < count; i += window) {
      await Promise.all(Array.from({ length: Math.min(window, count - i) }, () => js.publish(subject, payload, { msgID: randomUUID() })));
    }
  } else {
    for (let i = 0; i < count; i++) await js.publish(subject, payload, { msgID: randomUUID() });
  }
  const perSecond = count / ((performance.now() - started) / 1000);
  await jsm.streams.delete(name);
  await nc.close();
  return perSecond;
};

/** The peer: Emmett's PostgreSQL event store appending the same event shape with expected revisions. */
export const emmettAppends = async (url: string, streams: number, writers: number, total: number): Promise<number> => {
  const { getPostgreSQLEventStore } = await import('@event-driven-io/emmett-postgresql');
  const store = getPostgreSQLEventStore(url);
  const revisions = new Map<string, bigint>();
  const run = `emmett-${randomUUID().slice(0, 8)}`;
  const { perSecond } = await closedLoop(total, writers, (i) =>
    oneAtATime(`${run}-${i % streams}`, async (stream) => {
      const expected = revisions.get(stream);
      const result = await store.appendToStream(
        stream,
        [{ type: 'NumberLocked', data: { number: stream, siteId: 'bench', reason: null } }],
        {
          expectedStreamVersion: expected ?? ('STREAM_DOES_NOT_EXIST' as never),
        },
      );
      revisions.set(stream, result.nextExpectedStreamVersion);
    }),
  );
  await store.close();
  return perSecond;
};

const queues = new Map<string, Promise<unknown>>();
/** Appends to one stream never overlap, so expected revisions hold for the store and the peer alike. */
export const oneAtATime = <T>(stream: string, fn: (stream: string) => Promise<T>): Promise<T> => {
  const previous = queues.get(stream) ?? Promise.resolve();
  const next = previous.then(() => fn(stream));
  queues.set(
    stream,
    next.catch(() => undefined),
  );
  return next;
};
