import type { EventStore } from '@tnp/event-store';
import { PlatformError, type CommandMetadata } from '@tnp/kernel';
import { foldRecorded, isFinalAnswer, retryOnConflict, UnitOfWork } from '@tnp/messaging';
import { numberRoutingDecider, numberRoutingStreamId, tenantOf, type NumberRoutingCommand } from '@tnp/assignment-domain';
import type { AssignUserInput } from '@tnp/assignment-contracts';
import { decideRouting, userTarget } from '../route-number/routing-writer';
import type { CommandOutcome } from '../route-number/route-number.handler';
import type { InventoryClient } from './inventory-client';

export type PendingRequest = {
  readonly number: string;
  readonly userId: string;
  readonly siteId: string;
  readonly eventId: string;
  readonly requestedAt: string;
};

/** Metadata for a follow-up step: its own command id, so a retried step appends nothing twice. */
const step = (metadata: CommandMetadata, name: string): CommandMetadata => ({
  ...metadata,
  commandId: `${metadata.commandId}/${name}`,
  causationId: metadata.commandId,
});

/**
 * Assigning a user spans two contexts. The number goes pending here (and the user's one-number
 * claim is taken) first; then number-inventory, which serialises it against deactivation, marks
 * the number ASSIGNED or refuses; the outcome settles the request here. If this process dies in
 * between, the inventory event that follows settles it through the reaction.
 */
export class AssignUserHandler {
  constructor(
    private readonly store: EventStore,
    private readonly inventory: InventoryClient,
  ) {}

  async assign(input: AssignUserInput, metadata: CommandMetadata): Promise<CommandOutcome> {
    const requested = await retryOnConflict(async () => {
      const uow = new UnitOfWork(this.store, metadata);
      const state = await uow.load(numberRoutingStreamId(input.number), numberRoutingDecider);
      const owner = state.observed?.owner;
      const user = owner ? await userTarget(uow, tenantOf(owner), input.userId) : undefined;
      await decideRouting(
        uow,
        input.number,
        { type: 'RequestUserAssignment', data: input },
        { occupierSites: [], ...(user ? { user } : {}) },
      );
      const results = await uow.commit();
      return { state, eventIds: results.flatMap((r) => r.eventIds) };
    }, 5);
    if (requested.state.user?.userId === input.userId && !requested.state.user.pending) return { number: input.number, eventIds: [] };
    const request = await this.pendingRequest(input.number);
    if (!request) return { number: input.number, eventIds: requested.eventIds };
    const settled = await this.drive(request, metadata);
    return { number: input.number, eventIds: [...requested.eventIds, ...settled] };
  }

  /**
   * Asks number-inventory to mark the number assigned and settles the pending request with its
   * answer. The inventory command id derives from the request event, so the handler, a client's
   * retry and the sweeper all send the same command, which inventory runs once.
   */
  async drive(request: PendingRequest, metadata: CommandMetadata): Promise<string[]> {
    const { number, userId } = request;
    const reply = await this.inventory.markAssigned(`assignment-request:${request.eventId}`, { siteId: request.siteId, number, userId });
    if (reply.ok)
      return this.settle(
        number,
        { type: 'CompleteUserAssignment', data: { number, userId } },
        step(metadata, `complete:${request.eventId}`),
      );
    if (isFinalAnswer(reply.error)) {
      await this.settle(
        number,
        { type: 'RejectUserAssignment', data: { number, userId, reason: reply.error.rule ?? reply.error.code } },
        step(metadata, `reject:${request.eventId}`),
      );
      throw PlatformError.fromBody(reply.error);
    }
    throw new PlatformError('UNAVAILABLE', `${number} stays pending: ${reply.error.message}; it is retried automatically`);
  }

  /** The request a pending number waits on, if it still waits. */
  async pendingRequest(number: string): Promise<PendingRequest | undefined> {
    const events = await this.store.readStream(numberRoutingStreamId(number));
    const state = foldRecorded(numberRoutingDecider.evolve, numberRoutingDecider.initialState(), events);
    const request = events.findLast((e) => e.type === 'NumberUserAssignmentRequested');
    if (!state.user?.pending || !request || !state.observed) return undefined;
    return { number, userId: state.user.userId, siteId: state.observed.siteId, eventId: request.id, requestedAt: request.recordedAt };
  }

  async unassign(number: string, metadata: CommandMetadata): Promise<CommandOutcome> {
    return retryOnConflict(async () => {
      const uow = new UnitOfWork(this.store, metadata);
      const state = await uow.load(numberRoutingStreamId(number), numberRoutingDecider);
      const events = await decideRouting(uow, number, { type: 'UnassignUser', data: { number } }, { occupierSites: [] });
      if (events.length === 0) return { number, eventIds: [] };
      const reply = await this.inventory.markUnassigned(`${metadata.commandId}/inventory`, {
        siteId: state.observed?.siteId ?? '',
        number,
      });
      if (!reply.ok) throw PlatformError.fromBody(reply.error);
      const results = await uow.commit();
      return { number, eventIds: results.flatMap((r) => r.eventIds) };
    }, 5);
  }

  private settle(number: string, command: Omit<NumberRoutingCommand, 'metadata'>, metadata: CommandMetadata): Promise<string[]> {
    return retryOnConflict(async () => {
      const uow = new UnitOfWork(this.store, metadata);
      await decideRouting(uow, number, command, { occupierSites: [] });
      return (await uow.commit()).flatMap((r) => r.eventIds);
    }, 8);
  }
}
