import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import { commandSubject, configureSiteSchema, NumberInventoryCommands } from '@tnp/number-inventory-contracts';
import type { ConfigureSiteHandler } from './configure-site.handler';

export const configureSiteEndpoint = (deps: EndpointDeps, handler: ConfigureSiteHandler, prefix: string): NatsEndpoint =>
  commandEndpoint(deps, {
    subject: commandSubject(NumberInventoryCommands.configureSite, prefix),
    commandType: 'ConfigureSite',
    schema: configureSiteSchema,
    handle: (data, metadata) => handler.handle(data, metadata),
  });
