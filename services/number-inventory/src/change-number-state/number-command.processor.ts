import type { AppendRequest, EventStore } from '@tnp/event-store';
import { expectedRevisionOf, loadAggregate, toNewEvents } from '@tnp/messaging';
import {
  claimChangesFor,
  decideNumber,
  evolveNumber,
  initialNumberState,
  isCoolingOff,
  mainNumberClaimDecider,
  mainNumberClaimStreamId,
  numberStreamId,
  siteDecider,
  siteStreamId,
  type MainNumberClaimEvent,
  type MainNumberClaimState,
  type NumberCommand,
  type NumberEvent,
  type NumberState,
  type Owner,
} from '@tnp/number-inventory-domain';
import type { CommandResult } from '@tnp/number-inventory-contracts';

type Decision = { readonly requests: AppendRequest[]; readonly numberStream: string; readonly numberRevision: number };

/**
 * Runs one number command: load the number (and, when the command can touch them, its owner's
 * main-number claim and the site's settings), decide, and append every stream it changed in one
 * atomic write under optimistic concurrency.
 */
export class NumberCommandProcessor {
  constructor(private readonly store: EventStore) {}

  async execute(command: NumberCommand): Promise<CommandResult> {
    const decision = await this.decide(command);
    if (decision.requests.length === 0) {
      return { streamId: decision.numberStream, revision: decision.numberRevision, eventIds: [] };
    }
    const results = await this.store.appendMany(decision.requests);
    const numberResult = results.find((r) => r.streamId === decision.numberStream);
    return {
      streamId: decision.numberStream,
      revision: numberResult?.nextExpectedRevision ?? decision.numberRevision,
      eventIds: results.flatMap((r) => r.eventIds),
    };
  }

  /** Decides without writing; the bulk use cases batch these decisions into one append. */
  async decide(command: NumberCommand): Promise<Decision> {
    const numberStream = numberStreamId(command.data.number);
    const number = await loadAggregate(this.store, numberStream, evolveNumber, initialNumberState());
    const claimOwner = claimOwnerFor(command, number.state);
    const claim = claimOwner
      ? await loadAggregate<MainNumberClaimState, MainNumberClaimEvent>(
          this.store,
          mainNumberClaimStreamId(command.data.siteId, claimOwner),
          mainNumberClaimDecider.evolve,
          mainNumberClaimDecider.initialState(),
        )
      : undefined;
    // The site's policy matters to a deallocation (how long it cools off) and to an allocation of a number cooling off.
    const needsSite =
      command.type === 'DeallocateNumber' ||
      (command.type === 'AllocateNumber' && number.state.exists && isCoolingOff(number.state, command.metadata.now));
    const site = needsSite
      ? (await loadAggregate(this.store, siteStreamId(command.data.siteId), siteDecider.evolve, siteDecider.initialState())).state
      : siteDecider.initialState();

    const events: NumberEvent[] = decideNumber(command, number.state, {
      ownerMainNumber: claim?.state.holder ?? null,
      coolingOffDays: site.coolingOffDays,
      previousOwnerMayReclaim: site.previousOwnerMayReclaim,
    });
    const requests: AppendRequest[] = [];
    if (events.length > 0) {
      requests.push({
        streamId: numberStream,
        events: toNewEvents(numberStream, events, command.metadata),
        expectedRevision: expectedRevisionOf(number.revision),
      });
    }
    for (const change of claimChangesFor(events)) {
      const streamId = mainNumberClaimStreamId(change.data.siteId, change.data.owner);
      const state = claim && claimOwner && streamId === mainNumberClaimStreamId(command.data.siteId, claimOwner) ? claim : undefined;
      if (!state) throw new Error(`claim ${streamId} was not loaded for ${command.type}`);
      const claimEvents = mainNumberClaimDecider.decide({ ...change, metadata: command.metadata }, state.state, undefined);
      if (claimEvents.length > 0) {
        requests.push({
          streamId,
          events: toNewEvents(streamId, claimEvents, command.metadata),
          expectedRevision: expectedRevisionOf(state.revision),
        });
      }
    }
    return { requests, numberStream, numberRevision: number.revision };
  }
}

/** The owner whose main-number claim this command may take or give back, if any. */
const claimOwnerFor = (command: NumberCommand, state: NumberState): Owner | null => {
  if (!state.exists) return null;
  switch (command.type) {
    case 'AllocateNumber':
      return state.isMain ? command.data.owner : null;
    case 'NominateMainNumber':
    case 'RemoveMainNumberNomination':
      return state.owner;
    case 'DeallocateNumber':
      return state.isMain ? state.owner : null;
    default:
      return null;
  }
};
