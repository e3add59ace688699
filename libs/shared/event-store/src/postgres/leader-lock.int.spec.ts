import { Client } from 'pg';
import { createTestDatabase, eventually, type TestDatabase } from '@tnp/testing';
import { FencedOutError } from '../fencing';
import { LeaderLocks, type Leadership } from './postgres-leader-lock';
import { PostgresEventStore } from './postgres-event-store';

/** Two replicas competing for one follower's lead, on one database. */
const SCHEMA = 'fence_es';
let db: TestDatabase;
let store: PostgresEventStore;
const replicas: LeaderLocks[] = [];

beforeAll(async () => {
  db = await createTestDatabase('fencing');
  store = await PostgresEventStore.connect({ connectionString: db.url, schema: SCHEMA, poolSize: 2 });
});
afterAll(async () => {
  await Promise.all(replicas.map((r) => r.close()));
  await store?.close();
  await db?.drop();
});

const replica = (): LeaderLocks => {
  const locks = new LeaderLocks({ connectionString: db.url, schema: SCHEMA, heartbeatMs: 200, heartbeatTimeoutMs: 1000 });
  replicas.push(locks);
  return locks;
};

/** The backend holding the advisory lock in this test's database (other suites hold theirs): the connection to cut. */
const lockHolderPid = async (): Promise<number> => {
  const rows = (await db.query(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  )) as { pid: number }[];
  expect(rows).toHaveLength(1);
  return rows[0]?.pid ?? 0;
};

test('a replica whose lock connection is cut learns it has lost the lead, the other takes over, and the old one can no longer write its checkpoint', async () => {
  const [first, second] = [replica(), replica()];
  const leader = (await first.acquire('relay')) as Leadership;
  const standby = new AbortController();
  const takingOver = second.acquire('relay', { retryMs: 100, signal: standby.signal });
  await store.checkpoints.save('relay', { transactionId: 10, position: 1 }, leader.fence);

  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  await admin.query('SELECT pg_terminate_backend($1)', [await lockHolderPid()]);
  await admin.end();

  await eventually(() => expect(leader.lost.aborted).toBe(true), { timeoutMs: 5000 });
  const successor = (await takingOver) as Leadership;
  expect(successor.fence.epoch).toBeGreaterThan(leader.fence.epoch);

  await expect(store.checkpoints.save('relay', { transactionId: 20, position: 2 }, leader.fence)).rejects.toBeInstanceOf(FencedOutError);
  await store.checkpoints.save('relay', { transactionId: 30, position: 3 }, successor.fence);
  expect(await store.checkpoints.load('relay')).toEqual({ transactionId: 30, position: 3 });
});
