import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import { allocateNumbersSchema, commandSubject, NumberInventoryCommands } from '@tnp/number-inventory-contracts';
import type { AllocateNumbersHandler } from './allocate-numbers.handler';

export const allocateNumbersEndpoint = (deps: EndpointDeps, handler: AllocateNumbersHandler, prefix: string): NatsEndpoint =>
  commandEndpoint(deps, {
    subject: commandSubject(NumberInventoryCommands.allocateNumbers, prefix),
    commandType: 'AllocateNumbers',
    schema: allocateNumbersSchema,
    handle: (data, metadata) => handler.handle(data, metadata),
  });
