import { commandEndpoint, queryEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import {
  addVoiceServicesSchema,
  commandSubject,
  NumberInventoryCommands,
  NumberInventoryQueries,
  querySubject,
  voiceServicesAtSchema,
} from '@tnp/number-inventory-contracts';
import type { VoiceServicesHandler } from './voice-services.handler';

export const voiceServicesEndpoints = (deps: EndpointDeps, handler: VoiceServicesHandler, prefix: string): NatsEndpoint[] => [
  commandEndpoint(deps, {
    subject: commandSubject(NumberInventoryCommands.addVoiceServices, prefix),
    commandType: 'AddVoiceServices',
    schema: addVoiceServicesSchema,
    handle: (data, metadata) => handler.add(data, metadata),
  }),
  commandEndpoint(deps, {
    subject: commandSubject(NumberInventoryCommands.removeVoiceServices, prefix),
    commandType: 'RemoveVoiceServices',
    schema: voiceServicesAtSchema,
    handle: (data, metadata) => handler.remove(data, metadata),
  }),
  queryEndpoint(deps, {
    subject: querySubject(NumberInventoryQueries.voiceServices, prefix),
    queryType: 'VoiceServices',
    schema: voiceServicesAtSchema,
    handle: (data) => handler.view(data),
  }),
];
