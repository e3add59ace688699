import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import { commandSubject, importNumbersSchema, NumberInventoryCommands } from '@tnp/number-inventory-contracts';
import type { ImportNumbersHandler } from './import-numbers.handler';

export const importNumbersEndpoint = (deps: EndpointDeps, handler: ImportNumbersHandler, prefix: string): NatsEndpoint =>
  commandEndpoint(deps, {
    subject: commandSubject(NumberInventoryCommands.importNumbers, prefix),
    commandType: 'ImportNumbers',
    schema: importNumbersSchema,
    handle: (data, metadata) => handler.handle(data, metadata),
  });
