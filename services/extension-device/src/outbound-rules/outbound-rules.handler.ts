import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata, Principal } from '@tnp/kernel';
import { loadAggregate, type UnitOfWork } from '@tnp/messaging';
import type { OutboundRuleList } from '@tnp/extension-device-contracts';
import { outboundRulesDecider, outboundRulesStreamId, type OutboundRule } from '@tnp/extension-device-domain';
import { answer, assertSeesOccupier, runExtensionCommand, type Outcome } from '../extension-commands';

/** The occupier's admin defines (or changes) an outbound rule; extensions are then put on it by id. */
export const defineOutboundRule = (
  store: EventStore,
  data: OutboundRule & { occupierId: string },
  metadata: CommandMetadata,
): Promise<Outcome> =>
  answer(
    runExtensionCommand(store, metadata, data.ruleId, async (uow) => {
      const { occupierId, ...rule } = data;
      const stream = outboundRulesStreamId(occupierId);
      await uow.load(stream, outboundRulesDecider);
      uow.decide(stream, outboundRulesDecider, { type: 'DefineOutboundRule', data: { tenant: occupierId, ...rule } }, undefined);
    }),
  );

/** The rules, for a decision in the same unit of work (an extension put on one). */
export const outboundRulesOf = async (uow: UnitOfWork, tenant: string): Promise<readonly OutboundRule[]> =>
  (await uow.load(outboundRulesStreamId(tenant), outboundRulesDecider)).rules;

export const outboundRuleList = async (
  store: EventStore,
  data: { occupierId: string },
  principal: Principal | undefined,
): Promise<OutboundRuleList> => {
  assertSeesOccupier(principal, data.occupierId);
  const { state } = await loadAggregate(
    store,
    outboundRulesStreamId(data.occupierId),
    outboundRulesDecider.evolve,
    outboundRulesDecider.initialState(),
  );
  const rules = [...state.rules].sort((a, b) => a.ruleId.localeCompare(b.ruleId));
  return { occupierId: data.occupierId, rules: rules.map((r) => ({ ...r, permits: [...r.permits], passcodeFor: [...r.passcodeFor] })) };
};
