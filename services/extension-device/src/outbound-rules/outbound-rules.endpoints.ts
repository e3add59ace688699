import type { EventStore } from '@tnp/event-store';
import { commandEndpoint, queryEndpoint, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import {
  defineOutboundRuleSchema,
  ExtensionCommands,
  extensionCommandSubject,
  ExtensionQueries,
  extensionQuerySubject,
  listOutboundRulesSchema,
} from '@tnp/extension-device-contracts';
import { defineOutboundRule, outboundRuleList } from './outbound-rules.handler';

/** Outbound rules: which calls the occupier's extensions may make, and which ask for their passcode. */
export const outboundRuleEndpoints = (store: EventStore, endpointDeps: EndpointDeps, prefix: string): NatsEndpoint[] => [
  commandEndpoint(endpointDeps, {
    subject: extensionCommandSubject(ExtensionCommands.defineOutboundRule, prefix),
    commandType: 'DefineOutboundRule',
    schema: defineOutboundRuleSchema,
    handle: (d, m) => defineOutboundRule(store, d, m),
  }),
  queryEndpoint(endpointDeps, {
    subject: extensionQuerySubject(ExtensionQueries.listOutboundRules, prefix),
    queryType: 'ListOutboundRules',
    schema: listOutboundRulesSchema,
    handle: (d, principal) => outboundRuleList(store, d, principal),
  }),
];
