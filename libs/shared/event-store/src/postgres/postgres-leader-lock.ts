import { Client } from 'pg';

export type Leadership = { readonly release: () => Promise<void> };

/**
 * Session advisory locks, all held on one connection per process, so exactly one replica runs
 * each follower (relay, projection, reaction) while the others wait and take over when the
 * holder's connection ends.
 */
export class LeaderLocks {
  private client: Client | undefined;
  private connecting: Promise<Client> | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly onLost: (error: Error) => void = () => undefined,
  ) {}

  async acquire(name: string, options: { retryMs?: number; signal?: AbortSignal } = {}): Promise<Leadership | undefined> {
    for (;;) {
      if (options.signal?.aborted) return undefined;
      try {
        const client = await this.connect();
        const { rows } = await client.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS acquired', [name]);
        if (rows[0]?.acquired) {
          return { release: () => this.release(name) };
        }
      } catch {
        // The database is unreachable: try again, as if another replica held the lock.
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.retryMs ?? 2000);
        options.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.connecting = undefined;
    await client?.end().catch(() => undefined);
  }

  private async release(name: string): Promise<void> {
    await this.client?.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
  }

  private connect(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new Client({ connectionString: this.connectionString });
      client.on('error', (error) => {
        if (this.client === client) this.client = undefined;
        this.connecting = undefined;
        this.onLost(error);
      });
      try {
        await client.connect();
      } catch (error) {
        this.connecting = undefined;
        throw error;
      }
      this.client = client;
      return client;
    })();
    return this.connecting;
  }
}
