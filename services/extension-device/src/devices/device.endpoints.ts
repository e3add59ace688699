import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import {
  activateDeviceSchema,
  deactivateDeviceSchema,
  ExtensionCommands,
  extensionCommandSubject,
  recordAnsweredDeviceSchema,
  recordAutoProvisioningSchema,
} from '@tnp/extension-device-contracts';
import type { ExtensionDeps } from '../extension-commands';
import { activateDevice, deactivateDevice, recordAnsweredDevice, recordAutoProvisioning } from './device.handler';

export const deviceEndpoints = (deps: ExtensionDeps, endpointDeps: EndpointDeps, prefix: string): NatsEndpoint[] => [
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.activateDevice, prefix),
    commandType: 'ActivateDevice',
    schema: activateDeviceSchema,
    handle: (d, m) => activateDevice(deps, d, m),
  }),
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.deactivateDevice, prefix),
    commandType: 'DeactivateDevice',
    schema: deactivateDeviceSchema,
    handle: (d, m) => deactivateDevice(deps, d, m),
  }),
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.recordAnsweredDevice, prefix),
    commandType: 'RecordAnsweredDevice',
    schema: recordAnsweredDeviceSchema,
    handle: (d, m) => recordAnsweredDevice(deps, d, m),
  }),
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.recordAutoProvisioning, prefix),
    commandType: 'RecordAutoProvisioning',
    schema: recordAutoProvisioningSchema,
    handle: (d, m) => recordAutoProvisioning(deps, d, m),
  }),
];
