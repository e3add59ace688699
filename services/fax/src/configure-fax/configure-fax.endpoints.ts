import type { EventStore } from '@tnp/event-store';
import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import { configureFaxSchema, FaxCommands, faxCommandSubject, faxNumberSchema } from '@tnp/fax-contracts';
import { decideFax } from './fax.handler';

/** Configure a number's fax settings, and clear them. */
export const configureFaxEndpoints = (store: EventStore, deps: EndpointDeps, prefix: string): NatsEndpoint[] => [
  commandEndpoint(deps, {
    subject: faxCommandSubject(FaxCommands.configureFax, prefix),
    commandType: 'ConfigureFax',
    schema: configureFaxSchema,
    handle: (d, m) => decideFax(store, { type: 'ConfigureFax', data: d }, m),
  }),
  commandEndpoint(deps, {
    subject: faxCommandSubject(FaxCommands.clearFax, prefix),
    commandType: 'ClearFax',
    schema: faxNumberSchema,
    handle: (d, m) => decideFax(store, { type: 'ClearFax', data: d }, m),
  }),
];
