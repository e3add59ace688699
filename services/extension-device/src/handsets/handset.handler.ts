import type { z } from 'zod';
import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata } from '@tnp/kernel';
import type { UnitOfWork } from '@tnp/messaging';
import { deviceNumberDecider, deviceNumberStreamId, handsetDecider, handsetStreamId } from '@tnp/extension-device-domain';
import type { loginHandsetSchema } from '@tnp/extension-device-contracts';
import { runExtensionCommand, type Outcome } from '../extension-commands';

/** One number per handset and one handset per number, taken together; eviction only when asked for. */
export const loginHandset = (store: EventStore, input: z.infer<typeof loginHandsetSchema>, metadata: CommandMetadata): Promise<Outcome> =>
  runExtensionCommand(store, metadata, input.number, async (uow) => {
    const numberStream = deviceNumberStreamId(input.number);
    await uow.load(numberStream, deviceNumberDecider);
    const events = uow.decide(
      numberStream,
      deviceNumberDecider,
      { type: 'LogInToHandset', data: { number: input.number, phoneId: input.phoneId } },
      undefined,
    );
    const loggedIn = events.find((e) => e.type === 'DeviceNumberLoggedIn');
    if (!loggedIn) return;
    const handsetStream = handsetStreamId(loggedIn.data.siteId, input.phoneId);
    await uow.load(handsetStream, handsetDecider);
    const handsetEvents = uow.decide(
      handsetStream,
      handsetDecider,
      { type: 'OccupyHandset', data: { siteId: loggedIn.data.siteId, phoneId: input.phoneId, number: input.number, evict: input.evict } },
      undefined,
    );
    for (const evicted of handsetEvents.filter((e) => e.type === 'HandsetLoginEvicted')) {
      const evictedStream = deviceNumberStreamId(evicted.data.number);
      await uow.load(evictedStream, deviceNumberDecider);
      uow.decide(
        evictedStream,
        deviceNumberDecider,
        { type: 'LogOutOfHandset', data: { number: evicted.data.number, reason: 'evicted' } },
        undefined,
      );
    }
  });

export const logoutHandset = (
  store: EventStore,
  number: string,
  metadata: CommandMetadata,
  reason: 'logged-out' | 'number-deactivated' | 'number-unassigned' | 'number-deallocated' = 'logged-out',
): Promise<Outcome> =>
  runExtensionCommand(store, metadata, number, async (uow) => {
    const numberStream = deviceNumberStreamId(number);
    await uow.load(numberStream, deviceNumberDecider);
    const events = uow.decide(numberStream, deviceNumberDecider, { type: 'LogOutOfHandset', data: { number, reason } }, undefined);
    await releaseHandsets(uow, events);
  });

/** Handsets give back the login of a number that left them. */
export const releaseHandsets = async (uow: UnitOfWork, events: readonly { type: string; data: unknown }[]): Promise<void> => {
  for (const event of events) {
    if (event.type !== 'DeviceNumberLoggedOut') continue;
    const { number, siteId, phoneId } = event.data as { number: string; siteId: string; phoneId: string };
    const stream = handsetStreamId(siteId, phoneId);
    await uow.load(stream, handsetDecider);
    uow.decide(stream, handsetDecider, { type: 'ReleaseHandset', data: { siteId, phoneId, number } }, undefined);
  }
};
