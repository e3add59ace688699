import type { handsetEvents } from '@tnp/extension-device-contracts';
import { assertNever, ruleViolated, type Command, type Decider, type EventsOf } from '@tnp/kernel';
import { ExtensionRule } from './extension-rules';

/** A digital handset at a site, by its phone ID: it holds one number's login at a time. */
type At = { readonly siteId: string; readonly phoneId: string; readonly number: string };

export type HandsetCommand = Command<'OccupyHandset', At & { readonly evict: boolean }> | Command<'ReleaseHandset', At>;
export type HandsetEvent = EventsOf<typeof handsetEvents>;
export type HandsetState = { readonly number: string | null };

export const handsetStreamId = (siteId: string, phoneId: string): string => `handset-${siteId}-${phoneId}`;

export const handsetDecider: Decider<HandsetCommand, HandsetEvent, HandsetState> = {
  initialState: () => ({ number: null }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'HandsetLoggedIn':
        return { number: event.data.number };
      case 'HandsetLoggedOut':
      case 'HandsetLoginEvicted':
        return state.number === event.data.number ? { number: null } : state;
      default:
        return assertNever(event, 'handset event');
    }
  },
  decide: (command, state) => {
    const { siteId, phoneId, number } = command.data;
    switch (command.type) {
      case 'OccupyHandset':
        if (state.number === number) return [];
        if (state.number !== null) {
          if (!command.data.evict) throw ruleViolated(ExtensionRule.HANDSET_IN_USE, `Handset ${phoneId} is in use by another number`);
          return [
            { type: 'HandsetLoginEvicted', data: { siteId, phoneId, number: state.number } },
            { type: 'HandsetLoggedIn', data: { siteId, phoneId, number } },
          ];
        }
        return [{ type: 'HandsetLoggedIn', data: { siteId, phoneId, number } }];
      case 'ReleaseHandset':
        return state.number === number ? [{ type: 'HandsetLoggedOut', data: { siteId, phoneId, number } }] : [];
      default:
        return assertNever(command, 'handset command');
    }
  },
};
