import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import { bulkChangeSchema, commandSubject, NumberInventoryCommands } from '@tnp/number-inventory-contracts';
import type { BulkChangeHandler } from './bulk-change.handler';

export const bulkChangeEndpoint = (deps: EndpointDeps, handler: BulkChangeHandler, prefix: string): NatsEndpoint =>
  commandEndpoint(deps, {
    subject: commandSubject(NumberInventoryCommands.bulkChange, prefix),
    commandType: 'BulkChange',
    schema: bulkChangeSchema,
    handle: (data, metadata) => handler.handle(data, metadata),
  });
