import type { EventStore } from '@tnp/event-store';
import type { CommandMetadata } from '@tnp/kernel';
import { occupierDecider, occupierStreamId } from '@tnp/number-inventory-domain';
import type { CommandResult, NameOccupierInput } from '@tnp/number-inventory-contracts';
import { decideOnOneStream } from '../single-stream-command';

export const nameOccupier = (store: EventStore, input: NameOccupierInput, metadata: CommandMetadata): Promise<CommandResult> =>
  decideOnOneStream(store, occupierStreamId(input.occupierId), occupierDecider, { type: 'NameOccupier', data: input, metadata }, metadata);
