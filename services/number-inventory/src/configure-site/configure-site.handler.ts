import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata } from '@tnp/kernel';
import { siteDecider, siteStreamId } from '@tnp/number-inventory-domain';
import type { CommandResult, ConfigureSiteInput } from '@tnp/number-inventory-contracts';
import { decideOnOneStream } from '../single-stream-command';

export const configureSite = (store: EventStore, input: ConfigureSiteInput, metadata: CommandMetadata): Promise<CommandResult> =>
  decideOnOneStream(store, siteStreamId(input.siteId), siteDecider, { type: 'ConfigureSite', data: input, metadata }, metadata);
