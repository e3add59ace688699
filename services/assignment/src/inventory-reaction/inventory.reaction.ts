import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata } from '@tnp/kernel';
import { retryOnConflict, setBasedReaction, UnitOfWork, type ReceivedEvent, type ReactionHandler } from '@tnp/messaging';
import { inventoryFactOf } from '@tnp/number-lifecycle';
import { decideRouting } from '../route-number/routing-writer';

/**
 * Learns number lifecycle changes from number-inventory's events. Command and event ids derive
 * from the inventory event's id, so a redelivered event appends nothing. Set-based: a batch of
 * events on different numbers is read and appended together.
 */
export const reactToInventoryEvent = (store: EventStore): ReactionHandler => setBasedReaction(store, observeInventory);

const observeInventory =
  (store: EventStore) =>
  async (event: ReceivedEvent): Promise<void> => {
    const fact = inventoryFactOf(event);
    if (!fact) return;
    const number = fact.data.number;
    const metadata: CommandMetadata = {
      commandId: `number-inventory:${event.id}`,
      now: event.time,
      principal: { id: 'number-inventory', role: 'system' },
      correlationId: event.correlationid,
      causationId: event.id,
      ...(event.traceparent ? { traceparent: event.traceparent } : {}),
    };
    await retryOnConflict(async () => {
      const uow = new UnitOfWork(store, metadata);
      await decideRouting(uow, number, { type: 'ObserveInventory', data: { number, fact } }, { occupierSites: [] });
      await uow.commit();
    }, 8);
  };
