import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client, type Pool } from 'pg';
import { eventually, PrivatePostgres } from '@tnp/testing';
import { sweepDeadConnections } from './dead-connection-sweeper';

/**
 * Transactions in flight when PostgreSQL restarts: without the sweeper, Kysely keeps the dead
 * connections checked out and the read-model pool shrinks or stalls for good.
 */
let pg: PrivatePostgres;
let orm: MikroORM;
let pool: Pool | undefined;

beforeAll(async () => {
  pg = await PrivatePostgres.start();
  orm = await MikroORM.init({
    clientUrl: pg.url,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
    pool: { min: 0, max: 3, idleTimeoutMillis: 30_000 },
    driverOptions: {
      connectionTimeoutMillis: 5000,
      onPoolCreated: (p: Pool) => void ((pool = p), sweepDeadConnections(p, 100)),
    },
  });
}, 60_000);

afterAll(async () => {
  await orm?.close(true);
  pg?.destroy();
});

test('after a PostgreSQL restart under load, every connection of the read-model pool serves again', async () => {
  let stop = false;
  let done = 0;
  const busy = Array.from({ length: 6 }, async () => {
    while (!stop) {
      await orm.em
        .fork()
        .transactional(async (tx) => {
          await tx.execute('SELECT pg_sleep(0.02)');
          await tx.execute('SELECT 1');
        })
        .then(() => done++)
        .catch(() => new Promise((resolve) => setTimeout(resolve, 50)));
    }
  });
  await eventually(() => expect(done).toBeGreaterThan(20));
  pg.stopServer('fast');
  await pg.startServer();
  const after = done;
  await eventually(() => expect(done).toBeGreaterThan(after + 20), { timeoutMs: 10_000 });
  stop = true;
  await Promise.all(busy);

  // All three connections at once, seen from outside the pool: none is still held by a transaction that died.
  const observer = new Client({ connectionString: pg.url });
  await observer.connect();
  const sleepers = [1, 2, 3].map(() => orm.em.fork().execute(`SELECT pg_sleep(1)`));
  try {
    await eventually(async () => {
      const running = await observer.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(1)' AND state = 'active'`,
      );
      expect(running.rows[0]?.n).toBe(3);
    }).catch((error: unknown) => {
      throw new Error(
        `${(error as Error).message}; pool: ${pool?.totalCount} total, ${pool?.idleCount} idle, ${pool?.waitingCount} waiting`,
      );
    });
  } finally {
    await Promise.all(sleepers);
    await observer.end();
  }
}, 60_000);
