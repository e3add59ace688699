import type { accountFeaturesEvents } from '@tnp/assignment-contracts';
import { assertNever, type Command, type Decider, type EventsOf } from '@tnp/kernel';

export type AccountFeaturesCommand = Command<'SetAccountFeatures', { readonly tenant: string; readonly conferenceBridge: boolean }>;
export type AccountFeaturesEvent = EventsOf<typeof accountFeaturesEvents>;
/** What an occupier's account offers; without the (advanced) conference bridge, no number reaches a conference room. */
export type AccountFeaturesState = { readonly conferenceBridge: boolean };

export const accountFeaturesStreamId = (tenant: string): string => `account-features-${tenant}`;

export const accountFeaturesDecider: Decider<AccountFeaturesCommand, AccountFeaturesEvent, AccountFeaturesState> = {
  initialState: () => ({ conferenceBridge: false }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'AccountFeaturesSet':
        return { conferenceBridge: event.data.conferenceBridge };
      default:
        return assertNever(event.type, 'account features event');
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'SetAccountFeatures':
        return state.conferenceBridge === command.data.conferenceBridge ? [] : [{ type: 'AccountFeaturesSet', data: command.data }];
      default:
        return assertNever(command.type, 'account features command');
    }
  },
};
