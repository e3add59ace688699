import type {
  AllSubscriptionHandler,
  AppendRequest,
  AppendResult,
  EventStore,
  ExpectedRevision,
  LogLag,
  LogPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from './event-store.port';

/**
 * A store that decides how streams are read and appended (a reaction batch, a staged import) over
 * a real one it does not own: following the log goes straight to that store, and closing this
 * view leaves it open.
 */
export abstract class HeldWritesStore implements EventStore {
  constructor(protected readonly inner: EventStore) {}

  abstract readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]>;
  abstract appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]>;

  async readStreams(streamIds: readonly string[]): Promise<ReadonlyMap<string, readonly RecordedEvent[]>> {
    const read = await Promise.all(streamIds.map((id) => this.readStream(id)));
    return new Map(streamIds.map((id, i) => [id, read[i] ?? []]));
  }

  async append(streamId: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const [result] = await this.appendMany([{ streamId, events, expectedRevision }]);
    if (!result) throw new Error('append returned no result');
    return result;
  }

  readAll(options?: ReadAllOptions): Promise<readonly RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  headPosition(): Promise<LogPosition> {
    return this.inner.headPosition();
  }

  lagBehind(after: LogPosition): Promise<LogLag> {
    return this.inner.lagBehind(after);
  }

  subscribeToAll(handler: AllSubscriptionHandler, options: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(handler, options);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
