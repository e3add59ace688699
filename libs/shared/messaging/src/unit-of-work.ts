import type { AppendResult, EventStore } from '@tnp/event-store';
import type { CommandMetadata, Decider, Message } from '@tnp/kernel';
import { expectedRevisionOf, loadAggregate, toNewEvents } from './aggregate';

type Tracked = { state: unknown; revision: number; pending: Message<string, unknown>[]; evolve: (state: unknown, event: never) => unknown };

/**
 * Decisions over several aggregates that must land together: each stream is loaded once, every
 * decision sees the events decided before it, and commit appends all of them atomically with
 * the revisions they were decided on.
 */
export class UnitOfWork {
  private readonly streams = new Map<string, Tracked>();

  constructor(
    private readonly store: EventStore,
    readonly metadata: CommandMetadata,
  ) {}

  async load<C, E extends Message<string, unknown>, S, Ctx>(streamId: string, decider: Decider<C, E, S, Ctx>): Promise<S> {
    const tracked = this.streams.get(streamId);
    if (tracked) return tracked.state as S;
    const loaded = await loadAggregate(this.store, streamId, decider.evolve, decider.initialState());
    this.streams.set(streamId, {
      state: loaded.state,
      revision: loaded.revision,
      pending: [],
      evolve: decider.evolve as Tracked['evolve'],
    });
    return loaded.state;
  }

  /** Decides on a loaded stream; the command gets this unit's metadata. */
  decide<C extends { metadata: CommandMetadata }, E extends Message<string, unknown>, S, Ctx>(
    streamId: string,
    decider: Decider<C, E, S, Ctx>,
    command: Omit<C, 'metadata'>,
    context: Ctx,
  ): readonly E[] {
    const tracked = this.streams.get(streamId);
    if (!tracked) throw new Error(`${streamId} must be loaded before deciding on it`);
    const events = decider.decide({ ...command, metadata: this.metadata } as C, tracked.state as S, context);
    tracked.state = events.reduce((s, e) => decider.evolve(s, e), tracked.state as S);
    tracked.pending.push(...events);
    return events;
  }

  state<S>(streamId: string): S {
    const tracked = this.streams.get(streamId);
    if (!tracked) throw new Error(`${streamId} is not loaded`);
    return tracked.state as S;
  }

  revisionOf(streamId: string): number {
    return this.streams.get(streamId)?.revision ?? -1;
  }

  async commit(): Promise<readonly AppendResult[]> {
    const requests = [...this.streams]
      .filter(([, t]) => t.pending.length > 0)
      .map(([streamId, t]) => ({
        streamId,
        events: toNewEvents(streamId, t.pending, this.metadata),
        expectedRevision: expectedRevisionOf(t.revision),
      }));
    if (requests.length === 0) return [];
    return this.store.appendMany(requests);
  }
}
