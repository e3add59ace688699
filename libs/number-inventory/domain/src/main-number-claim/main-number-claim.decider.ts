import { assertNever, ruleViolated, type Command, type Decider, type EventsOf } from '@tnp/kernel';
import type { mainNumberClaimEvents } from '@tnp/number-inventory-contracts';
import { NumberRule } from '../number/number-rules';
import { ownerKey, type NumberEvent, type Owner } from '../number/number.types';

/**
 * One small stream per owner and site holds that owner's main number, so "one main number per
 * owner per site" holds under concurrent nominations without loading the site.
 */
type Claim = { readonly siteId: string; readonly owner: Owner; readonly number: string };

export type MainNumberClaimCommand = Command<'ClaimMainNumber', Claim> | Command<'ReleaseMainNumber', Claim>;
export type MainNumberClaimEvent = EventsOf<typeof mainNumberClaimEvents>;
export type MainNumberClaimState = { readonly holder: string | null };

export const mainNumberClaimStreamId = (siteId: string, owner: Owner): string => `main-number-claim-${siteId}-${ownerKey(owner)}`;

export const mainNumberClaimDecider: Decider<MainNumberClaimCommand, MainNumberClaimEvent, MainNumberClaimState> = {
  initialState: () => ({ holder: null }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'MainNumberClaimed':
        return { holder: event.data.number };
      case 'MainNumberReleased':
        return state.holder === event.data.number ? { holder: null } : state;
      default:
        return assertNever(event, 'main number claim event');
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'ClaimMainNumber':
        if (state.holder === command.data.number) return [];
        if (state.holder !== null) {
          throw ruleViolated(
            NumberRule.OWNER_HAS_MAIN_NUMBER,
            `The owner already has main number ${state.holder} at site ${command.data.siteId}`,
          );
        }
        return [{ type: 'MainNumberClaimed', data: command.data }];
      case 'ReleaseMainNumber':
        return state.holder === command.data.number ? [{ type: 'MainNumberReleased', data: command.data }] : [];
      default:
        return assertNever(command, 'main number claim command');
    }
  },
};

/** Which claim a number's new events take or give back. */
type ClaimChange = { readonly type: MainNumberClaimCommand['type']; readonly data: Claim };

export const claimChangesFor = (events: readonly NumberEvent[]): ClaimChange[] =>
  events.flatMap((event): ClaimChange[] => {
    const { number, siteId } = event.data;
    switch (event.type) {
      case 'NumberAllocated':
        return event.data.isMain ? [{ type: 'ClaimMainNumber', data: { siteId, number, owner: event.data.owner } }] : [];
      case 'MainNumberNominated':
        return event.data.owner ? [{ type: 'ClaimMainNumber', data: { siteId, number, owner: event.data.owner } }] : [];
      case 'NumberDeallocated':
        return event.data.wasMain ? [{ type: 'ReleaseMainNumber', data: { siteId, number, owner: event.data.previousOwner } }] : [];
      case 'MainNumberNominationRemoved':
        return event.data.owner ? [{ type: 'ReleaseMainNumber', data: { siteId, number, owner: event.data.owner } }] : [];
      default:
        return [];
    }
  });
