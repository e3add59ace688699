import type { EventStore } from '@tnp/event-store';
import { notFound, type CommandMetadata, type Principal } from '@tnp/kernel';
import { loadAggregate, type UnitOfWork } from '@tnp/messaging';
import type { UsageView } from '@tnp/extension-device-contracts';
import {
  extensionDecider,
  extensionStreamId,
  extensionUsageStreamId,
  occupierTimeZoneStreamId,
  timeZoneDecider,
  usageAt,
  usageDecider,
} from '@tnp/extension-device-domain';
import { answer, assertActsFor, runExtensionCommand, type Outcome } from '../extension-commands';

const timeZoneOf = async (store: EventStore, tenant: string): Promise<string> =>
  (await loadAggregate(store, occupierTimeZoneStreamId(tenant), timeZoneDecider.evolve, timeZoneDecider.initialState())).state.timeZone;

/** A call's minutes against the extension's period; reaching the monthly limit is an event of its own. */
export const recordUsage = (
  store: EventStore,
  data: { occupierId: string; extensionId: string; callId: string; minutes: number; endedAt: string },
  metadata: CommandMetadata,
): Promise<Outcome> => {
  assertActsFor(metadata.principal, data.occupierId, `Extension ${data.extensionId}`);
  const tenant = data.occupierId;
  return answer(
    runExtensionCommand(store, metadata, data.extensionId, async (uow: UnitOfWork) => {
      const extension = await uow.load(extensionStreamId(tenant, data.extensionId), extensionDecider);
      const timeZone = await timeZoneOf(store, tenant);
      const stream = extensionUsageStreamId(tenant, data.extensionId);
      await uow.load(stream, usageDecider);
      uow.decide(
        stream,
        usageDecider,
        {
          type: 'RecordUsage',
          data: { tenant, extensionId: data.extensionId, callId: data.callId, minutes: data.minutes, endedAt: data.endedAt },
        },
        {
          extensionExists: extension.exists,
          limit: extension.exists ? extension.settings.usageLimit : { type: 'unlimited' },
          timeZone,
        },
      );
    }),
  );
};

export const setTimeZone = (
  store: EventStore,
  data: { occupierId: string; timeZone: string },
  metadata: CommandMetadata,
): Promise<Outcome> => {
  assertActsFor(metadata.principal, data.occupierId, `Occupier ${data.occupierId}`);
  return answer(
    runExtensionCommand(store, metadata, data.occupierId, async (uow) => {
      const stream = occupierTimeZoneStreamId(data.occupierId);
      await uow.load(stream, timeZoneDecider);
      uow.decide(stream, timeZoneDecider, { type: 'SetTimeZone', data: { tenant: data.occupierId, timeZone: data.timeZone } }, undefined);
    }),
  );
};

/** The period `at` (now by default) falls in: its usage, the limit, and when it resets. */
export const usageView = async (
  store: EventStore,
  data: { occupierId: string; extensionId: string; at?: string | undefined },
  principal: Principal | undefined,
  now: () => Date,
): Promise<UsageView> => {
  if (principal?.role === 'occupier-admin' && principal.tenantId !== data.occupierId)
    throw notFound(`Extension ${data.extensionId} does not exist`);
  const tenant = data.occupierId;
  const extension = (
    await loadAggregate(store, extensionStreamId(tenant, data.extensionId), extensionDecider.evolve, extensionDecider.initialState())
  ).state;
  if (!extension.exists) throw notFound(`Extension ${data.extensionId} does not exist`);
  const usage = (
    await loadAggregate(store, extensionUsageStreamId(tenant, data.extensionId), usageDecider.evolve, usageDecider.initialState())
  ).state;
  const timeZone = await timeZoneOf(store, tenant);
  return { extensionId: data.extensionId, ...usageAt(usage, extension.settings.usageLimit, timeZone, data.at ?? now().toISOString()) };
};
