import { assertNever, type Command, type Decider, type EventsOf } from '@tnp/kernel';
import type { occupierEvents } from '@tnp/number-inventory-contracts';

export type OccupierCommand = Command<'NameOccupier', { readonly occupierId: string; readonly name: string }>;
export type OccupierEvent = EventsOf<typeof occupierEvents>;
/** An organisation numbers are allocated to, as the site lists show it. */
export type OccupierState = { readonly name: string | null };

export const occupierStreamId = (occupierId: string): string => `occupier-${occupierId}`;

export const occupierDecider: Decider<OccupierCommand, OccupierEvent, OccupierState> = {
  initialState: () => ({ name: null }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'OccupierNamed':
        return { name: event.data.name };
      default:
        return assertNever(event.type, 'occupier event');
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'NameOccupier':
        return state.name === command.data.name ? [] : [{ type: 'OccupierNamed', data: command.data }];
      default:
        return assertNever(command.type, 'occupier command');
    }
  },
};
