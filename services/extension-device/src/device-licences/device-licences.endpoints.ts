import type { EventStore } from '@tnp/event-store';
import { commandEndpoint, queryEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import {
  ExtensionCommands,
  extensionCommandSubject,
  ExtensionQueries,
  extensionQuerySubject,
  getDeviceLicencesSchema,
  setDeviceLicencesSchema,
} from '@tnp/extension-device-contracts';
import { deviceLicencesView, setDeviceLicences } from './device-licences.handler';

/** Device licences: set by the operator or billing, taken by every device activated, shown with what is free. */
export const deviceLicenceEndpoints = (store: EventStore, endpointDeps: EndpointDeps, prefix: string): NatsEndpoint[] => [
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.setDeviceLicences, prefix),
    commandType: 'SetDeviceLicences',
    schema: setDeviceLicencesSchema,
    handle: (d, m) => setDeviceLicences(store, d, m),
  }),
  queryEndpoint(endpointDeps, {
    subject: extensionQuerySubject(ExtensionQueries.getDeviceLicences, prefix),
    queryType: 'GetDeviceLicences',
    schema: getDeviceLicencesSchema,
    handle: (d, principal) => deviceLicencesView(store, d, principal),
  }),
];
