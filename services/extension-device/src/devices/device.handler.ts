import type { z } from 'zod';
import type { CommandMetadata } from '@tnp/kernel';
import type { activateDeviceSchema, deactivateDeviceSchema } from '@tnp/extension-device-contracts';
import { onExtension, type ExtensionDeps, type Outcome } from '../extension-commands';

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
