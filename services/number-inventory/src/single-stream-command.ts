import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata, Decider, Message } from '@tnp/kernel';
import { expectedRevisionOf, loadAggregate, toNewEvents } from '@tnp/messaging';
import type { CommandResult } from '@tnp/number-inventory-contracts';

/** A command decided on one stream alone (a site's settings, an organisation's name): load, decide, append. */
export const decideOnOneStream = async <C extends Message<string, unknown>, E extends Message<string, unknown>, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  command: C,
  metadata: CommandMetadata,
): Promise<CommandResult> => {
  const loaded = await loadAggregate(store, streamId, decider.evolve, decider.initialState());
  const events = decider.decide(command, loaded.state, undefined);
  if (events.length === 0) return { streamId, revision: loaded.revision, eventIds: [] };
  const result = await store.append(streamId, toNewEvents(streamId, events, metadata), expectedRevisionOf(loaded.revision));
  return { streamId, revision: result.nextExpectedRevision, eventIds: result.eventIds };
};
