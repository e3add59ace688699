import { AsyncLocalStorage } from 'node:async_hooks';
import {
  ConcurrencyConflictError,
  HeldWritesStore,
  type AppendRequest,
  type AppendResult,
  type EventStore,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@tnp/event-store';
import type { ReceivedEvent } from './cloud-event';

/** What became of one event of a batch: handled, or to be run by itself (its failure, or its retry, is its own). */
export type BatchOutcome = 'done' | 'alone';

/**
 * A reaction's handler: one event at a time, and (when it has `handleBatch`) many events on
 * different keys at once, with one read and one append for all of them.
 */
export type ReactionHandler = ((event: ReceivedEvent) => Promise<void>) & {
  readonly handleBatch?: (events: readonly ReceivedEvent[]) => Promise<readonly BatchOutcome[]>;
};

/**
 * A reaction whose handler decides with a UnitOfWork over `store`, made set-based: for a batch,
 * the handler runs once per event against a store that gathers the reads of all of them into one
 * readStreams and their appends into one appendMany. Each event keeps its own expected revisions
 * and its own event ids (derived from the event it reacts to), so a redelivery appends nothing.
 * An event whose handler throws, whose append collides with another's in the batch, or whose
 * append the store refuses, is answered 'alone': the runner handles it by itself on the real
 * store, with its own retries, backoff and dead letter, after the rest of the batch committed.
 */
export const setBasedReaction = (
  store: EventStore,
  handlerFor: (store: EventStore) => (event: ReceivedEvent) => Promise<void>,
): ReactionHandler => {
  const alone = handlerFor(store);
  const handle = (event: ReceivedEvent): Promise<void> => alone(event);
  return Object.assign(handle, {
    handleBatch: async (events: readonly ReceivedEvent[]): Promise<readonly BatchOutcome[]> => {
      const batch = new BatchStore(store, events.length);
      const handler = handlerFor(batch);
      return Promise.all(events.map((event, index) => batch.track(index, () => handler(event))));
    },
  });
};

/** Thrown into a handler whose append is left to its own run. */
class LeftAlone extends Error {
  constructor() {
    super('left to be handled alone');
  }
}

type Staged = {
  readonly index: number;
  readonly requests: readonly AppendRequest[];
  readonly resolve: (results: readonly AppendResult[]) => void;
  readonly reject: (error: unknown) => void;
};

type Read = {
  readonly streamId: string;
  readonly resolve: (events: readonly RecordedEvent[]) => void;
  readonly reject: (e: unknown) => void;
};

/**
 * The event store as the handlers of one batch see it. Reads made in the same turn go to the
 * store together; appends are held until every handler has either asked to append or finished,
 * then go in one appendMany. No stream is written twice in it: a second handler appending to a
 * stream another one appends to is left alone (it decided on a state the first one changes).
 */
class BatchStore extends HeldWritesStore {
  private readonly settled = new Set<number>();
  private staged: Staged[] = [];
  private reads: Read[] = [];
  private readScheduled = false;
  private flushScheduled = false;
  private readsInFlight = 0;
  /** Which handler of the batch is running: its appends are its own. */
  private readonly handler = new AsyncLocalStorage<number>();

  constructor(
    inner: EventStore,
    private readonly size: number,
  ) {
    super(inner);
  }

  async track(index: number, run: () => Promise<void>): Promise<BatchOutcome> {
    try {
      await this.handler.run(index, run);
      return 'done';
    } catch {
      return 'alone';
    } finally {
      this.settled.add(index);
      this.scheduleFlush();
    }
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]> {
    if (options?.fromRevision !== undefined || options?.maxCount !== undefined) return this.inner.readStream(streamId, options);
    return new Promise((resolve, reject) => {
      this.reads.push({ streamId, resolve, reject });
      if (this.readScheduled) return;
      this.readScheduled = true;
      // Every handler of the batch reaches its first read in the same turn: one query for all.
      setImmediate(() => void this.flushReads());
    });
  }

  appendMany(requests: readonly AppendRequest[]): Promise<readonly AppendResult[]> {
    const index = this.handler.getStore();
    if (index === undefined) return this.inner.appendMany(requests);
    return new Promise((resolve, reject) => {
      this.staged.push({ index, requests, resolve, reject });
      this.scheduleFlush();
    });
  }

  private async flushReads(): Promise<void> {
    this.readScheduled = false;
    const reads = this.reads;
    this.reads = [];
    this.readsInFlight++;
    try {
      const streams = await this.inner.readStreams([...new Set(reads.map((r) => r.streamId))]);
      for (const r of reads) r.resolve(streams.get(r.streamId) ?? []);
    } catch (error) {
      for (const r of reads) r.reject(error);
    } finally {
      this.readsInFlight--;
    }
  }

  /** Appends once no handler can still ask for one: each has staged its append or finished. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.staged.length === 0 || this.readsInFlight > 0 || this.reads.length > 0) return;
      const waiting = new Set(this.staged.map((s) => s.index));
      for (let i = 0; i < this.size; i++) if (!waiting.has(i) && !this.settled.has(i)) return;
      const staged = this.staged;
      this.staged = [];
      void this.flush(staged);
    });
  }

  private async flush(staged: readonly Staged[]): Promise<void> {
    const streams = new Set<string>();
    let going: Staged[] = [];
    for (const s of staged) {
      if (s.requests.some((r) => streams.has(r.streamId)) || new Set(s.requests.map((r) => r.streamId)).size !== s.requests.length) {
        s.reject(new LeftAlone());
        continue;
      }
      for (const r of s.requests) streams.add(r.streamId);
      going.push(s);
    }
    // A stream another writer moved on fails the whole append: those handlers go alone, the rest again.
    for (let round = 0; going.length > 0; round++) {
      try {
        const results = await this.inner.appendMany(going.flatMap((s) => s.requests));
        let at = 0;
        for (const s of going) {
          s.resolve(results.slice(at, at + s.requests.length));
          at += s.requests.length;
        }
        return;
      } catch (error) {
        const conflicted = error instanceof ConcurrencyConflictError ? new Set(error.conflicts.map((c) => c.streamId)) : undefined;
        if (!conflicted || conflicted.size === 0 || round >= 2) {
          for (const s of going) s.reject(new LeftAlone());
          return;
        }
        const next: Staged[] = [];
        for (const s of going) {
          if (s.requests.some((r) => conflicted.has(r.streamId))) s.reject(new LeftAlone());
          else next.push(s);
        }
        going = next;
      }
    }
  }
}
