import type { CommandMetadata } from '@tnp/kernel';
import type { UnitOfWork } from '@tnp/messaging';
import {
  destinationDecider,
  destinationStreamId,
  numberRoutingDecider,
  numberRoutingStreamId,
  occupierUserDecider,
  occupierUserStreamId,
  targetChangesFor,
  tenantOf,
  userClaimChangesFor,
  type NumberRoutingCommand,
  type NumberRoutingEvent,
  type NumberRoutingState,
  type RoutingContext,
  type Target,
} from '@tnp/assignment-domain';

type RoutingCommand = Omit<NumberRoutingCommand, 'metadata'> & { metadata?: CommandMetadata };

/**
 * Decides on a number's routing and settles every aggregate the decision touches in the same
 * unit of work: the references held by destinations and users, and the user's one-number claim.
 */
export const decideRouting = async (
  uow: UnitOfWork,
  number: string,
  command: RoutingCommand,
  context: RoutingContext,
): Promise<readonly NumberRoutingEvent[]> => {
  const streamId = numberRoutingStreamId(number);
  const before = await uow.load(streamId, numberRoutingDecider);
  const events = uow.decide(streamId, numberRoutingDecider, command as Omit<NumberRoutingCommand, 'metadata'>, context);
  const owner = uow.state<NumberRoutingState>(streamId).observed?.owner ?? before.observed?.owner;
  if (!owner || events.length === 0) return events;
  const tenant = tenantOf(owner);
  for (const change of targetChangesFor(number, before.destination, events)) {
    if (change.kind === 'user') {
      const id = occupierUserStreamId(tenant, change.id);
      await uow.load(id, occupierUserDecider);
      uow.decide(
        id,
        occupierUserDecider,
        { type: change.action === 'reference' ? 'ReferenceUser' : 'ReleaseUserReference', data: { tenant, userId: change.id, number } },
        undefined,
      );
    } else {
      const id = destinationStreamId(tenant, change.id);
      await uow.load(id, destinationDecider);
      uow.decide(
        id,
        destinationDecider,
        {
          type: change.action === 'reference' ? 'ReferenceDestination' : 'ReleaseDestination',
          data: { tenant, destinationId: change.id, number },
        },
        undefined,
      );
    }
  }
  for (const claim of userClaimChangesFor(events)) {
    const id = occupierUserStreamId(tenant, claim.userId);
    await uow.load(id, occupierUserDecider);
    uow.decide(
      id,
      occupierUserDecider,
      { type: claim.action === 'claim' ? 'ClaimUserNumber' : 'ReleaseUserNumber', data: { tenant, userId: claim.userId, number } },
      undefined,
    );
  }
  return events;
};

/** What a routing decision needs to know of a destination or user it names, looked up among the number owner's own. */
export const catalogueTarget = async (uow: UnitOfWork, tenant: string, destinationId: string): Promise<Target> => {
  const state = await uow.load(destinationStreamId(tenant, destinationId), destinationDecider);
  return state.exists && !state.removed
    ? { exists: true, occupierId: state.tenant, kind: state.kind }
    : { exists: false, occupierId: null, kind: null };
};

export const userTarget = async (uow: UnitOfWork, tenant: string, userId: string): Promise<Target & { holds: string | null }> => {
  const state = await uow.load(occupierUserStreamId(tenant, userId), occupierUserDecider);
  return state.exists && !state.removed
    ? { exists: true, occupierId: state.tenant, kind: 'user', holds: state.holds }
    : { exists: false, occupierId: null, kind: null, holds: null };
};
