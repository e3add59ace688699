import type { EventStore } from '@tnp/event-store';
import { notFound, PlatformError, type CommandMetadata } from '@tnp/kernel';
import { isFinalAnswer, retryOnConflict, UnitOfWork } from '@tnp/messaging';
import { numberRoutingDecider, numberRoutingStreamId, type NumberRoutingCommand } from '@tnp/assignment-domain';
import type { AssignUserInput } from '@tnp/assignment-contracts';
import { decideRouting, userTarget } from '../route-number/routing-writer';
import type { CommandOutcome } from '../route-number/route-number.handler';
import type { InventoryClient } from './inventory-client';

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
      const user = await userTarget(uow, input.userId);
      await decideRouting(uow, input.number, { type: 'RequestUserAssignment', data: input }, { occupierSites: [], user });
      const results = await uow.commit();
      return { state, eventIds: results.flatMap((r) => r.eventIds) };
    }, 5);
    if (requested.state.user?.userId === input.userId && !requested.state.user.pending) return { number: input.number, eventIds: [] };
    const siteId = requested.state.observed?.siteId;
    if (!siteId) throw notFound(`${input.number} is not allocated`);

    const reply = await this.inventory.markAssigned(`${metadata.commandId}/inventory`, {
      siteId,
      number: input.number,
      userId: input.userId,
    });
    if (reply.ok) {
      const settled = await this.settle(input.number, { type: 'CompleteUserAssignment', data: input }, step(metadata, 'complete'));
      return { number: input.number, eventIds: [...requested.eventIds, ...settled] };
    }
    if (isFinalAnswer(reply.error)) {
      await this.settle(
        input.number,
        { type: 'RejectUserAssignment', data: { ...input, reason: reply.error.rule ?? reply.error.code } },
        step(metadata, 'reject'),
      );
      throw PlatformError.fromBody(reply.error);
    }
    throw new PlatformError('UNAVAILABLE', `${input.number} stays pending: ${reply.error.message}; retry with the same Idempotency-Key`);
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
