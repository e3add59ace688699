import type { Pool, PoolClient } from 'pg';

type ClientState = { _queryable?: boolean; _ending?: boolean };

/**
 * Kysely (under MikroORM 7) does not release a transaction's connection when its COMMIT or
 * ROLLBACK fails, which is what a connection dropped by PostgreSQL does to them: after a restart
 * the read-model pool was left full of dead, checked-out clients and every query waited for ever.
 * This hands such clients back to the pool (which discards them) and makes the late release by
 * their holder harmless.
 */
export const sweepDeadConnections = (pool: Pool, everyMs = 500): (() => void) => {
  const checkedOut = new Set<PoolClient>();
  const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
  Object.assign(pool, {
    connect: async (): Promise<PoolClient> => {
      const client = await connect();
      const release = client.release.bind(client);
      let released = false;
      client.release = (error?: Error | boolean) => {
        if (released) return;
        released = true;
        checkedOut.delete(client);
        release(error);
      };
      checkedOut.add(client);
      return client;
    },
  });
  const sweeper = setInterval(() => {
    for (const client of checkedOut) {
      const state = client as unknown as ClientState;
      if (state._queryable === false || state._ending === true) client.release(new Error('connection lost while checked out'));
    }
  }, everyMs);
  sweeper.unref();
  return () => clearInterval(sweeper);
};
