import {
  BACKWARDS,
  END,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  UnsupportedError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
} from '@kurrent/kurrentdb-client';
import { PlatformError } from '@tnp/kernel';
import {
  ConcurrencyConflictError,
  NO_STREAM_REVISION,
  compareLogPositions,
  LOG_START,
  type AllSubscriptionHandler,
  type LogLag,
  type LogPosition,
  type AppendRequest,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import {
  isReplay,
  isSystemEvent,
  isUnavailableError,
  toEventData,
  toGlobalPosition,
  toReadPosition,
  toRecordedEvent,
  toStreamConflict,
  toStreamState,
} from './kurrentdb-mapping';
import { SubscriptionSet } from '../subscription-set';
import { MULTI_STREAM_APPEND_UNSUPPORTED } from './kurrentdb-errors';

export { MULTI_STREAM_APPEND_UNSUPPORTED };

/**
 * Event store on KurrentDB (EventStoreDB). The global log is KurrentDB's $all without system
 * events; appends to several streams use the atomic multi-stream append of KurrentDB 25.1+.
 */
const READ_STREAMS_CONCURRENCY = 32;

export class KurrentDbEventStore implements EventStore {
  private readonly subscriptions = new SubscriptionSet();

  private constructor(private readonly client: KurrentDBClient) {}

  static async connect({ connectionString }: { connectionString: string }): Promise<KurrentDbEventStore> {
    const store = new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString));
    try {
      await store.guard(() => store.headCommit());
    } catch (error) {
      await store.client.dispose().catch(() => undefined);
      throw error;
    }
    return store;
  }

  async append(streamId: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return this.emptyResult(streamId);
    const request: AppendRequest = { streamId, events, expectedRevision };
    return this.guard(async () => {
      const headBefore = await this.headCommit();
      const result = await this.client
        .appendToStream(streamId, events.map(toEventData), { streamState: toStreamState(expectedRevision) })
        .catch((error: unknown) => rethrowConflict(error, [request]));
      return {
        streamId,
        nextExpectedRevision: Number(result.nextExpectedRevision),
        lastGlobalPosition: result.position ? toGlobalPosition(result.position.commit) : 0,
        eventIds: events.map((e) => e.id),
        replayed: isReplay(headBefore, result.position?.commit),
      };
    });
  }

  async appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    assertDistinctStreams(requests);
    const nonEmpty = requests.filter((r) => r.events.length > 0);
    if (nonEmpty.length <= 1) {
      return Promise.all(requests.map((r) => this.append(r.streamId, r.events, r.expectedRevision)));
    }
    const written = await this.guard(async () => {
      const headBefore = await this.headCommit();
      const result = await this.client
        .multiStreamAppend(
          nonEmpty.map((r) => ({
            streamName: r.streamId,
            events: r.events.map(toEventData),
            expectedState: toStreamState(r.expectedRevision),
          })),
        )
        .catch((error: unknown) => {
          if (error instanceof UnsupportedError) throw new PlatformError('INTERNAL', MULTI_STREAM_APPEND_UNSUPPORTED);
          return rethrowConflict(error, nonEmpty);
        });
      const revisions = new Map(result.responses.map((r) => [r.streamName, Number(r.revision)]));
      // KurrentDB reports one position for the whole atomic write.
      const position = result.position > 0n ? toGlobalPosition(result.position) : 0;
      const replayed = isReplay(headBefore, result.position);
      return new Map(
        nonEmpty.map((r): [string, AppendResult] => [
          r.streamId,
          {
            streamId: r.streamId,
            nextExpectedRevision: revisions.get(r.streamId) ?? NO_STREAM_REVISION,
            lastGlobalPosition: position,
            eventIds: r.events.map((e) => e.id),
            replayed,
          },
        ]),
      );
    });
    return Promise.all(requests.map((r) => Promise.resolve(written.get(r.streamId) ?? this.emptyResult(r.streamId))));
  }

  async readStreams(streamIds: readonly string[]): Promise<ReadonlyMap<string, readonly RecordedEvent[]>> {
    const streams = new Map<string, readonly RecordedEvent[]>();
    for (let i = 0; i < streamIds.length; i += READ_STREAMS_CONCURRENCY) {
      const slice = streamIds.slice(i, i + READ_STREAMS_CONCURRENCY);
      const read = await Promise.all(slice.map((id) => this.readStream(id)));
      slice.forEach((id, j) => streams.set(id, read[j] ?? []));
    }
    return streams;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    return this.guard(async () => {
      const events: RecordedEvent[] = [];
      try {
        const read = this.client.readStream(streamId, {
          fromRevision: options.fromRevision ? BigInt(options.fromRevision) : START,
          ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
        });
        for await (const resolved of read) {
          const event = toRecordedEvent(resolved);
          if (event) events.push(event);
        }
      } catch (error) {
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      }
      return events;
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<readonly RecordedEvent[]> {
    const maxCount = options.maxCount ?? 1000;
    const events: RecordedEvent[] = [];
    let after = options.after ?? LOG_START;
    return this.guard(async () => {
      while (events.length < maxCount) {
        // One more than needed: the read starts at `after` itself, which is not wanted.
        const wanted = maxCount - events.length + 1;
        let received = 0;
        let last = after;
        for await (const resolved of this.client.readAll({
          fromPosition: toReadPosition(after),
          maxCount: wanted,
          filter: excludeSystemEvents(),
        })) {
          received++;
          const event = toRecordedEvent(resolved);
          if (!event || compareLogPositions(event.logPosition, after) <= 0) continue;
          last = event.logPosition;
          if (!isSystemEvent(event)) events.push(event);
        }
        if (received < wanted || compareLogPositions(last, after) === 0) break;
        after = last;
      }
      return events.slice(0, maxCount);
    });
  }

  subscribeToAll(handler: AllSubscriptionHandler, options: SubscribeOptions): Subscription {
    return this.subscriptions.track(new AllSubscription(this.client, handler, options));
  }

  async close(): Promise<void> {
    await this.subscriptions.stopAll();
    await this.client.dispose();
  }

  async headPosition(): Promise<LogPosition> {
    return this.guard(async () => {
      for await (const resolved of this.client.readAll({
        direction: BACKWARDS,
        fromPosition: END,
        maxCount: 1,
        filter: excludeSystemEvents(),
      })) {
        const event = toRecordedEvent(resolved);
        if (event) return event.logPosition;
      }
      return LOG_START;
    });
  }

  /** KurrentDB commits in log order, so nothing holds a reader back: the lag is what lies past `after`. */
  async lagBehind(after: LogPosition, limit = 100_000): Promise<LogLag> {
    const pending = await this.readAll({ after, maxCount: limit });
    const oldest = pending[0];
    return { events: pending.length, seconds: oldest ? Math.max(0, (Date.now() - Date.parse(oldest.recordedAt)) / 1000) : 0 };
  }

  private async headCommit(): Promise<bigint> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
      return resolved.event?.position.commit ?? resolved.commitPosition ?? 0n;
    }
    return 0n;
  }

  private async emptyResult(streamId: string): Promise<AppendResult> {
    const revision = await this.guard(async () => {
      try {
        for await (const resolved of this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
          if (resolved.event) return Number(resolved.event.revision);
        }
      } catch (error) {
        if (!(error instanceof StreamNotFoundError)) throw error;
      }
      return NO_STREAM_REVISION;
    });
    return { streamId, nextExpectedRevision: revision, lastGlobalPosition: 0, eventIds: [], replayed: false };
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw toUnavailable(error);
    }
  }
}

class AllSubscription {
  private stopped = false;
  private stream: AllStreamSubscription | undefined;
  private wake: (() => void) | undefined;
  private position: LogPosition;
  private readonly running: Promise<void>;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly handler: AllSubscriptionHandler,
    private readonly options: SubscribeOptions,
  ) {
    this.position = options.after;
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.stream?.unsubscribe().catch(() => undefined);
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const stream = this.client.subscribeToAll({ fromPosition: toReadPosition(this.position), filter: excludeSystemEvents() });
      this.stream = stream;
      try {
        await this.deliver(stream);
      } catch (error) {
        if (this.stopped) break;
        this.options.onError?.(toUnavailable(error));
        await this.pause(500);
      } finally {
        await stream.unsubscribe().catch(() => undefined);
        this.stream = undefined;
      }
    }
  }

  /** Hands the handler whatever the stream has buffered, one batch at a time, until it fails. */
  private async deliver(stream: AllStreamSubscription): Promise<void> {
    let failure: unknown;
    let ended = false;
    stream.on('error', (error) => {
      failure = error;
      this.wake?.();
    });
    stream.on('end', () => {
      ended = true;
      this.wake?.();
    });
    stream.on('readable', () => this.wake?.());
    while (!this.stopped) {
      if (failure !== undefined) throw failure;
      const batch = this.drain(stream);
      const last = batch[batch.length - 1];
      if (last) {
        await this.handler(batch);
        this.position = last.logPosition;
        continue;
      }
      if (ended) throw new Error('KurrentDB ended the $all subscription');
      await this.pause();
    }
  }

  private drain(stream: AllStreamSubscription): RecordedEvent[] {
    const batch: RecordedEvent[] = [];
    let after = this.position;
    while (batch.length < (this.options.batchSize ?? 500)) {
      const resolved = stream.read() as AllStreamResolvedEvent | null;
      if (resolved === null) break;
      const event = toRecordedEvent(resolved);
      if (!event || compareLogPositions(event.logPosition, after) <= 0 || isSystemEvent(event)) continue;
      batch.push(event);
      after = event.logPosition;
    }
    return batch;
  }

  private pause(timeoutMs?: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => this.wake?.(), timeoutMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}

const rethrowConflict = (error: unknown, requests: readonly AppendRequest[]): never => {
  if (error instanceof WrongExpectedVersionError) throw new ConcurrencyConflictError([toStreamConflict(error, requests)]);
  throw error;
};

const toUnavailable = (error: unknown): unknown =>
  isUnavailableError(error) ? new PlatformError('UNAVAILABLE', `Event store unreachable: ${(error as Error).message}`) : error;

const assertDistinctStreams = (requests: readonly AppendRequest[]): void => {
  const seen = new Set<string>();
  for (const r of requests) {
    if (seen.has(r.streamId)) throw new Error(`appendMany got stream ${r.streamId} twice`);
    seen.add(r.streamId);
  }
};
