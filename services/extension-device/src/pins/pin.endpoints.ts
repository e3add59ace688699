import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import {
  changePinSchema,
  ExtensionCommands,
  extensionCommandSubject,
  extensionOnlySchema,
  verifyPinSchema,
} from '@tnp/extension-device-contracts';
import type { ExtensionDeps } from '../extension-commands';
import { changePin, resetPin, verifyPin } from './pin.handler';

export const pinEndpoints = (deps: ExtensionDeps, endpointDeps: EndpointDeps, prefix: string): NatsEndpoint[] => [
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.changePin, prefix),
    commandType: 'ChangePin',
    schema: changePinSchema,
    handle: (d, m) => changePin(deps, d, m),
  }),
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.verifyPin, prefix),
    commandType: 'VerifyPin',
    schema: verifyPinSchema,
    handle: (d, m) => verifyPin(deps, d, m),
  }),
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.resetPin, prefix),
    commandType: 'ResetPin',
    schema: extensionOnlySchema,
    handle: (d, m) => resetPin(deps, d.extensionId, m),
  }),
];
