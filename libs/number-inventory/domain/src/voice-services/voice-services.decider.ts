import { assertNever, type Command, type Decider, type EventsOf } from '@tnp/kernel';
import type { voiceServicesEvents } from '@tnp/number-inventory-contracts';

type At = { readonly siteId: string; readonly occupierId: string };
export type VoiceServicesCommand = Command<'AddVoiceServices', At> | Command<'RemoveVoiceServices', At>;
export type VoiceServicesEvent = EventsOf<typeof voiceServicesEvents>;
/** Whether an occupier has voice services at a site. */
export type VoiceServicesState = { readonly active: boolean };

export const voiceServicesStreamId = (siteId: string, occupierId: string): string => `voice-services-${siteId}-${occupierId}`;

/**
 * How many numbers adding voice services allocates: an occupier that has no numbers reserved at
 * the site gets the ones asked for (one by default) from the site's available numbers; one that
 * has some keeps those and gets none.
 */
export const numbersToAllocateWithVoiceServices = (allocatedAtSite: number, requested: number): number =>
  allocatedAtSite > 0 ? 0 : requested;

export const voiceServicesDecider: Decider<VoiceServicesCommand, VoiceServicesEvent, VoiceServicesState> = {
  initialState: () => ({ active: false }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'OccupierVoiceServicesAdded':
        return { active: true };
      case 'OccupierVoiceServicesRemoved':
        return { active: false };
      default:
        return assertNever(event, 'voice services event');
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'AddVoiceServices':
        return state.active ? [] : [{ type: 'OccupierVoiceServicesAdded', data: command.data }];
      case 'RemoveVoiceServices':
        return state.active ? [{ type: 'OccupierVoiceServicesRemoved', data: command.data }] : [];
      default:
        return assertNever(command, 'voice services command');
    }
  },
};
