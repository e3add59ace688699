import type { EventStore } from '@tnp/event-store';
import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import { commandSubject, nameOccupierSchema, NumberInventoryCommands } from '@tnp/number-inventory-contracts';
import { nameOccupier } from './name-occupier.handler';

export const nameOccupierEndpoint = (deps: EndpointDeps, store: EventStore, prefix: string): NatsEndpoint =>
  commandEndpoint(deps, {
    subject: commandSubject(NumberInventoryCommands.nameOccupier, prefix),
    commandType: 'NameOccupier',
    schema: nameOccupierSchema,
    handle: (data, metadata) => nameOccupier(store, data, metadata),
  });
