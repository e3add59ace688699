import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata } from '@tnp/kernel';
import { expectedRevisionOf, loadAggregate, toNewEvents } from '@tnp/messaging';
import { siteDecider, siteStreamId } from '@tnp/number-inventory-domain';
import type { CommandResult, ConfigureSiteInput } from '@tnp/number-inventory-contracts';

export class ConfigureSiteHandler {
  constructor(private readonly store: EventStore) {}

  async handle(input: ConfigureSiteInput, metadata: CommandMetadata): Promise<CommandResult> {
    const streamId = siteStreamId(input.siteId);
    const site = await loadAggregate(this.store, streamId, siteDecider.evolve, siteDecider.initialState());
    const events = siteDecider.decide({ type: 'ConfigureSite', data: input, metadata }, site.state, undefined);
    if (events.length === 0) return { streamId, revision: site.revision, eventIds: [] };
    const result = await this.store.append(streamId, toNewEvents(streamId, events, metadata), expectedRevisionOf(site.revision));
    return { streamId, revision: result.nextExpectedRevision, eventIds: result.eventIds };
  }
}
