import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { EventStore, RecordedEvent, Subscription } from '@tnp/event-store';
import { inSpan, type Logger, type PlatformMetrics } from '@tnp/platform';
import { applyBatch, type Projection } from './projection';

/** The thin persistence half of a projection, on MikroORM. */
export interface ProjectionTable<Row> {
  load(em: EntityManager, keys: readonly string[]): Promise<Map<string, Row>>;
  save(em: EntityManager, rows: readonly Row[]): Promise<void>;
  remove(em: EntityManager, keys: readonly string[]): Promise<void>;
  truncate(em: EntityManager): Promise<void>;
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

class CheckpointMoved extends Error {}

export const projectionCheckpointsSql = (schema: string): string => `
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${schema}.projection_checkpoints (
  name text PRIMARY KEY,
  position bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);`;

/**
 * Follows the global log and writes the read model and its checkpoint in one transaction, so
 * each event takes effect exactly once and in order. A rebuild resets the checkpoint under the
 * same row lock; a running follower sees the move and starts again from zero.
 */
export class ProjectionRunner<Row> {
  private subscription: Subscription | undefined;
  private position = 0;
  private restarting: Promise<void> | undefined;
  private watchdog: NodeJS.Timeout | undefined;

  constructor(private readonly options: ProjectionRunnerOptions<Row>) {}

  get name(): string {
    return this.options.projection.name;
  }

  get appliedPosition(): number {
    return this.position;
  }

  async start(): Promise<void> {
    this.position = await this.ensureCheckpoint();
    this.options.logger.info({ projection: this.name, position: this.position }, 'projection starting');
    this.subscription = this.options.store.subscribeToAll((batch) => this.handle(batch), {
      fromPosition: this.position,
      batchSize: this.options.batchSize ?? 1000,
      onError: (error) => {
        if (error instanceof CheckpointMoved) return;
        this.options.logger.warn({ err: error, projection: this.name }, 'projection batch failed; retrying');
      },
    });
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
    const em = this.options.orm.em.fork();
    await em.transactional(async (tx) => {
      await tx.execute(`SELECT position FROM ${this.options.schema}.projection_checkpoints WHERE name = ? FOR UPDATE`, [this.name]);
      await this.options.table.truncate(tx);
      await tx.execute(`UPDATE ${this.options.schema}.projection_checkpoints SET position = 0, updated_at = now() WHERE name = ?`, [
        this.name,
      ]);
    });
    this.options.logger.info({ projection: this.name }, 'projection reset for rebuild');
    if (this.subscription) this.restartFrom(0);
  }

  private async noticeReset(): Promise<void> {
    if (!this.subscription || this.restarting) return;
    try {
      const rows = await this.options.orm.em
        .fork()
        .execute<{ position: string }[]>(`SELECT position FROM ${this.options.schema}.projection_checkpoints WHERE name = ?`, [this.name]);
      const stored = Number(rows[0]?.position ?? 0);
      if (stored < this.position) this.restartFrom(stored);
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
        const em = this.options.orm.em.fork();
        await em.transactional(async (tx) => {
          const rows = await tx.execute<{ position: string }[]>(
            `SELECT position FROM ${schema}.projection_checkpoints WHERE name = ? FOR UPDATE`,
            [projection.name],
          );
          const stored = Number(rows[0]?.position ?? 0);
          if (stored !== this.position) {
            this.restartFrom(stored);
            throw new CheckpointMoved(`checkpoint of ${projection.name} moved to ${stored}`);
          }
          if (relevant.length > 0) {
            const keys = [...new Set(relevant.map((e) => projection.keyOf(e)))];
            const loaded = await table.load(tx, keys);
            const { upserts, deletes } = applyBatch(projection, loaded, relevant);
            if (upserts.length > 0) await table.save(tx, upserts);
            if (deletes.length > 0) await table.remove(tx, deletes);
          }
          await tx.execute(`UPDATE ${schema}.projection_checkpoints SET position = ?, updated_at = now() WHERE name = ?`, [
            last.globalPosition,
            projection.name,
          ]);
        });
      },
    );
    this.position = last.globalPosition;
    this.options.metrics?.projectionPosition.set({ projection: projection.name }, last.globalPosition);
    this.options.metrics?.projectionLag.set({ projection: projection.name }, (Date.now() - Date.parse(last.recordedAt)) / 1000);
  }

  private restartFrom(position: number): void {
    if (this.restarting) return;
    this.restarting = (async () => {
      await this.subscription?.stop();
      this.position = position;
      this.options.logger.info({ projection: this.name, position }, 'projection checkpoint moved; following from there');
      this.subscription = this.options.store.subscribeToAll((batch) => this.handle(batch), {
        fromPosition: position,
        batchSize: this.options.batchSize ?? 1000,
      });
    })().finally(() => {
      this.restarting = undefined;
    });
  }

  private async ensureCheckpoint(): Promise<number> {
    const em = this.options.orm.em.fork();
    await em.execute(`INSERT INTO ${this.options.schema}.projection_checkpoints (name) VALUES (?) ON CONFLICT (name) DO NOTHING`, [
      this.name,
    ]);
    const rows = await em.execute<{ position: string }[]>(
      `SELECT position FROM ${this.options.schema}.projection_checkpoints WHERE name = ?`,
      [this.name],
    );
    return Number(rows[0]?.position ?? 0);
  }
}
