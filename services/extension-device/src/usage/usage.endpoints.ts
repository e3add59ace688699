import type { EventStore } from '@tnp/event-store';
import { commandEndpoint, queryEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import {
  ExtensionCommands,
  extensionCommandSubject,
  ExtensionQueries,
  extensionQuerySubject,
  getUsageSchema,
  recordUsageSchema,
  setTimeZoneSchema,
} from '@tnp/extension-device-contracts';
import { recordUsage, setTimeZone, usageView } from './usage.handler';

/** Usage limits: call minutes in, each month's usage and reset instant out, in the occupier's time zone. */
export const usageEndpoints = (store: EventStore, endpointDeps: EndpointDeps, prefix: string): NatsEndpoint[] => [
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.recordUsage, prefix),
    commandType: 'RecordUsage',
    schema: recordUsageSchema,
    handle: (d, m) => recordUsage(store, d, m),
  }),
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.setTimeZone, prefix),
    commandType: 'SetTimeZone',
    schema: setTimeZoneSchema,
    handle: (d, m) => setTimeZone(store, d, m),
  }),
  queryEndpoint(endpointDeps, {
    subject: extensionQuerySubject(ExtensionQueries.getUsage, prefix),
    queryType: 'GetUsage',
    schema: getUsageSchema,
    handle: (d, principal) => usageView(store, d, principal, () => endpointDeps.clock?.() ?? new Date()),
  }),
];
