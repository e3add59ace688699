import { hostname } from 'node:os';
import { Client, type QueryResult, type QueryResultRow } from 'pg';
import type { FencingToken } from '../fencing';

export type Leadership = {
  readonly fence: FencingToken;
  /** Aborted the moment this replica may no longer hold the lock: its connection failed or stalled. */
  readonly lost: AbortSignal;
  /** Gives the lead up (another replica may take it at once). */
  readonly release: () => Promise<void>;
};

export type LeaderLocksOptions = {
  readonly connectionString: string;
  /** The event store schema that holds the leader_epochs table. */
  readonly schema: string;
  readonly onLost?: (error: Error) => void;
  /** How often the lock connection proves it is alive, and how long a probe may take. */
  readonly heartbeatMs?: number;
  readonly heartbeatTimeoutMs?: number;
};

/**
 * Session advisory locks, all held on one connection per process, so exactly one replica runs
 * each follower (relay, projection, reaction). Taking a lock bumps the follower's epoch, the
 * fencing token its writes carry. A heartbeat watches the connection: when it fails or stalls,
 * every lock on it counts as lost at once, before the server lets another replica take them.
 */
export class LeaderLocks {
  private client: Client | undefined;
  private connecting: Promise<Client> | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly held = new Map<string, AbortController>();
  private readonly holder = `${hostname()}:${process.pid}`;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: LeaderLocksOptions) {}

  async acquire(name: string, options: { retryMs?: number; signal?: AbortSignal } = {}): Promise<Leadership | undefined> {
    for (;;) {
      if (options.signal?.aborted) return undefined;
      try {
        const client = await this.connect();
        const { rows } = await this.serial<{ acquired: boolean }>(client, 'SELECT pg_try_advisory_lock(hashtext($1)) AS acquired', [name]);
        if (rows[0]?.acquired) {
          const epoch = await this.bumpEpoch(client, name);
          const lost = new AbortController();
          this.held.set(name, lost);
          return {
            fence: { table: `${this.options.schema}.leader_epochs`, name, epoch },
            lost: lost.signal,
            release: () => this.release(name, client),
          };
        }
      } catch {
        // The database is unreachable: try again, as if another replica held the lock.
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.retryMs ?? 1000);
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
    clearInterval(this.heartbeat);
    await client?.end().catch(() => undefined);
  }

  /** One query at a time on the lock connection (the heartbeat shares it with acquisitions). */
  private serial<R extends QueryResultRow = QueryResultRow>(client: Client, sql: string, params: unknown[]): Promise<QueryResult<R>> {
    const run = this.queue.then(() => client.query<R>(sql, params));
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async bumpEpoch(client: Client, name: string): Promise<number> {
    const { rows } = await this.serial<{ epoch: string }>(
      client,
      `INSERT INTO ${this.options.schema}.leader_epochs AS l (name, epoch, holder) VALUES ($1, 1, $2)
       ON CONFLICT (name) DO UPDATE SET epoch = l.epoch + 1, holder = EXCLUDED.holder, taken_at = now()
       RETURNING epoch`,
      [name, this.holder],
    );
    return Number(rows[0]?.epoch);
  }

  private async release(name: string, client: Client): Promise<void> {
    const lost = this.held.get(name);
    this.held.delete(name);
    lost?.abort(new Error('released'));
    if (this.client === client) await this.serial(client, 'SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
  }

  private loseAll(client: Client, error: Error): void {
    if (this.client !== client && this.connecting === undefined) return;
    if (this.client === client) this.client = undefined;
    this.connecting = undefined;
    clearInterval(this.heartbeat);
    // A stalled connection may still hold its locks on the server: end it from this side too.
    (client as unknown as { connection?: { stream?: { destroy: () => void } } }).connection?.stream?.destroy();
    const lost = [...this.held.values()];
    this.held.clear();
    if (lost.length > 0) this.options.onLost?.(error);
    for (const controller of lost) controller.abort(error);
  }

  private connect(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new Client({
        connectionString: this.options.connectionString,
        application_name: `leader-locks ${this.holder}`,
        keepAlive: true,
        keepAliveInitialDelayMillis: 1000,
        // The server drops a vanished replica's session, and with it the locks, within seconds.
        options: '-c tcp_keepalives_idle=2 -c tcp_keepalives_interval=1 -c tcp_keepalives_count=3',
      });
      client.on('error', (error) => this.loseAll(client, error));
      client.on('end', () => this.loseAll(client, new Error('leader lock connection ended')));
      try {
        await client.connect();
      } catch (error) {
        this.connecting = undefined;
        await client.end().catch(() => undefined);
        throw error;
      }
      this.client = client;
      this.connecting = undefined;
      this.startHeartbeat(client);
      return client;
    })();
    return this.connecting;
  }

  private startHeartbeat(client: Client): void {
    const every = this.options.heartbeatMs ?? 1000;
    const within = this.options.heartbeatTimeoutMs ?? 3000;
    let inFlight = false;
    this.heartbeat = setInterval(() => {
      if (inFlight) return;
      inFlight = true;
      let timer: NodeJS.Timeout | undefined;
      void Promise.race([
        this.serial(client, 'SELECT 1', []),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`leader lock connection did not answer within ${within} ms`)), within);
        }),
      ])
        .catch((error: Error) => this.loseAll(client, error))
        .finally(() => {
          clearTimeout(timer);
          inFlight = false;
        });
    }, every);
    this.heartbeat.unref();
  }
}
