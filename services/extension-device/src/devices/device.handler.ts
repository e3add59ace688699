import type { z } from 'zod';
import type { CommandMetadata } from '@tnp/kernel';
import type {
  activateDeviceSchema,
  deactivateDeviceSchema,
  recordAnsweredDeviceSchema,
  recordAutoProvisioningSchema,
} from '@tnp/extension-device-contracts';
import { onExtension, onOccupierExtension, type ExtensionDeps, type Outcome } from '../extension-commands';

export const activateDevice = (
  deps: ExtensionDeps,
  input: z.infer<typeof activateDeviceSchema>,
  metadata: CommandMetadata,
): Promise<Outcome> =>
  onExtension(deps, metadata, {
    type: 'ActivateDevice',
    data: { extensionId: input.extensionId, device: { type: input.type, deviceId: input.deviceId } },
  });

export const deactivateDevice = (
  deps: ExtensionDeps,
  input: z.infer<typeof deactivateDeviceSchema>,
  metadata: CommandMetadata,
): Promise<Outcome> => onExtension(deps, metadata, { type: 'DeactivateDevice', data: input });

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
