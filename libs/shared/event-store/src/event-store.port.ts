import { PlatformError } from '@tnp/kernel';

export type EventMetadata = {
  readonly commandId: string;
  /** The type of the command that appended the event (absent on events from before it was recorded). */
  readonly command?: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly principalId?: string;
  readonly principalRole?: string;
  readonly tenantId?: string;
  readonly occurredAt: string;
  readonly traceparent?: string;
  readonly tracestate?: string;
  readonly schemaVersion?: number;
};

export type NewEvent = {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
};

/**
 * Where an event stands in the global log, in commit-safe order: compared by transactionId, then
 * position. On PostgreSQL the pair is (writing transaction id, insertion sequence); on KurrentDB
 * (commit position, prepare position). A follower checkpoints the whole pair.
 */
export type LogPosition = { readonly transactionId: number; readonly position: number };

export const LOG_START: LogPosition = { transactionId: 0, position: 0 };

export const compareLogPositions = (a: LogPosition, b: LogPosition): number =>
  a.transactionId !== b.transactionId ? a.transactionId - b.transactionId : a.position - b.position;

export const formatLogPosition = (p: LogPosition): string => `${p.transactionId}/${p.position}`;

export type LogLag = { readonly events: number; readonly seconds: number };

export type RecordedEvent = NewEvent & {
  readonly streamId: string;
  readonly streamRevision: number;
  /** The event's sequence number in the store; unique, but not the order of the global log. */
  readonly globalPosition: number;
  readonly logPosition: LogPosition;
  readonly recordedAt: string;
};

/** Revisions are zero-based: a stream holding one event is at revision 0. */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

export const NO_STREAM_REVISION = -1;

export type AppendRequest = {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision: ExpectedRevision;
};

export type AppendResult = {
  readonly streamId: string;
  readonly nextExpectedRevision: number;
  readonly lastGlobalPosition: number;
  /** Where the request's last event stands in the global log, when the store knows it at once. */
  readonly logPosition?: LogPosition;
  readonly eventIds: readonly string[];
  /** True when every event id was already stored: nothing was written. */
  readonly replayed: boolean;
};

export type StreamConflict = { readonly streamId: string; readonly expected: ExpectedRevision; readonly actual: number };

export class ConcurrencyConflictError extends PlatformError {
  constructor(readonly conflicts: readonly StreamConflict[]) {
    super(
      'CONCURRENCY_CONFLICT',
      `Stream ${conflicts
        .slice(0, 3)
        .map((c) => `${c.streamId} expected ${c.expected} but is at ${c.actual}`)
        .join('; ')}${conflicts.length > 3 ? ` and ${conflicts.length - 3} more` : ''}`,
    );
  }
}

export type ReadStreamOptions = { readonly fromRevision?: number; readonly maxCount?: number };
export type ReadAllOptions = { readonly after?: LogPosition; readonly maxCount?: number };

export type AllSubscriptionHandler = (events: readonly RecordedEvent[]) => Promise<void>;

export type Subscription = {
  /** Resolves once the handler has returned for the last batch it was given. */
  readonly stop: () => Promise<void>;
};

export type SubscribeOptions = {
  /** Log position already processed; delivery starts after it. */
  readonly after: LogPosition;
  readonly batchSize?: number;
  readonly onError?: (error: unknown) => void;
};

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** Appends to several streams atomically: every request is written, or none is. */
  appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]>;
  /** Several whole streams at once (bulk commands); a missing stream maps to no events. */
  readStreams(streamIds: readonly string[]): Promise<ReadonlyMap<string, readonly RecordedEvent[]>>;
  /** Events after `after` in commit-safe order: a later call never finds one before the last it returned. */
  readAll(options?: ReadAllOptions): Promise<readonly RecordedEvent[]>;
  /**
   * The position of the last event committed, whether or not a reader may have it yet (a
   * transaction still open below it holds readers back): every event committed so far is at or
   * before it.
   */
  committedHead?(): Promise<LogPosition>;
  /** The position of the last event a reader can be given now. */
  headPosition(): Promise<LogPosition>;
  /** What a follower at `after` has not processed yet, counting events readers are held back from. */
  lagBehind(after: LogPosition): Promise<LogLag>;
  subscribeToAll(handler: AllSubscriptionHandler, options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
