import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata } from '@tnp/kernel';
import { retryOnConflict, UnitOfWork } from '@tnp/messaging';
import {
  accountFeaturesDecider,
  accountFeaturesStreamId,
  destinationDecider,
  destinationStreamId,
  occupierUserDecider,
  occupierUserStreamId,
  type AccountFeaturesCommand,
  type DestinationCommand,
  type OccupierUserCommand,
} from '@tnp/assignment-domain';
import { decideRouting } from '../route-number/routing-writer';

export type CatalogueOutcome = { readonly id: string; readonly eventIds: readonly string[] };

/** The tenant's routes, managed routes, conference rooms and users. */
export class CatalogueHandler {
  constructor(private readonly store: EventStore) {}

  destination(command: Omit<DestinationCommand, 'metadata'>, metadata: CommandMetadata): Promise<CatalogueOutcome> {
    const streamId = destinationStreamId(command.data.tenant, command.data.destinationId);
    return this.run(metadata, command.data.destinationId, async (uow) => {
      await uow.load(streamId, destinationDecider);
      uow.decide(streamId, destinationDecider, command, undefined);
    });
  }

  /** The account's features (the conference bridge), set by the platform or the site's operator. */
  features(command: Omit<AccountFeaturesCommand, 'metadata'>, metadata: CommandMetadata): Promise<CatalogueOutcome> {
    const streamId = accountFeaturesStreamId(command.data.tenant);
    return this.run(metadata, command.data.tenant, async (uow) => {
      await uow.load(streamId, accountFeaturesDecider);
      uow.decide(streamId, accountFeaturesDecider, command, undefined);
    });
  }

  /** Removing a user also clears the routing of every number pointing at it, each with its own event. */
  user(command: Omit<OccupierUserCommand, 'metadata'>, metadata: CommandMetadata): Promise<CatalogueOutcome> {
    const streamId = occupierUserStreamId(command.data.tenant, command.data.userId);
    return this.run(metadata, command.data.userId, async (uow) => {
      const before = await uow.load(streamId, occupierUserDecider);
      const events = uow.decide(streamId, occupierUserDecider, command, undefined);
      if (command.type !== 'RemoveUser' || events.length === 0 || !before.exists) return;
      for (const number of before.routedFrom) {
        await decideRouting(uow, number, { type: 'ClearRouting', data: { number, reason: 'user-removed' } }, { occupierSites: [] });
      }
    });
  }

  private run(metadata: CommandMetadata, id: string, decide: (uow: UnitOfWork) => Promise<void>): Promise<CatalogueOutcome> {
    return retryOnConflict(async () => {
      const uow = new UnitOfWork(this.store, metadata);
      await decide(uow);
      return { id, eventIds: (await uow.commit()).flatMap((r) => r.eventIds) };
    }, 5);
  }
}
