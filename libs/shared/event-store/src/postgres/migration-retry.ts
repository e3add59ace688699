/** Deadlock, serialization failure, lock timeout: the schema change gave way to live traffic. */
const GAVE_WAY = new Set(['40P01', '40001', '55P03']);

/**
 * Runs a schema migration that may meet live traffic: a replica booting while others serve
 * (a rolling update, a scale-up) takes table locks that can deadlock with appends. The migration
 * waits at most `lock_timeout` for a lock and is tried again; the live statement PostgreSQL may
 * pick as the deadlock victim is retried by its own caller.
 */
export const migrateGivingWay = async (run: () => Promise<void>, attempts = 10): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const e = error as { code?: string; sqlState?: string; cause?: { code?: string } };
      const gaveWay = [e.code, e.sqlState, e.cause?.code].some((code) => code !== undefined && GAVE_WAY.has(code));
      if (!gaveWay || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
    }
  }
};

/** Prefix for a migration's statements: wait at most this long for any lock. */
export const MIGRATION_LOCK_TIMEOUT = `SET LOCAL lock_timeout = '3s';`;
