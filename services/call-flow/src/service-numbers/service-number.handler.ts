import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata } from '@tnp/kernel';
import { retryOnConflict, UnitOfWork } from '@tnp/messaging';
import {
  callFlowDecider,
  callFlowStreamId,
  PLATFORM_TENANT,
  serviceNumberDecider,
  serviceNumberStreamId,
  type CallFlowState,
  type ServiceNumberCommand,
  type ServiceNumberState,
} from '@tnp/call-flow-domain';

export type NumberCommand = Omit<ServiceNumberCommand, 'metadata'>;

/** The flows a command on a service number may need to know: named ones, the current one, queued and weekly ones. */
const flowIdsFor = (command: NumberCommand, state: ServiceNumberState): string[] => {
  const data = command.data as Record<string, unknown>;
  const schedule = data['schedule'] as { periods?: { flowId: string }[]; exceptions?: { flowId: string }[] } | null | undefined;
  return [
    ...new Set(
      [
        data['flowId'] as string | null | undefined,
        state.flow?.flowId,
        ...state.pending.map((p) => p.flowId),
        ...(schedule?.periods ?? []).map((p) => p.flowId),
        ...(schedule?.exceptions ?? []).map((e) => e.flowId),
        ...(state.weekly?.periods ?? []).map((p) => p.flowId),
        ...(state.weekly?.exceptions ?? []).map((e) => e.flowId),
      ].filter((id): id is string => typeof id === 'string'),
    ),
  ];
};

export const decideOnServiceNumber = (store: EventStore, command: NumberCommand, metadata: CommandMetadata) =>
  retryOnConflict(async () => {
    const uow = new UnitOfWork(store, metadata);
    const streamId = serviceNumberStreamId(command.data.number);
    const state = await uow.load(streamId, serviceNumberDecider);
    const owner = state.observed?.owner;
    const tenant = owner?.type === 'occupier' ? owner.occupierId : null;
    const flows = new Map<string, CallFlowState>();
    for (const flowId of flowIdsFor(command, state)) flows.set(flowId, await flowFor(uow, tenant, flowId));
    const events = uow.decide(streamId, serviceNumberDecider, command, { flows });
    const results = await uow.commit();
    return {
      number: command.data.number,
      events: events.map((e) => e.type),
      eventIds: results.flatMap((r) => r.eventIds),
      decidedAt: metadata.now,
    };
  }, 8);

/** A service number's flow: the company's own of that id, else the platform's. */
const flowFor = async (uow: UnitOfWork, tenant: string | null, flowId: string): Promise<CallFlowState> => {
  const own = tenant ? await uow.load(callFlowStreamId(tenant, flowId), callFlowDecider) : undefined;
  return own?.exists ? own : uow.load(callFlowStreamId(PLATFORM_TENANT, flowId), callFlowDecider);
};
