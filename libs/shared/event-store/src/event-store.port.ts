import { PlatformError } from '@tnp/kernel';

export type EventMetadata = {
  readonly commandId: string;
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

export type RecordedEvent = NewEvent & {
  readonly streamId: string;
  readonly streamRevision: number;
  readonly globalPosition: number;
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
export type ReadAllOptions = { readonly fromPosition?: number; readonly maxCount?: number };

export type AllSubscriptionHandler = (events: readonly RecordedEvent[]) => Promise<void>;

export type Subscription = {
  /** Resolves once the handler has returned for the last batch it was given. */
  readonly stop: () => Promise<void>;
};

export type SubscribeOptions = {
  /** Global position already processed; delivery starts after it. */
  readonly fromPosition: number;
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
  /** Events with a global position greater than `fromPosition`, in commit-safe order. */
  readAll(options?: ReadAllOptions): Promise<readonly RecordedEvent[]>;
  subscribeToAll(handler: AllSubscriptionHandler, options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
