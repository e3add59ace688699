import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata } from '@tnp/kernel';
import { retryOnConflict, UnitOfWork } from '@tnp/messaging';
import { callFlowDecider, callFlowStreamId, PLATFORM_TENANT, type CallFlowCommand } from '@tnp/call-flow-domain';

/** A flow is defined for the tenant it names, and changed among the caller's own (the platform's when the caller names none). */
const flowTenant = (command: Omit<CallFlowCommand, 'metadata'>, metadata: CommandMetadata): string =>
  'tenant' in command.data ? command.data.tenant : (metadata.principal.tenantId ?? PLATFORM_TENANT);

export const decideOnFlow = (store: EventStore, command: Omit<CallFlowCommand, 'metadata'>, metadata: CommandMetadata) =>
  retryOnConflict(async () => {
    const uow = new UnitOfWork(store, metadata);
    const streamId = callFlowStreamId(flowTenant(command, metadata), command.data.flowId);
    await uow.load(streamId, callFlowDecider);
    uow.decide(streamId, callFlowDecider, command, undefined);
    return { flowId: command.data.flowId, eventIds: (await uow.commit()).flatMap((r) => r.eventIds) };
  }, 5);
