import {
  ConcurrencyConflictError,
  HeldWritesStore,
  NO_STREAM_REVISION,
  type AppendRequest,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@tnp/event-store';

type Staged = { readonly base: readonly RecordedEvent[]; readonly added: readonly NewEvent[] };

/**
 * Appends kept in memory over a real store: what a multi-step import decides reads its own earlier
 * steps, and nothing reaches the store until `commit` writes every stream's staged events in one
 * atomic append, each expecting the revision it was read at (a dry run never commits). `mark` and
 * `rollback` undo the steps of one refused row.
 */
export class StagedEventStore extends HeldWritesStore {
  private readonly streams = new Map<string, Staged>();

  constructor(store: EventStore) {
    super(store);
  }

  mark(): ReadonlyMap<string, Staged> {
    return new Map(this.streams);
  }

  rollback(mark: ReadonlyMap<string, Staged>): void {
    this.streams.clear();
    for (const [id, staged] of mark) this.streams.set(id, staged);
  }

  /** Every stream's staged events, as one append request expecting the revision it was read at. */
  pending(): AppendRequest[] {
    return [...this.streams]
      .filter(([, s]) => s.added.length > 0)
      .map(([streamId, s]) => ({ streamId, events: s.added, expectedRevision: s.base.at(-1)?.streamRevision ?? 'no_stream' }));
  }

  commit(): Promise<readonly AppendResult[]> {
    const requests = this.pending();
    return requests.length === 0 ? Promise.resolve([]) : this.inner.appendMany(requests);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]> {
    const staged = await this.staged(streamId);
    const all = [...staged.base, ...this.recorded(streamId, staged)];
    const from = all.filter((e) => e.streamRevision >= (options?.fromRevision ?? 0));
    return options?.maxCount === undefined ? from : from.slice(0, options.maxCount);
  }

  async appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    const current = await Promise.all(requests.map(async (r) => ({ request: r, staged: await this.staged(r.streamId) })));
    const conflicts = current
      .map(({ request, staged }) => ({ streamId: request.streamId, expected: request.expectedRevision, actual: this.revision(staged) }))
      .filter((c) => !matches(c.expected, c.actual));
    if (conflicts.length > 0) throw new ConcurrencyConflictError(conflicts);
    return current.map(({ request, staged }) => {
      const next = { base: staged.base, added: [...staged.added, ...request.events] };
      this.streams.set(request.streamId, next);
      return {
        streamId: request.streamId,
        nextExpectedRevision: this.revision(next),
        lastGlobalPosition: 0,
        eventIds: request.events.map((e) => e.id),
        replayed: false,
      };
    });
  }

  private async staged(streamId: string): Promise<Staged> {
    const known = this.streams.get(streamId);
    if (known) return known;
    const staged = { base: await this.inner.readStream(streamId), added: [] };
    this.streams.set(streamId, staged);
    return staged;
  }

  private revision(staged: Staged): number {
    return (staged.base.at(-1)?.streamRevision ?? NO_STREAM_REVISION) + staged.added.length;
  }

  private recorded(streamId: string, staged: Staged): RecordedEvent[] {
    const first = (staged.base.at(-1)?.streamRevision ?? NO_STREAM_REVISION) + 1;
    return staged.added.map((e, i) => ({
      ...e,
      streamId,
      streamRevision: first + i,
      globalPosition: 0,
      logPosition: { transactionId: 0, position: 0 },
      recordedAt: e.metadata.occurredAt,
    }));
  }
}

const matches = (expected: AppendRequest['expectedRevision'], actual: number): boolean =>
  expected === 'any' ||
  (expected === 'no_stream' && actual === NO_STREAM_REVISION) ||
  (expected === 'stream_exists' && actual !== NO_STREAM_REVISION) ||
  expected === actual;
