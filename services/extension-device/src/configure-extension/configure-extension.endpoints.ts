import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import type { ExtensionSettings } from '@tnp/extension-device-domain';
import {
  configureExtensionSchema,
  ExtensionCommands,
  extensionCommandSubject,
  requestCallerIdSchema,
  updateExtensionInfoSchema,
} from '@tnp/extension-device-contracts';
import type { ExtensionDeps } from '../extension-commands';
import { configureExtension, requestCallerId, updateExtensionInfo } from './configure-extension.handler';

export const configureExtensionEndpoints = (deps: ExtensionDeps, endpointDeps: EndpointDeps, prefix: string): NatsEndpoint[] => [
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.updateExtensionInfo, prefix),
    commandType: 'UpdateExtensionInfo',
    schema: updateExtensionInfoSchema,
    handle: (d, m) => updateExtensionInfo(deps, d, m),
  }),
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.configureExtension, prefix),
    commandType: 'ConfigureExtension',
    schema: configureExtensionSchema,
    handle: (d, m) => configureExtension(deps, { extensionId: d.extensionId, changes: d.changes as Partial<ExtensionSettings> }, m),
  }),
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.requestCallerId, prefix),
    commandType: 'RequestCallerId',
    schema: requestCallerIdSchema,
    handle: (d, m) => requestCallerId(deps, d, m),
  }),
];
