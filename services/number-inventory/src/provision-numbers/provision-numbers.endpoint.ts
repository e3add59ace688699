import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import { commandSubject, NumberInventoryCommands, provisionNumbersSchema } from '@tnp/number-inventory-contracts';
import type { ProvisionNumbersHandler } from './provision-numbers.handler';

export const provisionNumbersEndpoint = (deps: EndpointDeps, handler: ProvisionNumbersHandler, prefix: string): NatsEndpoint =>
  commandEndpoint(deps, {
    subject: commandSubject(NumberInventoryCommands.provisionNumbers, prefix),
    commandType: 'ProvisionNumbers',
    schema: provisionNumbersSchema,
    handle: (data, metadata) => handler.handle(data, metadata),
  });
