import type { z } from 'zod';
import type { CommandMetadata } from '@tnp/kernel';
import type {
  activateDeviceSchema,
  deactivateDeviceSchema,
  recordAnsweredDeviceSchema,
  recordAutoProvisioningSchema,
} from '@tnp/extension-device-contracts';
import type { UnitOfWork } from '@tnp/messaging';
import { deviceLicenceDecider, deviceLicencesStreamId, type DeviceLicenceCommand } from '@tnp/extension-device-domain';
import {
  answer,
  decideOnExtension,
  onOccupierExtension,
  runExtensionCommand,
  tenantOf,
  type ExtensionDeps,
  type Outcome,
} from '../extension-commands';

/** A device activated takes one of the occupier's licences of its type, in the same append: never more devices than licences. */
export const activateDevice = (
  deps: ExtensionDeps,
  input: z.infer<typeof activateDeviceSchema>,
  metadata: CommandMetadata,
): Promise<Outcome> =>
  answer(
    runExtensionCommand(deps.store, metadata, input.extensionId, async (uow) => {
      const tenant = tenantOf(metadata, input.extensionId);
      const { extensionId, type, deviceId } = input;
      const events = await decideOnExtension(uow, tenant, { type: 'ActivateDevice', data: { extensionId, device: { type, deviceId } } });
      if (events.some((e) => e.type === 'ExtensionDeviceActivated'))
        await onLicences(uow, tenant, { type: 'TakeDeviceLicence', data: { tenant, type, extensionId, deviceId } });
    }),
  );

/** A device deactivated frees its licence (devices activated before licences were kept hold none). */
export const deactivateDevice = (
  deps: ExtensionDeps,
  input: z.infer<typeof deactivateDeviceSchema>,
  metadata: CommandMetadata,
): Promise<Outcome> =>
  answer(
    runExtensionCommand(deps.store, metadata, input.extensionId, async (uow) => {
      const tenant = tenantOf(metadata, input.extensionId);
      const events = await decideOnExtension(uow, tenant, { type: 'DeactivateDevice', data: input });
      if (events.some((e) => e.type === 'ExtensionDeviceDeactivated'))
        await onLicences(uow, tenant, { type: 'ReleaseDeviceLicence', data: { tenant, ...input } });
    }),
  );

const onLicences = async (uow: UnitOfWork, tenant: string, command: Omit<DeviceLicenceCommand, 'metadata'>): Promise<void> => {
  const stream = deviceLicencesStreamId(tenant);
  await uow.load(stream, deviceLicenceDecider);
  uow.decide(stream, deviceLicenceDecider, command, undefined);
};

/** The telephony platform tells which device answered (or made) a call: the default device to ring when several are active. */
export const recordAnsweredDevice = (
  deps: ExtensionDeps,
  input: z.infer<typeof recordAnsweredDeviceSchema>,
  metadata: CommandMetadata,
): Promise<Outcome> =>
  onOccupierExtension(deps.store, metadata, input.occupierId, {
    type: 'RecordAnsweredDevice',
    data: { extensionId: input.extensionId, device: input.device },
  });

/** Auto-provisioning registered the extension's IP phone licence: its status becomes the device name and MAC address. */
export const recordAutoProvisioning = (
  deps: ExtensionDeps,
  input: z.infer<typeof recordAutoProvisioningSchema>,
  metadata: CommandMetadata,
): Promise<Outcome> =>
  onOccupierExtension(deps.store, metadata, input.occupierId, {
    type: 'RecordAutoProvisioning',
    data: { extensionId: input.extensionId, deviceName: input.deviceName, mac: input.mac.toUpperCase().replace(/-/g, ':') },
  });
