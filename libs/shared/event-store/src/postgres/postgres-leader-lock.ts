import { Client } from 'pg';

export type Leadership = { readonly release: () => Promise<void> };

/**
 * Holds a session advisory lock so exactly one replica runs a follower (relay, projection).
 * Others wait and take over when the holder's connection ends.
 */
export const acquireLeadership = async (
  connectionString: string,
  name: string,
  options: { retryMs?: number; signal?: AbortSignal; onLost?: () => void } = {},
): Promise<Leadership | undefined> => {
  for (;;) {
    if (options.signal?.aborted) return undefined;
    const client = new Client({ connectionString });
    try {
      await client.connect();
      const { rows } = await client.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS acquired', [name]);
      if (rows[0]?.acquired) {
        let released = false;
        client.on('error', () => {
          if (!released) options.onLost?.();
        });
        return {
          release: async () => {
            released = true;
            await client.end().catch(() => undefined);
          },
        };
      }
    } catch {
      // The database is unreachable: try again, as if another replica held the lock.
    }
    await client.end().catch(() => undefined);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.retryMs ?? 2000);
      options.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
};
