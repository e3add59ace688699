import { SpanKind, trace } from '@opentelemetry/api';
import { Client, Pool, type PoolClient, type QueryResultRow } from 'pg';
import { PlatformError } from '@tnp/kernel';
import {
  ConcurrencyConflictError,
  NO_STREAM_REVISION,
  type AllSubscriptionHandler,
  type AppendRequest,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamConflict,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { eventStoreSchemaSql } from './schema';
import { PostgresCheckpointStore, PostgresCommandLog } from './postgres-command-log';
import { SubscriptionSet } from '../subscription-set';

type EventRow = {
  global_position: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  data: unknown;
  metadata: NewEvent['metadata'];
  recorded_at: Date;
};

export type PostgresEventStoreOptions = {
  readonly connectionString: string;
  readonly schema: string;
  readonly poolSize?: number;
  /** Upper bound on how long a subscriber sleeps without a notification (covers aborted writers). */
  readonly idlePollMs?: number;
};

const tracer = trace.getTracer('event-store');
const UNIQUE_VIOLATION = '23505';
const SERIALIZATION_OR_DEADLOCK = new Set(['40001', '40P01']);
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Event store on PostgreSQL. Every event row carries the id of the transaction that wrote it;
 * the global log is read only below the oldest running transaction (pg_snapshot_xmin), so an
 * event committed late by a slow writer is never skipped by a reader that moved past it.
 */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly channel: string;
  private readonly subscriptions = new SubscriptionSet();

  private constructor(private readonly options: PostgresEventStoreOptions) {
    if (!IDENTIFIER.test(options.schema)) throw new Error(`Invalid event store schema name: ${options.schema}`);
    this.pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10 });
    this.pool.on('error', () => undefined);
    this.channel = `${options.schema}_appended`;
  }

  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    await store.migrate();
    return store;
  }

  get schema(): string {
    return this.options.schema;
  }

  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      // Concurrent replicas booting together must not race on CREATE TABLE.
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [`migrate:${this.schema}`]);
      await client.query(eventStoreSchemaSql(this.schema));
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrate:${this.schema}`]).catch(() => undefined);
      client.release();
    }
  }

  async append(streamId: string, events: readonly NewEvent[], expectedRevision: AppendRequest['expectedRevision']): Promise<AppendResult> {
    const [result] = await this.appendMany([{ streamId, events, expectedRevision }]);
    if (!result) throw new Error('append returned no result');
    return result;
  }

  appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    return tracer.startActiveSpan(
      'eventstore append',
      { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql', 'eventstore.streams': requests.length } },
      (span) =>
        this.appendManyInTransaction(requests)
          .catch((error: unknown) => {
            span.recordException(error as Error);
            throw error;
          })
          .finally(() => span.end()),
    );
  }

  private async appendManyInTransaction(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    const nonEmpty = requests.filter((r) => r.events.length > 0);
    if (nonEmpty.length === 0) return Promise.all(requests.map((r) => this.emptyResult(r.streamId)));
    assertDistinctStreams(nonEmpty);
    const client = await this.connectOrUnavailable();
    try {
      await client.query('BEGIN');
      const starts = await this.reserveRevisions(client, nonEmpty);
      const results = await this.insertEvents(client, nonEmpty, starts);
      await client.query(`SELECT pg_notify($1, '')`, [this.channel]);
      await client.query('COMMIT');
      return requests.map(
        (r) =>
          results.get(r.streamId) ?? {
            streamId: r.streamId,
            nextExpectedRevision: NO_STREAM_REVISION,
            lastGlobalPosition: 0,
            eventIds: [],
            replayed: false,
          },
      );
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const isRetryOfStoredAppend =
        error instanceof ConcurrencyConflictError ||
        (isPgError(error) && error.code === UNIQUE_VIOLATION && error.constraint === 'events_event_id_key');
      if (isRetryOfStoredAppend) {
        const replayed = await this.replayedResults(requests);
        if (replayed) return replayed;
      }
      if (isPgError(error) && SERIALIZATION_OR_DEADLOCK.has(error.code ?? '')) {
        throw new PlatformError('CONCURRENCY_CONFLICT', 'Concurrent append, retry');
      }
      throw error;
    } finally {
      client.release();
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    const { rows } = await this.query<EventRow>(
      `SELECT global_position, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at
         FROM ${this.schema}.events
        WHERE stream_id = $1 AND stream_revision >= $2
        ORDER BY stream_revision
        LIMIT $3`,
      [streamId, options.fromRevision ?? 0, options.maxCount ?? 1_000_000],
    );
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    const { rows } = await this.query<EventRow>(
      `SELECT global_position, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at
         FROM ${this.schema}.events
        WHERE global_position > $1
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY global_position
        LIMIT $2`,
      [options.fromPosition ?? 0, options.maxCount ?? 1000],
    );
    return rows.map(toRecorded);
  }

  subscribeToAll(handler: AllSubscriptionHandler, options: SubscribeOptions): Subscription {
    return this.subscriptions.track(new AllSubscription(this, this.options, this.channel, handler, options));
  }

  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    await this.pool.end();
  }

  get commandLog(): PostgresCommandLog {
    return new PostgresCommandLog(this.pool, this.schema);
  }

  get checkpoints(): PostgresCheckpointStore {
    return new PostgresCheckpointStore(this.pool, this.schema);
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1', []);
  }

  private async reserveRevisions(client: PoolClient, requests: readonly AppendRequest[]): Promise<Map<string, number>> {
    const starts = new Map<string, number>();
    const conflicts: StreamConflict[] = [];

    const fresh = requests.filter((r) => r.expectedRevision === 'no_stream');
    if (fresh.length > 0) {
      const { rows } = await client.query<{ stream_id: string }>(
        `INSERT INTO ${this.schema}.streams (stream_id, revision)
         SELECT * FROM unnest($1::text[], $2::bigint[])
         ON CONFLICT (stream_id) DO NOTHING
         RETURNING stream_id`,
        [fresh.map((r) => r.streamId), fresh.map((r) => r.events.length - 1)],
      );
      const inserted = new Set(rows.map((r) => r.stream_id));
      for (const r of fresh) {
        if (inserted.has(r.streamId)) starts.set(r.streamId, 0);
        else conflicts.push({ streamId: r.streamId, expected: 'no_stream', actual: NaN });
      }
    }

    const exact = requests.filter((r): r is AppendRequest & { expectedRevision: number } => typeof r.expectedRevision === 'number');
    if (exact.length > 0) {
      const { rows } = await client.query<{ stream_id: string }>(
        `UPDATE ${this.schema}.streams s SET revision = v.next
           FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS v(stream_id, expected, next)
          WHERE s.stream_id = v.stream_id AND s.revision = v.expected
          RETURNING s.stream_id`,
        [exact.map((r) => r.streamId), exact.map((r) => r.expectedRevision), exact.map((r) => r.expectedRevision + r.events.length)],
      );
      const updated = new Set(rows.map((r) => r.stream_id));
      for (const r of exact) {
        if (updated.has(r.streamId)) starts.set(r.streamId, r.expectedRevision + 1);
        else conflicts.push({ streamId: r.streamId, expected: r.expectedRevision, actual: NaN });
      }
    }

    for (const r of requests) {
      if (r.expectedRevision !== 'any' && r.expectedRevision !== 'stream_exists') continue;
      const sql =
        r.expectedRevision === 'any'
          ? `INSERT INTO ${this.schema}.streams (stream_id, revision) VALUES ($1, $2 - 1)
             ON CONFLICT (stream_id) DO UPDATE SET revision = streams.revision + $2 RETURNING revision`
          : `UPDATE ${this.schema}.streams SET revision = revision + $2 WHERE stream_id = $1 RETURNING revision`;
      const { rows } = await client.query<{ revision: string }>(sql, [r.streamId, r.events.length]);
      const row = rows[0];
      if (row) starts.set(r.streamId, Number(row.revision) - r.events.length + 1);
      else conflicts.push({ streamId: r.streamId, expected: r.expectedRevision, actual: NO_STREAM_REVISION });
    }

    if (conflicts.length > 0) {
      const actual = await this.currentRevisions(
        client,
        conflicts.map((c) => c.streamId),
      );
      throw new ConcurrencyConflictError(conflicts.map((c) => ({ ...c, actual: actual.get(c.streamId) ?? NO_STREAM_REVISION })));
    }
    return starts;
  }

  private async insertEvents(
    client: PoolClient,
    requests: readonly AppendRequest[],
    starts: Map<string, number>,
  ): Promise<Map<string, AppendResult>> {
    const streamIds: string[] = [];
    const revisions: number[] = [];
    const ids: string[] = [];
    const types: string[] = [];
    const data: string[] = [];
    const metadata: string[] = [];
    for (const r of requests) {
      const start = starts.get(r.streamId) ?? 0;
      r.events.forEach((e, i) => {
        streamIds.push(r.streamId);
        revisions.push(start + i);
        ids.push(e.id);
        types.push(e.type);
        data.push(JSON.stringify(e.data));
        metadata.push(JSON.stringify(e.metadata));
      });
    }
    const { rows } = await client.query<{ stream_id: string; global_position: string }>(
      `INSERT INTO ${this.schema}.events (stream_id, stream_revision, event_id, event_type, data, metadata)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])
       RETURNING stream_id, global_position`,
      [streamIds, revisions, ids, types, data, metadata],
    );
    const lastPosition = new Map<string, number>();
    for (const row of rows) {
      const position = Number(row.global_position);
      if (position > (lastPosition.get(row.stream_id) ?? 0)) lastPosition.set(row.stream_id, position);
    }
    return new Map(
      requests.map((r) => [
        r.streamId,
        {
          streamId: r.streamId,
          nextExpectedRevision: (starts.get(r.streamId) ?? 0) + r.events.length - 1,
          lastGlobalPosition: lastPosition.get(r.streamId) ?? 0,
          eventIds: r.events.map((e) => e.id),
          replayed: false,
        },
      ]),
    );
  }

  /** An append whose event ids are all stored already is a retry of a committed append. */
  private async replayedResults(requests: readonly AppendRequest[]): Promise<readonly AppendResult[] | undefined> {
    const ids = requests.flatMap((r) => r.events.map((e) => e.id));
    const { rows } = await this.query<{ event_id: string; stream_id: string; stream_revision: string; global_position: string }>(
      `SELECT event_id, stream_id, stream_revision, global_position FROM ${this.schema}.events WHERE event_id = ANY($1::uuid[])`,
      [ids],
    );
    if (rows.length === 0) return undefined;
    const byId = new Map(rows.map((r) => [r.event_id, r]));
    const allStored = requests.every((r) => r.events.every((e) => byId.get(e.id)?.stream_id === r.streamId));
    if (!allStored) throw new PlatformError('CONCURRENCY_CONFLICT', 'Event ids collide with events stored for another append');
    return requests.map((r) => {
      const stored = r.events.map((e) => byId.get(e.id));
      const last = stored[stored.length - 1];
      return {
        streamId: r.streamId,
        nextExpectedRevision: last ? Number(last.stream_revision) : NO_STREAM_REVISION,
        lastGlobalPosition: last ? Number(last.global_position) : 0,
        eventIds: r.events.map((e) => e.id),
        replayed: true,
      };
    });
  }

  private async currentRevisions(client: PoolClient, streamIds: readonly string[]): Promise<Map<string, number>> {
    await client.query('ROLLBACK');
    await client.query('BEGIN');
    const { rows } = await client.query<{ stream_id: string; revision: string }>(
      `SELECT stream_id, revision FROM ${this.schema}.streams WHERE stream_id = ANY($1::text[])`,
      [streamIds],
    );
    return new Map(rows.map((r) => [r.stream_id, Number(r.revision)]));
  }

  private async emptyResult(streamId: string): Promise<AppendResult> {
    const { rows } = await this.query<{ revision: string }>(`SELECT revision FROM ${this.schema}.streams WHERE stream_id = $1`, [streamId]);
    const revision = rows[0] ? Number(rows[0].revision) : NO_STREAM_REVISION;
    return { streamId, nextExpectedRevision: revision, lastGlobalPosition: 0, eventIds: [], replayed: false };
  }

  private async connectOrUnavailable(): Promise<PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw new PlatformError('UNAVAILABLE', `Event store unreachable: ${(error as Error).message}`);
    }
  }

  private async query<R extends object>(sql: string, params: unknown[]): Promise<{ rows: R[] }> {
    try {
      return await this.pool.query<R & QueryResultRow>(sql, params);
    } catch (error) {
      if (isPgError(error) && error.code) throw error;
      throw new PlatformError('UNAVAILABLE', `Event store unreachable: ${(error as Error).message}`);
    }
  }
}

class AllSubscription implements Subscription {
  private stopped = false;
  private listener: Client | undefined;
  private wake: (() => void) | undefined;
  private pending = false;
  private readonly running: Promise<void>;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly options: PostgresEventStoreOptions,
    private readonly channel: string,
    private readonly handler: AllSubscriptionHandler,
    private readonly subscribe: SubscribeOptions,
  ) {
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  private async run(): Promise<void> {
    let position = this.subscribe.fromPosition;
    let notified = true;
    let backoff = 0;
    while (!this.stopped) {
      try {
        await this.ensureListening();
        this.pending = false;
        const batch = await this.store.readAll({ fromPosition: position, maxCount: this.subscribe.batchSize ?? 500 });
        if (batch.length > 0) {
          await this.handler(batch);
          position = batch[batch.length - 1]?.globalPosition ?? position;
          backoff = 0;
          continue;
        }
        // A notification with nothing readable means a writer below the snapshot horizon is
        // still open (or aborted): look again soon, with a growing pause, until it settles.
        if (notified) {
          backoff = Math.min(backoff === 0 ? 2 : backoff * 2, 200);
          notified = await this.waitForNotification(backoff);
          if (!notified && backoff < 200) notified = true;
          continue;
        }
        notified = await this.waitForNotification(this.options.idlePollMs ?? 1000);
      } catch (error) {
        this.subscribe.onError?.(error);
        await this.closeListener();
        await this.waitForNotification(500);
        notified = true;
      }
    }
    await this.closeListener();
  }

  private async ensureListening(): Promise<void> {
    if (this.listener) return;
    const listener = new Client({ connectionString: this.options.connectionString });
    listener.on('notification', () => {
      this.pending = true;
      this.wake?.();
    });
    listener.on('error', () => {
      if (this.listener === listener) this.listener = undefined;
      listener.end().catch(() => undefined);
    });
    await listener.connect();
    await listener.query(`LISTEN ${this.channel}`);
    this.listener = listener;
  }

  private async closeListener(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  private waitForNotification(timeoutMs: number): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve(false);
      }, timeoutMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.pending = false;
        resolve(true);
      };
    });
  }
}

const toRecorded = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  type: row.event_type,
  data: row.data,
  metadata: row.metadata,
  streamId: row.stream_id,
  streamRevision: Number(row.stream_revision),
  globalPosition: Number(row.global_position),
  recordedAt: row.recorded_at.toISOString(),
});

const assertDistinctStreams = (requests: readonly AppendRequest[]): void => {
  const seen = new Set<string>();
  for (const r of requests) {
    if (seen.has(r.streamId)) throw new Error(`appendMany got stream ${r.streamId} twice`);
    seen.add(r.streamId);
  }
};

type PgError = Error & { code?: string; constraint?: string };
const isPgError = (error: unknown): error is PgError => error instanceof Error && 'code' in error;
