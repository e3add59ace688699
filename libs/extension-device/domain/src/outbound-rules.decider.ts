import type { outboundRuleEvents } from '@tnp/extension-device-contracts';
import { PlatformError, sameValue, type Command, type Decider, type EventsOf } from '@tnp/kernel';
import type { OutboundRule } from './extension.types';

export type OutboundRulesState = { readonly rules: readonly OutboundRule[] };
export type OutboundRulesCommand = Command<'DefineOutboundRule', OutboundRule & { readonly tenant: string }>;
export type OutboundRulesEvent = EventsOf<typeof outboundRuleEvents>;

export const outboundRulesStreamId = (tenant: string): string => `outbound-rules-${tenant}`;

/** The occupier's outbound rules, defined (and redefined) by its admin; extensions are put on them by id. */
export const outboundRulesDecider: Decider<OutboundRulesCommand, OutboundRulesEvent, OutboundRulesState> = {
  initialState: () => ({ rules: [] }),
  evolve: (state, event) => {
    const { ruleId, name, permits, passcodeFor } = event.data;
    return { rules: [...state.rules.filter((r) => r.ruleId !== ruleId), { ruleId, name, permits, passcodeFor }] };
  },
  decide: (command, state) => {
    const { principal } = command.metadata;
    if (principal.role === 'user' || (principal.role === 'occupier-admin' && principal.tenantId !== command.data.tenant))
      throw new PlatformError('FORBIDDEN', 'Only the occupier’s admins define its outbound rules');
    const { tenant, ...rule } = command.data;
    const current = state.rules.find((r) => r.ruleId === rule.ruleId);
    return current && sameValue(current, rule) ? [] : [{ type: 'OutboundRuleDefined', data: { tenant, ...rule } }];
  },
};
