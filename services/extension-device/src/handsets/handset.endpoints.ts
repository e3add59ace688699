import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import { ExtensionCommands, extensionCommandSubject, loginHandsetSchema, logoutHandsetSchema } from '@tnp/extension-device-contracts';
import type { ExtensionDeps } from '../extension-commands';
import { loginHandset, logoutHandset } from './handset.handler';

export const handsetEndpoints = (deps: ExtensionDeps, endpointDeps: EndpointDeps, prefix: string): NatsEndpoint[] => [
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.loginHandset, prefix),
    commandType: 'LoginHandset',
    schema: loginHandsetSchema,
    handle: (d, m) => loginHandset(deps.store, d, m),
  }),
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.logoutHandset, prefix),
    commandType: 'LogoutHandset',
    schema: logoutHandsetSchema,
    handle: (d, m) => logoutHandset(deps.store, d.number, m),
  }),
];
