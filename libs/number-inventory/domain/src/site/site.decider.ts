import { assertNever, type Command, type Decider, type EventsOf } from '@tnp/kernel';
import type { siteEvents } from '@tnp/number-inventory-contracts';

export const DEFAULT_COOLING_OFF_DAYS = 90;

export type SiteCommand = Command<
  'ConfigureSite',
  { readonly siteId: string; readonly coolingOffDays: number; readonly previousOwnerMayReclaim?: boolean | undefined }
>;
export type SiteEvent = EventsOf<typeof siteEvents>;
/**
 * A site's inventory policy. By the product's rule nobody, not even its previous owner, gets a
 * number while it cools off; a site may let the previous owner take it back (as some carriers do).
 */
export type SiteState = { readonly coolingOffDays: number; readonly previousOwnerMayReclaim: boolean };

export const siteStreamId = (siteId: string): string => `site-${siteId}`;

export const siteDecider: Decider<SiteCommand, SiteEvent, SiteState> = {
  initialState: () => ({ coolingOffDays: DEFAULT_COOLING_OFF_DAYS, previousOwnerMayReclaim: false }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'SiteConfigured':
        return { coolingOffDays: event.data.coolingOffDays, previousOwnerMayReclaim: event.data.previousOwnerMayReclaim ?? false };
      default:
        return assertNever(event.type, 'site event');
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'ConfigureSite': {
        const previousOwnerMayReclaim = command.data.previousOwnerMayReclaim ?? state.previousOwnerMayReclaim;
        if (state.coolingOffDays === command.data.coolingOffDays && state.previousOwnerMayReclaim === previousOwnerMayReclaim) return [];
        return [
          {
            type: 'SiteConfigured',
            data: { siteId: command.data.siteId, coolingOffDays: command.data.coolingOffDays, previousOwnerMayReclaim },
          },
        ];
      }
      default:
        return assertNever(command.type, 'site command');
    }
  },
};
