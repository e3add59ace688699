import type { EventStore } from '@tnp/event-store';
import type { ReceivedEvent } from '@tnp/messaging';
import { inventoryFactOf } from '@tnp/number-lifecycle';
import { decideOnServiceNumber } from '../service-numbers/service-number.handler';

/** Number-inventory's facts about a number, observed by its service-number stream (once per event id). */
export const reactToInventory =
  (store: EventStore) =>
  async (event: ReceivedEvent): Promise<void> => {
    const fact = inventoryFactOf(event);
    if (!fact) return;
    const number = fact.data.number;
    await decideOnServiceNumber(
      store,
      { type: 'ObserveInventory', data: { number, fact } },
      {
        commandId: `number-inventory:${event.id}`,
        now: event.time,
        principal: { id: 'number-inventory', role: 'system' },
        correlationId: event.correlationid,
        causationId: event.id,
      },
    );
  };
