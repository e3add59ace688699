import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata, Principal } from '@tnp/kernel';
import { loadAggregate } from '@tnp/messaging';
import type { DeviceLicencesView } from '@tnp/extension-device-contracts';
import {
  DEVICE_PRIORITY,
  deviceLicenceDecider,
  deviceLicencesStreamId,
  licencesUsed,
  type LicenceCounts,
} from '@tnp/extension-device-domain';
import { answer, assertSeesOccupier, runExtensionCommand, type Outcome } from '../extension-commands';

/** The operator or the platform (billing) sets how many devices of each type the occupier may activate. */
export const setDeviceLicences = (
  store: EventStore,
  data: { occupierId: string; licences: LicenceCounts },
  metadata: CommandMetadata,
): Promise<Outcome> =>
  answer(
    runExtensionCommand(store, metadata, data.occupierId, async (uow) => {
      const stream = deviceLicencesStreamId(data.occupierId);
      await uow.load(stream, deviceLicenceDecider);
      uow.decide(
        stream,
        deviceLicenceDecider,
        { type: 'SetDeviceLicences', data: { tenant: data.occupierId, licences: data.licences } },
        undefined,
      );
    }),
  );

/** Each device type's licences: how many, how many in use, how many free. */
export const deviceLicencesView = async (
  store: EventStore,
  data: { occupierId: string },
  principal: Principal | undefined,
): Promise<DeviceLicencesView> => {
  assertSeesOccupier(principal, data.occupierId);
  const { state } = await loadAggregate(
    store,
    deviceLicencesStreamId(data.occupierId),
    deviceLicenceDecider.evolve,
    deviceLicenceDecider.initialState(),
  );
  return {
    occupierId: data.occupierId,
    licences: DEVICE_PRIORITY.map((type) => {
      const used = licencesUsed(state, type);
      return { type, licensed: state.licensed[type], used, free: Math.max(0, state.licensed[type] - used) };
    }),
  };
};
