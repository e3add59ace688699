import type { EventStore } from '@tnp/event-store';
import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import { commandSubject, configureSiteSchema, NumberInventoryCommands } from '@tnp/number-inventory-contracts';
import { configureSite } from './configure-site.handler';

export const configureSiteEndpoint = (deps: EndpointDeps, store: EventStore, prefix: string): NatsEndpoint =>
  commandEndpoint(deps, {
    subject: commandSubject(NumberInventoryCommands.configureSite, prefix),
    commandType: 'ConfigureSite',
    schema: configureSiteSchema,
    handle: (data, metadata) => configureSite(store, data, metadata),
  });
