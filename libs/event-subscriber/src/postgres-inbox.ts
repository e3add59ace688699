import type { Pool, PoolClient } from 'pg';
import type { SubscribedEvent } from './event-subscriber';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Exactly-once effects for a subscriber on PostgreSQL: the handler's writes, the event's id and
 * the subscriber's checkpoint (the last stream sequence handled) commit in one transaction, so a
 * redelivered event changes nothing and a consumer created again resumes after the checkpoint.
 */
export class PostgresInbox {
  constructor(
    private readonly pool: Pool,
    private readonly options: { readonly schema: string; readonly subscriber: string },
  ) {
    if (!IDENTIFIER.test(options.schema)) throw new Error(`not a schema name: ${options.schema}`);
  }

  /** Creates the inbox's tables (idempotent). */
  async migrate(): Promise<void> {
    const { schema } = this.options;
    await this.pool.query(`
      CREATE SCHEMA IF NOT EXISTS ${schema};
      CREATE TABLE IF NOT EXISTS ${schema}.inbox_events (
        subscriber text NOT NULL, event_id text NOT NULL, event_type text NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (subscriber, event_id));
      CREATE TABLE IF NOT EXISTS ${schema}.inbox_checkpoints (
        subscriber text PRIMARY KEY, stream_sequence bigint NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());`);
  }

  /**
   * Runs `work` in a transaction that also records the event: `duplicate` (and nothing run) when
   * the event was handled already. A failure rolls all of it back, so the event may come again.
   */
  async once(event: SubscribedEvent, work: (client: PoolClient) => Promise<void>): Promise<'handled' | 'duplicate'> {
    const { schema, subscriber } = this.options;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const recorded = await client.query(
        `INSERT INTO ${schema}.inbox_events (subscriber, event_id, event_type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [subscriber, event.id, event.type],
      );
      if (recorded.rowCount === 1) await work(client);
      await client.query(
        `INSERT INTO ${schema}.inbox_checkpoints (subscriber, stream_sequence) VALUES ($1, $2)
         ON CONFLICT (subscriber) DO UPDATE SET stream_sequence = greatest(${schema}.inbox_checkpoints.stream_sequence, EXCLUDED.stream_sequence), updated_at = now()`,
        [subscriber, event.streamSequence],
      );
      await client.query('COMMIT');
      return recorded.rowCount === 1 ? 'handled' : 'duplicate';
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The last stream sequence handled, for EventSubscriber's `resumeAfter`. */
  async checkpoint(): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ stream_sequence: string }>(
      `SELECT stream_sequence FROM ${this.options.schema}.inbox_checkpoints WHERE subscriber = $1`,
      [this.options.subscriber],
    );
    return rows[0] ? Number(rows[0].stream_sequence) : undefined;
  }
}
