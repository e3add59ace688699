import type { EventStore } from '@tnp/event-store';
import { EventContract, type CommandMetadata, type EventsOf } from '@tnp/kernel';
import type { ReceivedEvent } from '@tnp/messaging';
import { inventoryFactOf } from '@tnp/number-lifecycle';
import { assignmentEvents, numberRoutingEvents } from '@tnp/assignment-contracts';
import { decideFax } from '../configure-fax/fax.handler';

/** Inventory's lifecycle and assignment's routing, as facts about the number's fax use. */
export const reactTo =
  (store: EventStore, source: string) =>
  async (event: ReceivedEvent): Promise<void> => {
    const metadata: CommandMetadata = {
      commandId: `${source}:${event.id}`,
      now: event.time,
      principal: { id: source, role: 'system' },
      correlationId: event.correlationid,
      causationId: event.id,
    };
    if (source === 'number-inventory') {
      const fact = inventoryFactOf(event);
      if (fact) await decideFax(store, { type: 'ObserveInventory', data: { number: fact.data.number, fact } }, metadata);
      return;
    }
    const routing = routingEventOf(event);
    if (routing?.type === 'NumberRouted' || routing?.type === 'NumberRoutingCleared') {
      const routedToFax = routing.type === 'NumberRouted' && routing.data.destination.type === 'fax';
      await decideFax(store, { type: 'ObserveRouting', data: { number: routing.data.number, routedToFax } }, metadata);
    }
  };

const assignmentContract = new EventContract(assignmentEvents);
type RoutingEvent = EventsOf<typeof numberRoutingEvents>;

/** An assignment event of the number-routing aggregate, checked against assignment's published schema. */
const routingEventOf = (event: ReceivedEvent): RoutingEvent | undefined =>
  event.type in numberRoutingEvents
    ? (assignmentContract.decode(event.type, event.version, event.data) as RoutingEvent | undefined)
    : undefined;
