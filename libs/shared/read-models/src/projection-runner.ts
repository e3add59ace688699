import { IsolationLevel, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import {
  compareLogPositions,
  FencedOutError,
  LOG_START,
  type EventStore,
  type Lease,
  type LogPosition,
  type RecordedEvent,
  type Subscription,
} from '@tnp/event-store';
import { inSpan, type Logger, type PlatformMetrics } from '@tnp/platform';
import { applyBatch, type Projection } from './projection';

/** The thin persistence half of a projection, on MikroORM. */
export interface ProjectionTable<Row> {
  load(em: EntityManager, keys: readonly string[]): Promise<Map<string, Row>>;
  save(em: EntityManager, rows: readonly Row[]): Promise<void>;
  remove(em: EntityManager, keys: readonly string[]): Promise<void>;
  truncate(em: EntityManager): Promise<void>;
  /** Rows in key order after `afterKey`, a page at a time (for comparing with a rebuild). */
  scan(em: EntityManager, afterKey: string | undefined, limit: number): Promise<Array<{ key: string; row: Row }>>;
}

export type ProjectionRunnerOptions<Row> = {
  readonly orm: MikroORM;
  readonly schema: string;
  readonly store: EventStore;
  readonly projection: Projection<Row>;
  readonly table: ProjectionTable<Row>;
  readonly logger: Logger;
  readonly metrics?: PlatformMetrics;
  readonly batchSize?: number;
  readonly resetCheckMs?: number;
};

export type RowDifference = { readonly key: string; readonly live: unknown; readonly rebuilt: unknown };

export type ProjectionVerification = {
  readonly projection: string;
  readonly position: LogPosition;
  readonly liveRows: number;
  readonly rebuiltRows: number;
  readonly differing: number;
  /** The first differences found (at most 50). */
  readonly differences: readonly RowDifference[];
};

class CheckpointMoved extends Error {}

export const projectionCheckpointsSql = (schema: string): string => `
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${schema}.projection_checkpoints (
  name text PRIMARY KEY,
  position bigint NOT NULL DEFAULT 0,
  transaction_id xid8 NOT NULL DEFAULT '0',
  updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE ${schema}.projection_checkpoints ADD COLUMN IF NOT EXISTS transaction_id xid8 NOT NULL DEFAULT '0';
CREATE TABLE IF NOT EXISTS ${schema}.projection_streams (
  projection text NOT NULL,
  stream_id text NOT NULL,
  revision bigint NOT NULL,
  PRIMARY KEY (projection, stream_id)
);`;

/**
 * Follows the global log and writes the read model, the revision applied per stream and its
 * checkpoint in one transaction, so each event takes effect exactly once and in order, and a
 * replayed event is a no-op. A rebuild resets the checkpoint under the same row lock; a running
 * follower sees the move and starts again from zero. Under a lease, every batch first checks the
 * fencing token, so a replica that lost the lead cannot write.
 */
export class ProjectionRunner<Row> {
  private subscription: Subscription | undefined;
  private position: LogPosition = LOG_START;
  private restarting: Promise<void> | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private lease: Lease | undefined;

  constructor(private readonly options: ProjectionRunnerOptions<Row>) {}

  get name(): string {
    return this.options.projection.name;
  }

  get appliedPosition(): LogPosition {
    return this.position;
  }

  async start(lease?: Lease): Promise<void> {
    this.lease = lease;
    this.position = await this.ensureCheckpoint();
    this.options.logger.info({ projection: this.name, position: this.position }, 'projection starting');
    this.follow(this.position);
    // A rebuild started elsewhere (CLI, another replica) resets the checkpoint while this runner
    // may be idle with no batch to notice it in; look now and then.
    this.watchdog = setInterval(() => void this.noticeReset(), this.options.resetCheckMs ?? 2000);
    this.watchdog.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
    await this.restarting;
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  /** Empties the read model and replays the whole log into it. */
  async rebuild(): Promise<void> {
    await this.ensureCheckpoint();
    const { schema } = this.options;
    await this.options.orm.em.fork().transactional(async (tx) => {
      await tx.execute(`SELECT position FROM ${schema}.projection_checkpoints WHERE name = ? FOR UPDATE`, [this.name]);
      await this.options.table.truncate(tx);
      await tx.execute(`DELETE FROM ${schema}.projection_streams WHERE projection = ?`, [this.name]);
      await tx.execute(
        `UPDATE ${schema}.projection_checkpoints SET position = 0, transaction_id = '0', updated_at = now() WHERE name = ?`,
        [this.name],
      );
    });
    this.options.logger.info({ projection: this.name }, 'projection reset for rebuild');
    if (this.subscription) this.restartFrom(LOG_START);
  }

  /**
   * Rebuilds the projection in memory from the log up to the checkpoint and holds it against the
   * live rows, read in the same snapshot as the checkpoint.
   */
  async verify(): Promise<ProjectionVerification> {
    const { projection, table, schema, store } = this.options;
    await this.ensureCheckpoint();
    const live = new Map<string, string>();
    let position: LogPosition = LOG_START;
    await this.options.orm.em.fork().transactional(
      async (tx) => {
        const rows = await tx.execute<{ transaction_id: string; position: string }[]>(
          `SELECT transaction_id::text, position FROM ${schema}.projection_checkpoints WHERE name = ?`,
          [this.name],
        );
        position = { transactionId: Number(rows[0]?.transaction_id ?? 0), position: Number(rows[0]?.position ?? 0) };
        for (let after: string | undefined; ;) {
          const page = await table.scan(tx, after, 5000);
          for (const { key, row } of page) live.set(key, canonical(row));
          after = page.at(-1)?.key;
          if (page.length < 5000) break;
        }
      },
      { isolationLevel: IsolationLevel.REPEATABLE_READ },
    );

    const rebuilt = new Map<string, Row>();
    const applied = new Map<string, number>();
    for (let after = LOG_START; ;) {
      const batch = await store.readAll({ after, maxCount: 5000 });
      const inScope = batch.filter((e) => compareLogPositions(e.logPosition, position) <= 0);
      const result = applyBatch(projection, rebuilt, inScope, applied);
      for (const [key, row] of result.rows) {
        if (row === null) rebuilt.delete(key);
        else rebuilt.set(key, row);
      }
      for (const [stream, revision] of result.revisions) applied.set(stream, revision);
      const last = batch.at(-1);
      if (!last || inScope.length < batch.length) break;
      after = last.logPosition;
    }

    const differences: RowDifference[] = [];
    let differing = 0;
    for (const key of new Set([...live.keys(), ...rebuilt.keys()])) {
      const rebuiltRow = rebuilt.get(key);
      const liveRow = live.get(key);
      if (liveRow === (rebuiltRow === undefined ? undefined : canonical(rebuiltRow))) continue;
      differing++;
      if (differences.length < 50) {
        differences.push({ key, live: liveRow === undefined ? null : JSON.parse(liveRow), rebuilt: rebuiltRow ?? null });
      }
    }
    return { projection: this.name, position, liveRows: live.size, rebuiltRows: rebuilt.size, differing, differences };
  }

  private follow(from: LogPosition): void {
    this.subscription = this.options.store.subscribeToAll((batch) => this.handle(batch), {
      after: from,
      batchSize: this.options.batchSize ?? 1000,
      onError: (error) => {
        if (error instanceof CheckpointMoved) return;
        if (error instanceof FencedOutError) {
          this.options.logger.error({ err: error, projection: this.name }, 'projection fenced out: another replica leads; stopping');
          this.lease?.stepDown(error);
          return;
        }
        this.options.logger.warn({ err: error, projection: this.name }, 'projection batch failed; retrying');
      },
    });
  }

  private async noticeReset(): Promise<void> {
    if (!this.subscription || this.restarting) return;
    try {
      const stored = await this.storedCheckpoint(this.options.orm.em.fork());
      if (compareLogPositions(stored, this.position) < 0) this.restartFrom(stored);
    } catch (error) {
      this.options.logger.warn({ err: error, projection: this.name }, 'could not read projection checkpoint');
    }
  }

  private async handle(batch: readonly RecordedEvent[]): Promise<void> {
    const { projection, table, schema } = this.options;
    const relevant = batch.filter((e) => projection.handles.has(e.type));
    const last = batch[batch.length - 1];
    if (!last) return;
    await inSpan(
      `project ${projection.name}`,
      { parent: relevant[0]?.metadata, attributes: { 'projection.events': relevant.length } },
      async () => {
        await this.options.orm.em.fork().transactional(async (tx) => {
          const fence = this.lease?.fence;
          if (fence) {
            const held = await tx.execute(`SELECT 1 FROM ${fence.table} WHERE name = ? AND epoch = ? FOR SHARE`, [fence.name, fence.epoch]);
            if (held.length === 0) throw new FencedOutError(fence);
          }
          const stored = await this.storedCheckpoint(tx, true);
          if (compareLogPositions(stored, this.position) !== 0) {
            this.restartFrom(stored);
            throw new CheckpointMoved(`checkpoint of ${projection.name} moved`);
          }
          if (relevant.length > 0) {
            const streams = [...new Set(relevant.map((e) => e.streamId))];
            const applied = await tx.execute<{ stream_id: string; revision: string }[]>(
              `SELECT stream_id, revision FROM ${schema}.projection_streams
                WHERE projection = ? AND stream_id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
              [projection.name, JSON.stringify(streams)],
            );
            const keys = [...new Set(relevant.map((e) => projection.keyOf(e)))];
            const loaded = await table.load(tx, keys);
            const result = applyBatch(projection, loaded, relevant, new Map(applied.map((r) => [r.stream_id, Number(r.revision)])));
            if (result.upserts.length > 0) await table.save(tx, result.upserts);
            if (result.deletes.length > 0) await table.remove(tx, result.deletes);
            if (result.revisions.size > 0) {
              await tx.execute(
                `INSERT INTO ${schema}.projection_streams (projection, stream_id, revision)
                 SELECT ?, key, value::bigint FROM jsonb_each_text(?::jsonb)
                 ON CONFLICT (projection, stream_id) DO UPDATE SET revision = GREATEST(${schema}.projection_streams.revision, EXCLUDED.revision)`,
                [projection.name, JSON.stringify(Object.fromEntries(result.revisions))],
              );
            }
          }
          await tx.execute(
            `UPDATE ${schema}.projection_checkpoints SET transaction_id = ?::xid8, position = ?, updated_at = now() WHERE name = ?`,
            [String(last.logPosition.transactionId), last.logPosition.position, projection.name],
          );
        });
      },
    );
    this.position = last.logPosition;
    this.options.metrics?.projectionPosition.set({ projection: projection.name }, last.globalPosition);
    this.options.metrics?.projectionLag.set({ projection: projection.name }, (Date.now() - Date.parse(last.recordedAt)) / 1000);
  }

  private restartFrom(position: LogPosition): void {
    if (this.restarting) return;
    this.restarting = (async () => {
      await this.subscription?.stop();
      this.position = position;
      this.options.logger.info({ projection: this.name, position }, 'projection checkpoint moved; following from there');
      this.follow(position);
    })().finally(() => {
      this.restarting = undefined;
    });
  }

  private async storedCheckpoint(em: EntityManager, forUpdate = false): Promise<LogPosition> {
    const rows = await em.execute<{ transaction_id: string; position: string }[]>(
      `SELECT transaction_id::text, position FROM ${this.options.schema}.projection_checkpoints WHERE name = ?${forUpdate ? ' FOR UPDATE' : ''}`,
      [this.name],
    );
    return { transactionId: Number(rows[0]?.transaction_id ?? 0), position: Number(rows[0]?.position ?? 0) };
  }

  private async ensureCheckpoint(): Promise<LogPosition> {
    const em = this.options.orm.em.fork();
    await em.execute(`INSERT INTO ${this.options.schema}.projection_checkpoints (name) VALUES (?) ON CONFLICT (name) DO NOTHING`, [
      this.name,
    ]);
    const stored = await this.storedCheckpoint(em);
    if (stored.transactionId === 0 && stored.position > 0) {
      // Saved as a bare position before checkpoints held the whole log position: that position
      // may have skipped events, so the read model is built again.
      this.options.logger.warn({ projection: this.name }, 'checkpoint predates log positions; rebuilding the read model');
      await this.rebuild();
      return LOG_START;
    }
    return stored;
  }
}

/** A row as comparable text: keys sorted, dates as ISO strings. */
const canonical = (row: unknown): string =>
  JSON.stringify(row, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
