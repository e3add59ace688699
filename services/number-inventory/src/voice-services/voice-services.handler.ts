import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata } from '@tnp/kernel';
import { expectedRevisionOf, loadAggregate, retryOnConflict, toNewEvents } from '@tnp/messaging';
import {
  numbersToAllocateWithVoiceServices,
  voiceServicesDecider,
  voiceServicesStreamId,
  type VoiceServicesCommand,
} from '@tnp/number-inventory-domain';
import type { AllocateNumbersHandler } from '../allocate-numbers/allocate-numbers.handler';
import { SiteNumberEntity } from '../read-model/site-number.entity';

type At = { readonly siteId: string; readonly occupierId: string };

/**
 * Voice services for an occupier at a site. Adding them to an occupier with no numbers reserved
 * at the site allocates available ones with them, in one atomic write: the voice services and
 * every allocation, or nothing (too few available numbers refuses the whole request).
 */
export class VoiceServicesHandler {
  constructor(
    private readonly store: EventStore,
    private readonly orm: MikroORM,
    private readonly allocations: AllocateNumbersHandler,
  ) {}

  add(input: At & { readonly numbers: number }, metadata: CommandMetadata) {
    return retryOnConflict(async () => {
      const { siteId, occupierId } = input;
      const decided = await this.decide({ type: 'AddVoiceServices', data: { siteId, occupierId }, metadata });
      if (decided.events.length === 0) return { active: true, allocated: [], eventIds: [] };
      const count = numbersToAllocateWithVoiceServices(await this.allocatedAt(siteId, occupierId), input.numbers);
      const chosen = count > 0 ? await this.allocations.choose({ siteId, occupierId, count }, metadata) : [];
      const results = await this.store.appendMany([decided.request, ...chosen.flatMap((c) => c.requests)]);
      return { active: true, allocated: chosen.map((c) => c.number), eventIds: results.flatMap((r) => r.eventIds) };
    }, 8);
  }

  remove(input: At, metadata: CommandMetadata) {
    return retryOnConflict(async () => {
      const decided = await this.decide({ type: 'RemoveVoiceServices', data: input, metadata });
      const results = decided.events.length > 0 ? await this.store.appendMany([decided.request]) : [];
      return { active: false, allocated: [], eventIds: results.flatMap((r) => r.eventIds) };
    }, 8);
  }

  async view(input: At) {
    const { state } = await loadAggregate(
      this.store,
      voiceServicesStreamId(input.siteId, input.occupierId),
      voiceServicesDecider.evolve,
      voiceServicesDecider.initialState(),
    );
    return { ...input, active: state.active, allocatedNumbers: await this.allocatedAt(input.siteId, input.occupierId) };
  }

  private async decide(command: VoiceServicesCommand) {
    const streamId = voiceServicesStreamId(command.data.siteId, command.data.occupierId);
    const loaded = await loadAggregate(this.store, streamId, voiceServicesDecider.evolve, voiceServicesDecider.initialState());
    const events = voiceServicesDecider.decide(command, loaded.state, undefined);
    return {
      events,
      request: { streamId, events: toNewEvents(streamId, events, command.metadata), expectedRevision: expectedRevisionOf(loaded.revision) },
    };
  }

  /** Numbers the occupier holds at the site (reserved, active or assigned), as the site list shows them. */
  private allocatedAt(siteId: string, occupierId: string): Promise<number> {
    return this.orm.em.fork().count(SiteNumberEntity, { siteId, ownerType: 'occupier', ownerId: occupierId });
  }
}
