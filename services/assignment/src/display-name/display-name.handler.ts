import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata } from '@tnp/kernel';
import { retryOnConflict, UnitOfWork } from '@tnp/messaging';
import type { DisplayName } from '@tnp/assignment-domain';
import { decideRouting } from '../route-number/routing-writer';
import type { CommandOutcome } from '../route-number/route-number.handler';

/** A two-part label shown instead of the user's name; the assignment itself is untouched. */
export class DisplayNameHandler {
  constructor(private readonly store: EventStore) {}

  set(number: string, displayName: DisplayName, metadata: CommandMetadata): Promise<CommandOutcome> {
    return this.run(number, metadata, (uow) =>
      decideRouting(uow, number, { type: 'SetDisplayName', data: { number, displayName } }, { occupierSites: [] }),
    );
  }

  clear(number: string, metadata: CommandMetadata): Promise<CommandOutcome> {
    return this.run(number, metadata, (uow) =>
      decideRouting(uow, number, { type: 'ClearDisplayName', data: { number } }, { occupierSites: [] }),
    );
  }

  private run(number: string, metadata: CommandMetadata, decide: (uow: UnitOfWork) => Promise<unknown>): Promise<CommandOutcome> {
    return retryOnConflict(async () => {
      const uow = new UnitOfWork(this.store, metadata);
      await decide(uow);
      return { number, eventIds: (await uow.commit()).flatMap((r) => r.eventIds) };
    }, 5);
  }
}
