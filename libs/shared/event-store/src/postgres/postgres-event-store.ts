import { SpanKind, trace } from '@opentelemetry/api';
import { Client, Pool, type QueryResultRow } from 'pg';
import { isConnectionFailure } from './connection-failure';
import { MIGRATION_LOCK_TIMEOUT, migrateGivingWay } from './migration-retry';
import { PlatformError } from '@tnp/kernel';
import {
  ConcurrencyConflictError,
  LOG_START,
  NO_STREAM_REVISION,
  type LogLag,
  type LogPosition,
  type AllSubscriptionHandler,
  type AppendRequest,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { eventStoreSchemaSql } from './schema';
import { PostgresCheckpointStore, PostgresCommandLog, type CommandLogOptions } from './postgres-command-log';
import { SubscriptionSet } from '../subscription-set';
import { appendResultsOf, eventColumns, GroupCommit, type GroupCommitOptions } from './group-commit';

type EventRow = {
  global_position: string;
  transaction_id: string;
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
  /** Shown in pg_stat_activity, so an SRE can tell whose connections these are. */
  readonly applicationName?: string;
  /** How long to wait for a connection before answering UNAVAILABLE. */
  readonly connectTimeoutMs?: number;
  readonly groupCommit?: GroupCommitOptions;
  /** false: the schema is the versioned migrations' to create (a service); true (default): created at connect. */
  readonly createSchema?: boolean;
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
  private readonly hub: NotificationHub;
  private readonly subscriptions = new SubscriptionSet();
  /** Appends and commands of this replica, grouped into shared transactions. */
  private readonly groupCommit: GroupCommit;

  private constructor(private readonly options: PostgresEventStoreOptions) {
    if (!IDENTIFIER.test(options.schema)) throw new Error(`Invalid event store schema name: ${options.schema}`);
    const applicationName = options.applicationName ?? `event-store ${options.schema}`;
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 4,
      application_name: applicationName,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
    });
    this.pool.on('error', () => undefined);
    this.channel = `${options.schema}_appended`;
    this.groupCommit = new GroupCommit(this.pool, options.schema, options.groupCommit);
    this.hub = new NotificationHub(options.connectionString, this.channel, `${applicationName} listen`);
  }

  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    if (options.createSchema !== false) await store.migrate();
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
      // One transaction (a multi-statement query), giving way to appends it would deadlock with.
      await migrateGivingWay(() => client.query(`${MIGRATION_LOCK_TIMEOUT}${eventStoreSchemaSql(this.schema)}`).then(() => undefined));
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
    if (
      nonEmpty.length === requests.length &&
      requests.every((r) => typeof r.expectedRevision === 'number' || r.expectedRevision === 'no_stream')
    ) {
      try {
        return await this.groupCommit.append(requests);
      } catch (error) {
        // A retry of a stored append, an event id stored already, or any doubt: the single append below tells.
        if (isConnectionFailure(error) || (error instanceof PlatformError && error.code === 'UNAVAILABLE')) throw error;
      }
    }
    const events = nonEmpty.flatMap((r) => r.events.map((e, index) => ({ streamId: r.streamId, index, event: e })));
    try {
      const { rows } = await this.query<{ o_stream_id: string; o_revision: string; o_position: string; o_txid: string | null }>(
        `SELECT o_stream_id, o_revision, o_position, pg_current_xact_id_if_assigned()::text AS o_txid FROM ${this.schema}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          nonEmpty.map((r) => r.streamId),
          nonEmpty.map((r) => EXPECTED_CODE[typeof r.expectedRevision === 'number' ? 'exact' : r.expectedRevision] ?? r.expectedRevision),
          nonEmpty.map((r) => r.events.length),
          ...eventColumns(events),
        ],
      );
      return appendResultsOf(requests, rows);
    } catch (error) {
      const conflict = toConflict(error, nonEmpty);
      const isRetryOfStoredAppend =
        conflict !== undefined || (isPgError(error) && error.code === UNIQUE_VIOLATION && error.constraint === 'events_event_id_key');
      if (isRetryOfStoredAppend) {
        const replayed = await this.replayedResults(requests);
        if (replayed) return replayed;
      }
      if (conflict) throw conflict;
      if (isPgError(error) && SERIALIZATION_OR_DEADLOCK.has(error.code ?? '')) {
        throw new PlatformError('CONCURRENCY_CONFLICT', 'Concurrent append, retry');
      }
      if (isConnectionFailure(error)) throw new PlatformError('UNAVAILABLE', `Event store unreachable: ${(error as Error).message}`);
      throw error;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    const { rows } = await this.query<EventRow>(
      `SELECT ${EVENT_COLUMNS}
         FROM ${this.schema}.events
        WHERE stream_id = $1 AND stream_revision >= $2
        ORDER BY stream_revision
        LIMIT $3`,
      [streamId, options.fromRevision ?? 0, options.maxCount ?? 1_000_000],
    );
    return rows.map(toRecorded);
  }

  async readStreams(streamIds: readonly string[]): Promise<ReadonlyMap<string, readonly RecordedEvent[]>> {
    const { rows } = await this.query<EventRow>(
      `SELECT ${EVENT_COLUMNS}
         FROM ${this.schema}.events
        WHERE stream_id = ANY($1::text[])
        ORDER BY stream_id, stream_revision`,
      [[...streamIds]],
    );
    const streams = new Map<string, RecordedEvent[]>(streamIds.map((id) => [id, []]));
    for (const row of rows) streams.get(row.stream_id)?.push(toRecorded(row));
    return streams;
  }

  /**
   * Rows of transactions older than the oldest one still running are final: no transaction can
   * still commit below them. Paging by the (transaction id, position) pair never passes an event
   * that commits later, and never returns one twice.
   */
  async readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    const after = options.after ?? LOG_START;
    const { rows } = await this.query<EventRow>(
      // Ordered by the table's xid8 column, not the text column of the same name the select returns.
      `SELECT ${EVENT_COLUMNS}
         FROM ${this.schema}.events e
        WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
          AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id, e.global_position
        LIMIT $3`,
      [String(after.transactionId), after.position, options.maxCount ?? 1000],
    );
    return rows.map(toRecorded);
  }

  async committedHead(): Promise<LogPosition> {
    const { rows } = await this.query<{ transaction_id: string; global_position: string }>(
      `SELECT e.transaction_id::text AS transaction_id, e.global_position FROM ${this.schema}.events e
        ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
      [],
    );
    const row = rows[0];
    return row ? { transactionId: Number(row.transaction_id), position: Number(row.global_position) } : LOG_START;
  }

  async headPosition(): Promise<LogPosition> {
    const { rows } = await this.query<{ transaction_id: string; global_position: string }>(
      `SELECT e.transaction_id::text AS transaction_id, e.global_position FROM ${this.schema}.events e
        WHERE e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
      [],
    );
    const row = rows[0];
    return row ? { transactionId: Number(row.transaction_id), position: Number(row.global_position) } : LOG_START;
  }

  /**
   * How far a follower at `after` is behind everything committed, whether or not a reader may
   * have it yet: a long transaction anywhere in the cluster holds readers back, and shows here.
   */
  async lagBehind(after: LogPosition, limit = 100_000): Promise<LogLag> {
    const { rows } = await this.query<{ events: string; oldest: Date | null }>(
      `SELECT count(*) AS events, min(recorded_at) AS oldest FROM (
         SELECT recorded_at FROM ${this.schema}.events
          WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
          ORDER BY transaction_id, global_position LIMIT $3) pending`,
      [String(after.transactionId), after.position, limit],
    );
    const oldest = rows[0]?.oldest;
    return { events: Number(rows[0]?.events ?? 0), seconds: oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0 };
  }

  subscribeToAll(handler: AllSubscriptionHandler, options: SubscribeOptions): Subscription {
    return this.subscriptions.track(new AllSubscription(this, this.hub, this.options, handler, options));
  }

  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    await this.hub.close();
    await this.pool.end();
  }

  get commandLog(): PostgresCommandLog {
    return this.commandLogWith({});
  }

  /** The command log with a stated idempotency window and run lease; it commits through the store's group commit. */
  commandLogWith(options: CommandLogOptions): PostgresCommandLog {
    return new PostgresCommandLog(this.pool, this.schema, options, options.groupCommit ? undefined : this.groupCommit);
  }

  get checkpoints(): PostgresCheckpointStore {
    return new PostgresCheckpointStore(this.pool, this.schema);
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1', []);
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

  private async emptyResult(streamId: string): Promise<AppendResult> {
    const { rows } = await this.query<{ revision: string }>(`SELECT revision FROM ${this.schema}.streams WHERE stream_id = $1`, [streamId]);
    const revision = rows[0] ? Number(rows[0].revision) : NO_STREAM_REVISION;
    return { streamId, nextExpectedRevision: revision, lastGlobalPosition: 0, eventIds: [], replayed: false };
  }

  private async query<R extends object>(sql: string, params: unknown[]): Promise<{ rows: R[] }> {
    try {
      return await this.pool.query<R & QueryResultRow>(sql, params);
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      throw new PlatformError('UNAVAILABLE', `Event store unreachable: ${(error as Error).message}`);
    }
  }
}

/**
 * One LISTEN connection per store, shared by all its subscriptions: a service follows the log
 * with several projections and a relay without holding a connection for each.
 */
class NotificationHub {
  private client: Client | undefined;
  private connecting: Promise<Client> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly applicationName: string,
  ) {}

  async listen(listener: () => void): Promise<void> {
    this.listeners.add(listener);
    await this.connect();
  }

  unlisten(listener: () => void): void {
    this.listeners.delete(listener);
    if (this.listeners.size === 0) void this.close();
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.connecting = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new Client({ connectionString: this.connectionString, application_name: this.applicationName });
      client.on('notification', () => this.listeners.forEach((l) => l()));
      client.on('error', () => {
        if (this.client === client) this.client = undefined;
        this.connecting = undefined;
        client.end().catch(() => undefined);
        // Readers look again after a lost connection: they may have missed a notification.
        this.listeners.forEach((l) => l());
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${this.channel}`);
      } catch (error) {
        this.connecting = undefined;
        await client.end().catch(() => undefined);
        throw error;
      }
      this.client = client;
      return client;
    })();
    return this.connecting;
  }
}

type ReadAhead = { readonly events: readonly RecordedEvent[] } | { readonly error: unknown };

class AllSubscription implements Subscription {
  private stopped = false;
  private listening = false;
  private wake: (() => void) | undefined;
  private pending = false;
  private readonly running: Promise<void>;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly hub: NotificationHub,
    private readonly options: PostgresEventStoreOptions,
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
    let position = this.subscribe.after;
    let notified = true;
    let backoff = 0;
    const batchSize = this.subscribe.batchSize ?? 500;
    // While the handler works on a full batch, the next one is already being read.
    let ahead: Promise<ReadAhead> | undefined;
    while (!this.stopped) {
      try {
        await this.ensureListening();
        const read = ahead ?? this.read(position, batchSize);
        ahead = undefined;
        const result = await read;
        if ('error' in result) throw result.error;
        const batch = result.events;
        if (batch.length > 0) {
          const last = batch[batch.length - 1]?.logPosition ?? position;
          if (batch.length === batchSize) ahead = this.read(last, batchSize);
          await this.handler(batch);
          position = last;
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
        // A failed batch is delivered again from its own position: what was read ahead of it is dropped.
        ahead = undefined;
        this.subscribe.onError?.(error);
        await this.closeListener();
        await this.waitForNotification(500);
        notified = true;
      }
    }
    await this.closeListener();
  }

  /** Notifications from here on may be for events this read does not see: they count for the next wait. */
  private read(after: LogPosition, maxCount: number): Promise<ReadAhead> {
    this.pending = false;
    return this.store.readAll({ after, maxCount }).then(
      (events) => ({ events }),
      (error: unknown) => ({ error }),
    );
  }

  /** Every pass: the hub's connection may have dropped (and been replaced) since the last one. */
  private async ensureListening(): Promise<void> {
    await this.hub.listen(this.onNotification);
    this.listening = true;
  }

  private async closeListener(): Promise<void> {
    this.listening = false;
    this.hub.unlisten(this.onNotification);
  }

  private readonly onNotification = (): void => {
    this.pending = true;
    this.wake?.();
  };

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

const EVENT_COLUMNS =
  'global_position, transaction_id::text, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at';

const toRecorded = (row: EventRow): RecordedEvent => ({
  id: row.event_id,
  type: row.event_type,
  data: row.data,
  metadata: row.metadata,
  streamId: row.stream_id,
  streamRevision: Number(row.stream_revision),
  globalPosition: Number(row.global_position),
  logPosition: { transactionId: Number(row.transaction_id), position: Number(row.global_position) },
  recordedAt: row.recorded_at.toISOString(),
});

/** How expectations travel to append_events: an exact revision as itself, the rest as codes. */
const EXPECTED_CODE: Record<string, number | undefined> = { exact: undefined, no_stream: -1, any: -2, stream_exists: -3 };

const toConflict = (error: unknown, requests: readonly AppendRequest[]): ConcurrencyConflictError | undefined => {
  if (!isPgError(error)) return undefined;
  const expected = new Map(requests.map((r) => [r.streamId, r.expectedRevision]));
  if (error.code === 'TN409') {
    return new ConcurrencyConflictError(
      error.message.split('\u001e').map((pair) => {
        const [streamId = '', actual = '-1'] = pair.split('\u001f');
        return { streamId, expected: expected.get(streamId) ?? 'any', actual: Number(actual) };
      }),
    );
  }
  // Two writers created the same stream at once: the later one loses like any stale writer.
  if (error.code === UNIQUE_VIOLATION && error.constraint === 'streams_pkey') {
    const streamId = /\(stream_id\)=\((.*)\)/.exec(error.detail ?? '')?.[1];
    return new ConcurrencyConflictError(
      requests
        .filter((r) => streamId === undefined || r.streamId === streamId)
        .map((r) => ({ streamId: r.streamId, expected: r.expectedRevision, actual: 0 })),
    );
  }
  return undefined;
};

const assertDistinctStreams = (requests: readonly AppendRequest[]): void => {
  const seen = new Set<string>();
  for (const r of requests) {
    if (seen.has(r.streamId)) throw new Error(`appendMany got stream ${r.streamId} twice`);
    seen.add(r.streamId);
  }
};

type PgError = Error & { code?: string; constraint?: string; detail?: string };
const isPgError = (error: unknown): error is PgError => error instanceof Error && 'code' in error;
