import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import { createExtensionSchema, ExtensionCommands, extensionCommandSubject } from '@tnp/extension-device-contracts';
import type { ExtensionDeps } from '../extension-commands';
import { createExtension } from './create-extension.handler';

export const createExtensionEndpoints = (deps: ExtensionDeps, endpointDeps: EndpointDeps, prefix: string): NatsEndpoint[] => [
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.createExtension, prefix),
    commandType: 'CreateExtension',
    schema: createExtensionSchema,
    handle: (d, m) => createExtension(deps, d, m),
  }),
];
