import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata } from '@tnp/kernel';
import { retryOnConflict, UnitOfWork } from '@tnp/messaging';
import { faxNumberDecider, faxNumberStreamId, type FaxNumberCommand } from '@tnp/fax-domain';

/** One command on a number's fax use, decided on its stream. */
export const decideFax = (store: EventStore, command: Omit<FaxNumberCommand, 'metadata'>, metadata: CommandMetadata) =>
  retryOnConflict(async () => {
    const uow = new UnitOfWork(store, metadata);
    const streamId = faxNumberStreamId(command.data.number);
    await uow.load(streamId, faxNumberDecider);
    uow.decide(streamId, faxNumberDecider, command, undefined);
    return { number: command.data.number, eventIds: (await uow.commit()).flatMap((r) => r.eventIds) };
  }, 8);
