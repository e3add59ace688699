import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata } from '@tnp/kernel';
import { retryOnConflict, setBasedReaction, UnitOfWork, type ReceivedEvent, type ReactionHandler } from '@tnp/messaging';
import {
  departureReason,
  deviceNumberDecider,
  deviceNumberStreamId,
  extensionDecider,
  extensionStreamId,
} from '@tnp/extension-device-domain';
import { inventoryFactOf } from '@tnp/number-lifecycle';
import { releaseHandsets } from '../handsets/handset.handler';
import { ED_SCHEMA } from '../read-model/extension-device.read-model';

const metadataFor = (source: string, event: ReceivedEvent): CommandMetadata => ({
  commandId: `${source}:${event.id}`,
  now: event.time,
  principal: { id: source, role: 'system' },
  correlationId: event.correlationid,
  causationId: event.id,
});

/**
 * Learns the number lifecycle from number-inventory. A number that is deactivated, unassigned or
 * deallocated leaves its handset and its extensions' forwarding, each with its own event, in the
 * same append as the observation. Set-based: a batch of events on different numbers is read and
 * appended together (an extension two of them clear goes by itself, after the batch).
 */
export const reactToInventory = (store: EventStore): ReactionHandler => setBasedReaction(store, observeInventory);

const observeInventory =
  (store: EventStore) =>
  async (event: ReceivedEvent): Promise<void> => {
    const fact = inventoryFactOf(event);
    if (!fact) return;
    const number = fact.data.number;
    await retryOnConflict(async () => {
      const uow = new UnitOfWork(store, metadataFor('number-inventory', event));
      const streamId = deviceNumberStreamId(number);
      const state = await uow.load(streamId, deviceNumberDecider);
      const events = uow.decide(streamId, deviceNumberDecider, { type: 'ObserveInventory', data: { number, fact } }, undefined);
      await releaseHandsets(uow, events);
      const observed = events.find((e) => e.type === 'DeviceNumberObserved');
      const reason = observed?.type === 'DeviceNumberObserved' ? departureReason(state.observed, fact, observed.data.observed) : null;
      if (reason) {
        for (const key of state.extensions) {
          const [tenant = '', extensionId = ''] = key.split('/');
          const stream = extensionStreamId(tenant, extensionId);
          if (!(await uow.load(stream, extensionDecider)).exists) continue;
          uow.decide(stream, extensionDecider, { type: 'ClearForwarding', data: { extensionId, reason } }, {});
        }
      }
      await uow.commit();
    }, 8);
  };

/** The occupier's users, as assignment registers and removes them. */
export const reactToUsers =
  (orm: MikroORM) =>
  async (event: ReceivedEvent): Promise<void> => {
    if (event.type !== 'UserRegistered' && event.type !== 'UserRemoved') return;
    const { tenant, userId } = event.data as { tenant: string; userId: string };
    await orm.em
      .fork()
      .execute(
        `INSERT INTO ${ED_SCHEMA}.known_users (tenant, user_id, removed) VALUES (?, ?, ?) ON CONFLICT (tenant, user_id) DO UPDATE SET removed = EXCLUDED.removed`,
        [tenant, userId, event.type === 'UserRemoved'],
      );
  };
