import type { EventStore } from '@tnp/event-store';
import { commandEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import {
  CallFlowCommands,
  callFlowCommandSubject,
  changeCallFlowSchema,
  defineCallFlowSchema,
  flowOnlySchema,
} from '@tnp/call-flow-contracts';
import { decideOnFlow } from './call-flow.handler';

/** Define, change and delete a call flow. */
export const callFlowEndpoints = (store: EventStore, deps: EndpointDeps, prefix: string): NatsEndpoint[] => [
  commandEndpoint(deps, {
    subject: callFlowCommandSubject(CallFlowCommands.defineCallFlow, prefix),
    commandType: 'DefineCallFlow',
    schema: defineCallFlowSchema,
    handle: (d, m) => decideOnFlow(store, { type: 'DefineCallFlow', data: d }, m),
  }),
  commandEndpoint(deps, {
    subject: callFlowCommandSubject(CallFlowCommands.changeCallFlow, prefix),
    commandType: 'ChangeCallFlow',
    schema: changeCallFlowSchema,
    handle: (d, m) => decideOnFlow(store, { type: 'ChangeCallFlow', data: d }, m),
  }),
  commandEndpoint(deps, {
    subject: callFlowCommandSubject(CallFlowCommands.deleteCallFlow, prefix),
    commandType: 'DeleteCallFlow',
    schema: flowOnlySchema,
    handle: (d, m) => decideOnFlow(store, { type: 'DeleteCallFlow', data: d }, m),
  }),
];
