import { AsyncLocalStorage } from 'node:async_hooks';
import {
  ConcurrencyConflictError,
  NO_STREAM_REVISION,
  type AllSubscriptionHandler,
  type AppendRequest,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type LogLag,
  type LogPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '@tnp/event-store';
import { PlatformError, type EventContract } from '@tnp/kernel';

type Evolve = (state: unknown, event: never) => unknown;
type CachedState = { readonly evolve: Evolve; readonly state: unknown; readonly revision: number };

/**
 * What one run of a command decided: the appends it asked for (held back until its reply is
 * known, then committed with it) and the revision of every stream it decided on.
 */
export class CommandScope {
  private readonly staged = new Map<string, AppendRequest>();
  private readonly read = new Map<string, number>();

  get appends(): readonly AppendRequest[] {
    return [...this.staged.values()];
  }

  /** Streams decided on but not written: each must still be at the revision read when the command commits. */
  get reads(): ReadonlyMap<string, number> {
    return new Map([...this.read].filter(([streamId]) => !this.staged.has(streamId)));
  }

  get streams(): readonly string[] {
    return [...new Set([...this.staged.keys(), ...this.read.keys()])];
  }

  noteRead(streamId: string, revision: number): void {
    if (!this.read.has(streamId)) this.read.set(streamId, revision);
  }

  /** Answers as the store would once the append succeeds; a stale revision fails the commit instead. */
  stage(requests: readonly AppendRequest[]): AppendResult[] {
    return requests.map((request) => {
      const earlier = this.staged.get(request.streamId);
      if (request.events.length === 0) {
        if (!earlier) this.noteRead(request.streamId, revisionOf(request.expectedRevision, request.streamId));
        const revision = earlier ? nextRevision(earlier) : revisionOf(request.expectedRevision, request.streamId);
        return { streamId: request.streamId, nextExpectedRevision: revision, lastGlobalPosition: 0, eventIds: [], replayed: false };
      }
      let merged = request;
      if (earlier) {
        if (revisionOf(request.expectedRevision, request.streamId) !== nextRevision(earlier)) {
          throw new Error(`${request.streamId} was appended to twice in one command from different revisions`);
        }
        merged = { ...earlier, events: [...earlier.events, ...request.events] };
      }
      this.staged.set(request.streamId, merged);
      return {
        streamId: request.streamId,
        nextExpectedRevision: nextRevision(merged),
        lastGlobalPosition: 0,
        eventIds: request.events.map((e) => e.id),
        replayed: false,
      };
    });
  }
}

const revisionOf = (expected: ExpectedRevision, streamId: string): number => {
  if (typeof expected === 'number') return expected;
  if (expected === 'no_stream') return NO_STREAM_REVISION;
  throw new Error(`a command appends to ${streamId} with an exact revision or no_stream, not ${expected}`);
};

const nextRevision = (request: AppendRequest): number => revisionOf(request.expectedRevision, request.streamId) + request.events.length;

const scopes = new AsyncLocalStorage<CommandScope>();

/** Runs `work` as one command run: appends through a CommandStore are staged in the scope. */
export const inCommandScope = <T>(scope: CommandScope, work: () => Promise<T>): Promise<T> => scopes.run(scope, work);

/**
 * The event store as commands see it. Inside a command run its appends are staged, to be
 * committed in one transaction with the command's reply; outside (reactions, workers) they go
 * straight to the store. It keeps recently used aggregate states per stream, each at the
 * revision it was folded to: a state made stale by another writer fails its append's revision
 * check (or its read check), is dropped, and the command decides again on a fresh load.
 * States are shared by concurrent commands: evolve and decide never change one in place (they
 * are pure, as the deciders in libs/ are).
 */
export class CommandStore implements EventStore {
  private readonly states = new Map<string, CachedState>();

  constructor(
    readonly inner: EventStore,
    private readonly maxStates = 10_000,
    /** The service's published event contract: what is appended must match it; what is read is upcast to it. */
    private readonly contract?: EventContract,
  ) {}

  /** The state of a stream folded with `evolve`, from memory when this replica has it. */
  async loadState<S>(streamId: string, evolve: Evolve, initial: S): Promise<{ state: S; revision: number }> {
    const cached = this.states.get(streamId);
    let loaded: { state: S; revision: number };
    if (cached && cached.evolve === evolve) {
      // Most recently used last: the oldest entry is the first to go.
      this.states.delete(streamId);
      this.states.set(streamId, cached);
      loaded = { state: cached.state as S, revision: cached.revision };
    } else {
      const events = await this.readStream(streamId);
      const state = events.reduce<unknown>((s, e) => evolve(s, { type: e.type, data: e.data } as never), initial) as S;
      loaded = { state, revision: events.at(-1)?.streamRevision ?? NO_STREAM_REVISION };
      this.remember(streamId, { evolve, state: loaded.state, revision: loaded.revision });
    }
    scopes.getStore()?.noteRead(streamId, loaded.revision);
    return loaded;
  }

  /** After a commit: each cached state at the revision an append expected moves on by its events. */
  appended(requests: readonly AppendRequest[]): void {
    for (const request of requests) {
      const cached = this.states.get(request.streamId);
      if (!cached) continue;
      const expected = typeof request.expectedRevision === 'number' ? request.expectedRevision : NO_STREAM_REVISION;
      if (cached.revision !== expected || (typeof request.expectedRevision !== 'number' && request.expectedRevision !== 'no_stream')) {
        this.states.delete(request.streamId);
        continue;
      }
      // Folded from the events as stored (JSON), so the state equals one loaded from the store.
      const state = request.events.reduce<unknown>(
        (s, e) => cached.evolve(s, { type: e.type, data: JSON.parse(JSON.stringify(e.data ?? null)) } as never),
        cached.state,
      );
      this.remember(request.streamId, { evolve: cached.evolve, state, revision: expected + request.events.length });
    }
  }

  forget(streamIds: readonly string[]): void {
    for (const streamId of streamIds) this.states.delete(streamId);
  }

  async append(streamId: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const [result] = await this.appendMany([{ streamId, events, expectedRevision }]);
    if (!result) throw new Error('append returned no result');
    return result;
  }

  async appendMany(appends: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    const requests = this.contracted(appends);
    const scope = scopes.getStore();
    if (scope) return scope.stage(requests);
    try {
      const results = await this.inner.appendMany(requests);
      this.appended(requests);
      return results;
    } catch (error) {
      this.forgetAfter(
        error,
        requests.map((r) => r.streamId),
      );
      throw error;
    }
  }

  /** A conflict drops the states it names (every state the append touched, when it names none). */
  forgetAfter(error: unknown, streamIds: readonly string[]): void {
    if (error instanceof ConcurrencyConflictError) this.forget(error.conflicts.map((c) => c.streamId));
    if (error instanceof PlatformError && error.code === 'CONCURRENCY_CONFLICT') this.forget(streamIds);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]> {
    return this.upcast(await this.inner.readStream(streamId, options));
  }

  async readStreams(streamIds: readonly string[]): Promise<ReadonlyMap<string, readonly RecordedEvent[]>> {
    const streams = await this.inner.readStreams(streamIds);
    return this.contract ? new Map([...streams].map(([id, events]) => [id, this.upcast(events)])) : streams;
  }

  async readAll(options?: ReadAllOptions): Promise<readonly RecordedEvent[]> {
    return this.upcast(await this.inner.readAll(options));
  }

  committedHead(): Promise<LogPosition> {
    return this.inner.committedHead ? this.inner.committedHead() : this.inner.headPosition();
  }

  headPosition(): Promise<LogPosition> {
    return this.inner.headPosition();
  }

  lagBehind(after: LogPosition): Promise<LogLag> {
    return this.inner.lagBehind(after);
  }

  subscribeToAll(handler: AllSubscriptionHandler, options: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(this.contract ? (batch) => handler(this.upcast(batch)) : handler, options);
  }

  /** Each event checked against its schema and stamped with its current version; one that does not match is refused. */
  private contracted(requests: readonly AppendRequest[]): readonly AppendRequest[] {
    const contract = this.contract;
    if (!contract) return requests;
    return requests.map((r) => ({
      ...r,
      events: r.events.map((e) => {
        contract.check(e.type, e.data);
        const schemaVersion = contract.versionOf(e.type);
        return e.metadata.schemaVersion === schemaVersion ? e : { ...e, metadata: { ...e.metadata, schemaVersion } };
      }),
    }));
  }

  /** Events stored at an older version of their schema, as the current version (never rewritten in the store). */
  private upcast(events: readonly RecordedEvent[]): readonly RecordedEvent[] {
    const contract = this.contract;
    if (!contract) return events;
    return events.map((e) => {
      const stored = e.metadata.schemaVersion ?? 1;
      if (stored >= contract.versionOf(e.type)) return e;
      const { version, data } = contract.upcast(e.type, stored, e.data);
      return { ...e, data, metadata: { ...e.metadata, schemaVersion: version } };
    });
  }

  close(): Promise<void> {
    this.states.clear();
    return this.inner.close();
  }

  private remember(streamId: string, entry: CachedState): void {
    this.states.delete(streamId);
    this.states.set(streamId, entry);
    if (this.states.size > this.maxStates) {
      const oldest = this.states.keys().next().value;
      if (oldest !== undefined) this.states.delete(oldest);
    }
  }
}
