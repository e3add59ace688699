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
import { applyBatch, type BatchResult, type Projection } from './projection';
import { ShadowTable } from './shadow-table';
import { sqlQuery } from './sql';

/** The thin persistence half of a projection, on MikroORM. */
export interface ProjectionTable<Row> {
  load(em: EntityManager, keys: readonly string[]): Promise<Map<string, Row>>;
  /** Inserts or updates each row. */
  save(em: EntityManager, rows: readonly Row[]): Promise<void>;
  /**
   * Rows the batch's load found absent, so a plain INSERT (cheaper than ON CONFLICT) can write
   * them: the runner writes a table only under its checkpoint's row lock. Without it, `save`.
   */
  insert?(em: EntityManager, rows: readonly Row[]): Promise<void>;
  remove(em: EntityManager, keys: readonly string[]): Promise<void>;
  truncate(em: EntityManager): Promise<void>;
  /** Rows in key order after `afterKey`, a page at a time (for comparing with a rebuild). */
  scan(em: EntityManager, afterKey: string | undefined, limit: number): Promise<Array<{ key: string; row: Row }>>;
  /**
   * With it, a rebuild fills a shadow table and swaps it in at the end, so readers keep the old
   * rows until then (ADR 0023). Without it, a rebuild empties the table and replays in place.
   */
  readonly shadow?: ShadowWrites<Row>;
  /**
   * Refreshes the planner's statistics of the table (ANALYZE) and gives its row estimate. The
   * runner calls it after each bulk of writes, so queries planned right after a port of a million
   * numbers do not run on the statistics of an empty table (autovacuum may not have come by yet).
   */
  analyze?(em: EntityManager): Promise<number>;
}

/** Rows written since the last ANALYZE that call for another: this many, and half the table's estimate. */
const ANALYZE_AFTER_ROWS = 10_000;

/** The loads and writes of a batch. */
export type Writes<Row> = Pick<ProjectionTable<Row>, 'load' | 'save' | 'insert' | 'remove'>;

/** What a rebuild into a shadow table needs from a table. */
export interface ShadowWrites<Row> {
  /** The live table, schema-qualified: "schema.table". */
  readonly table: string;
  /** The same loads and writes against the table of that name in another schema (the shadow). */
  in(schema: string): Writes<Row>;
  /**
   * In the swap's transaction, once the rebuilt rows carry the live table's name and triggers:
   * rebuilds, set-based, whatever the live table's triggers kept beside it (counts, say), since
   * the shadow was filled without them.
   */
  afterSwap?(tx: EntityManager): Promise<void>;
}

export type ProjectionRunnerOptions<Row> = {
  readonly orm: MikroORM;
  readonly schema: string;
  readonly store: EventStore;
  readonly projection: Projection<Row>;
  readonly table: ProjectionTable<Row>;
  readonly logger: Logger;
  readonly metrics?: PlatformMetrics;
  /** Events per batch once caught up (default 1,000). */
  readonly batchSize?: number;
  /** Events per batch while catching up and in a rebuild, each read while the one before is written (default 10,000). */
  readonly catchUpBatchSize?: number;
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
 * replayed event is a no-op. A projection whose rows guard themselves (`rowGuardsReplays`) keeps
 * no per-stream revisions: the checkpoint and the row's own revision do that work. Behind the
 * head, pages are large and the next one is read while the last one is written. A rebuild fills a
 * shadow table from the log and swaps it in with the checkpoint in one short transaction (ADR
 * 0023). Under a lease, every batch first checks the fencing token, so a replica that lost the
 * lead cannot write.
 */
export class ProjectionRunner<Row> {
  private subscription: Subscription | undefined;
  private position: LogPosition = LOG_START;
  private restarting: Promise<void> | undefined;
  private rebuilding: Promise<void> | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private lease: Lease | undefined;
  private writtenSinceAnalyze = 0;
  private estimatedRows = 0;
  private analyzing: Promise<void> | undefined;

  constructor(private readonly options: ProjectionRunnerOptions<Row>) {}

  get name(): string {
    return this.options.projection.name;
  }

  get appliedPosition(): LogPosition {
    return this.position;
  }

  /** Where the projection stands as stored, whichever replica runs it. */
  checkpoint(): Promise<LogPosition> {
    return this.storedCheckpoint(this.options.orm.em.fork());
  }

  private get catchUpBatchSize(): number {
    return Math.max(this.options.catchUpBatchSize ?? 10_000, this.options.batchSize ?? 1000);
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
    await this.analyzing;
  }

  /**
   * Builds the read model again from the whole log. With a shadow table, it resolves once the
   * rebuilt rows have replaced the live ones (readers see the old rows until then, and a failure
   * leaves them untouched); without one, once the table is emptied and the checkpoint reset, the
   * follower replaying into it.
   */
  async rebuild(): Promise<void> {
    await this.ensureCheckpoint();
    const shadow = this.options.table.shadow;
    if (!shadow) return this.reset();
    this.rebuilding ??= this.rebuildIntoShadow(shadow).finally(() => {
      this.rebuilding = undefined;
    });
    return this.rebuilding;
  }

  private async reset(): Promise<void> {
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

  private async rebuildIntoShadow(writes: ShadowWrites<Row>): Promise<void> {
    const { orm, schema, projection, logger } = this.options;
    const shadow = new ShadowTable(writes.table);
    const target = writes.in(shadow.schema);
    // Per-stream revisions of the rebuild, for a projection that keeps them: in memory until the swap.
    const applied = projection.rowGuardsReplays ? undefined : new Map<string, number>();
    const started = Date.now();
    logger.info({ projection: this.name, shadow: shadow.name }, 'projection rebuild into a shadow table');
    await shadow.create(orm.em.fork());
    try {
      let position = await this.fill(target, LOG_START, undefined, applied, shadow);
      await shadow.finish(() => orm.em.fork());
      // Events committed while the indexes were built.
      position = await this.fill(target, position, undefined, applied, shadow);
      let rows = 0;
      await orm.em.fork().transactional(async (tx) => {
        // The live follower's batches wait here, so the checkpoint cannot move under the swap.
        const live = await this.storedCheckpoint(tx, true);
        if (compareLogPositions(live, position) > 0) position = await this.fill(target, position, live, applied, shadow, tx);
        await shadow.swap(tx);
        await writes.afterSwap?.(tx);
        await tx.execute(`DELETE FROM ${schema}.projection_streams WHERE projection = ?`, [this.name]);
        if (applied && applied.size > 0) {
          await sqlQuery(
            tx,
            `INSERT INTO ${schema}.projection_streams (projection, stream_id, revision)
             SELECT $1, s, r FROM unnest($2::text[], $3::bigint[]) AS u(s, r)`,
            [this.name, [...applied.keys()], [...applied.values()]],
          );
        }
        if (compareLogPositions(live, position) !== 0) await this.saveCheckpoint(tx, position);
        rows = Number((await sqlQuery<{ n: string }>(tx, `SELECT count(*) AS n FROM ${writes.table}`))[0]?.n ?? 0);
      });
      logger.info({ projection: this.name, position, rows, ms: Date.now() - started }, 'projection rebuilt and swapped in');
    } catch (error) {
      await shadow.drop(orm.em.fork()).catch((dropError: unknown) => {
        logger.warn({ err: dropError, projection: this.name, shadow: shadow.name }, 'could not drop the shadow table');
      });
      throw error;
    }
  }

  /**
   * Applies the log after `from` (up to `until`, if given) to `target`, a page at a time, the
   * next page read while the last is written; returns the position reached. Outside `tx`, each
   * page commits on its own: the shadow is this rebuild's alone and is dropped if it fails.
   */
  private async fill(
    target: Writes<Row>,
    from: LogPosition,
    until: LogPosition | undefined,
    applied: Map<string, number> | undefined,
    shadow: ShadowTable,
    tx?: EntityManager,
  ): Promise<LogPosition> {
    const { projection, store, orm } = this.options;
    const size = this.catchUpBatchSize;
    let position = from;
    let next: Promise<readonly RecordedEvent[]> | undefined = store.readAll({ after: from, maxCount: size });
    while (next) {
      const page: readonly RecordedEvent[] = await next;
      const inScope = until ? page.filter((e) => compareLogPositions(e.logPosition, until) <= 0) : page;
      const last = inScope.at(-1);
      if (!last) break;
      next =
        page.length === size && inScope.length === page.length ? store.readAll({ after: last.logPosition, maxCount: size }) : undefined;
      try {
        const em = tx ?? orm.em.fork();
        const relevant = inScope.filter((e) => projection.handles.has(e.type));
        if (relevant.length > 0) {
          const loaded = await target.load(em, [...new Set(relevant.map((e) => projection.keyOf(e)))]);
          const result = applyBatch(projection, loaded, relevant, applied);
          await writeBatch(target, em, loaded, result);
          if (!tx) await shadow.grew(em, result.rows.size);
          if (applied) for (const [stream, revision] of result.revisions) applied.set(stream, revision);
        }
      } catch (error) {
        await next?.catch(() => undefined);
        throw error;
      }
      position = last.logPosition;
    }
    return position;
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
        // Before the snapshot is taken: a swap that commits meanwhile is seen whole or not at all.
        if (table.shadow) await tx.execute(`LOCK TABLE ${table.shadow.table} IN ACCESS SHARE MODE`);
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

  /** Catches up in large read-ahead pages, then follows the log's notifications in `batchSize` batches. */
  private follow(from: LogPosition): void {
    let stopped = false;
    let following: Subscription | undefined;
    const running = (async () => {
      const reached = await this.catchUp(from, () => stopped);
      if (reached === undefined || stopped) return;
      following = this.options.store.subscribeToAll((batch) => this.handle(batch), {
        after: reached,
        batchSize: this.options.batchSize ?? 1000,
        onError: (error) => this.onBatchError(error),
      });
    })();
    this.subscription = {
      stop: async () => {
        stopped = true;
        await running;
        await following?.stop();
      },
    };
  }

  /** The position caught up to, or undefined when this follower is done (checkpoint moved, fenced out, stopped). */
  private async catchUp(from: LogPosition, stopped: () => boolean): Promise<LogPosition | undefined> {
    const { store } = this.options;
    const size = this.catchUpBatchSize;
    let position = from;
    let next: Promise<readonly RecordedEvent[]> | undefined = store.readAll({ after: from, maxCount: size });
    while (next && !stopped()) {
      const reading: Promise<readonly RecordedEvent[]> = next;
      next = undefined;
      try {
        const batch = await reading;
        const last = batch.at(-1);
        if (!last) break;
        if (batch.length === size) next = store.readAll({ after: last.logPosition, maxCount: size });
        await this.handle(batch);
        position = last.logPosition;
      } catch (error) {
        await next?.catch(() => undefined);
        if (error instanceof CheckpointMoved || error instanceof FencedOutError) {
          this.onBatchError(error);
          return undefined;
        }
        // The subscription takes over from the last batch applied, with its own retries.
        this.onBatchError(error);
        break;
      }
    }
    return stopped() ? undefined : position;
  }

  private onBatchError(error: unknown): void {
    if (error instanceof CheckpointMoved) return;
    if (error instanceof FencedOutError) {
      this.options.logger.error({ err: error, projection: this.name }, 'projection fenced out: another replica leads; stopping');
      this.lease?.stepDown(error);
      return;
    }
    this.options.logger.warn({ err: error, projection: this.name }, 'projection batch failed; retrying');
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
    let written = 0;
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
            const tracked = !projection.rowGuardsReplays;
            const streams = tracked ? [...new Set(relevant.map((e) => e.streamId))] : [];
            const applied =
              streams.length === 0
                ? []
                : await sqlQuery<{ stream_id: string; revision: string }>(
                    tx,
                    `SELECT stream_id, revision FROM ${schema}.projection_streams WHERE projection = $1 AND stream_id = ANY($2::text[])`,
                    [projection.name, streams],
                  );
            const keys = [...new Set(relevant.map((e) => projection.keyOf(e)))];
            const loaded = await table.load(tx, keys);
            const result = applyBatch(projection, loaded, relevant, new Map(applied.map((r) => [r.stream_id, Number(r.revision)])));
            await writeBatch(table, tx, loaded, result);
            written = result.rows.size;
            if (tracked && result.revisions.size > 0) {
              await sqlQuery(
                tx,
                `INSERT INTO ${schema}.projection_streams (projection, stream_id, revision)
                 SELECT $1, s, r FROM unnest($2::text[], $3::bigint[]) AS u(s, r)
                 ON CONFLICT (projection, stream_id) DO UPDATE SET revision = GREATEST(${schema}.projection_streams.revision, EXCLUDED.revision)`,
                [projection.name, [...result.revisions.keys()], [...result.revisions.values()]],
              );
            }
          }
          await this.saveCheckpoint(tx, last.logPosition);
        });
      },
    );
    this.position = last.logPosition;
    this.writtenSinceAnalyze += written;
    this.analyzeAfterBulk();
    this.options.metrics?.projectionPosition.set({ projection: projection.name }, last.globalPosition);
    this.options.metrics?.projectionLag.set({ projection: projection.name }, (Date.now() - Date.parse(last.recordedAt)) / 1000);
  }

  /**
   * After a bulk of writes (as many rows as half the table had at the last count, and at least
   * ANALYZE_AFTER_ROWS): refresh the table's statistics, in the background, one at a time. A table
   * filled from empty is analysed as it grows, each time at about one and a half times its size.
   */
  private analyzeAfterBulk(): void {
    const { table, orm, logger } = this.options;
    if (!table.analyze || this.analyzing) return;
    if (this.writtenSinceAnalyze < Math.max(ANALYZE_AFTER_ROWS, this.estimatedRows / 2)) return;
    const written = this.writtenSinceAnalyze;
    this.writtenSinceAnalyze = 0;
    const started = Date.now();
    this.analyzing = table
      .analyze(orm.em.fork())
      .then((rows) => {
        this.estimatedRows = rows;
        logger.info({ projection: this.name, written, rows, ms: Date.now() - started }, 'projection table analysed after a bulk of writes');
      })
      .catch((error: unknown) => {
        this.writtenSinceAnalyze += written;
        logger.warn({ err: error, projection: this.name }, 'could not analyse the projection table');
      })
      .finally(() => {
        this.analyzing = undefined;
      });
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

  private async saveCheckpoint(tx: EntityManager, position: LogPosition): Promise<void> {
    await sqlQuery(
      tx,
      `UPDATE ${this.options.schema}.projection_checkpoints SET transaction_id = $1::xid8, position = $2, updated_at = now() WHERE name = $3`,
      [String(position.transactionId), position.position, this.name],
    );
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
      await this.reset();
      return LOG_START;
    }
    return stored;
  }
}

/** A batch's rows: new ones inserted (when the table can), loaded ones saved, removed ones deleted. */
export const writeBatch = async <Row>(
  table: Writes<Row>,
  em: EntityManager,
  loaded: ReadonlyMap<string, Row>,
  result: BatchResult<Row>,
): Promise<void> => {
  if (!table.insert) {
    if (result.upserts.length > 0) await table.save(em, result.upserts);
  } else {
    const inserts: Row[] = [];
    const updates: Row[] = [];
    for (const [key, row] of result.rows) if (row !== null) (loaded.has(key) ? updates : inserts).push(row);
    if (inserts.length > 0) await table.insert(em, inserts);
    if (updates.length > 0) await table.save(em, updates);
  }
  if (result.deletes.length > 0) await table.remove(em, result.deletes);
};

/** A row as comparable text: keys sorted, dates as ISO strings. */
const canonical = (row: unknown): string =>
  JSON.stringify(row, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
