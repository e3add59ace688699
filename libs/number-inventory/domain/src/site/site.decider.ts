import { assertNever, type Command, type Decider, type EventsOf } from '@tnp/kernel';
import type { siteEvents } from '@tnp/number-inventory-contracts';

export const DEFAULT_COOLING_OFF_DAYS = 90;

export type SiteCommand = Command<'ConfigureSite', { readonly siteId: string; readonly coolingOffDays: number }>;
export type SiteEvent = EventsOf<typeof siteEvents>;
export type SiteState = { readonly coolingOffDays: number };

export const siteStreamId = (siteId: string): string => `site-${siteId}`;

export const siteDecider: Decider<SiteCommand, SiteEvent, SiteState> = {
  initialState: () => ({ coolingOffDays: DEFAULT_COOLING_OFF_DAYS }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'SiteConfigured':
        return { coolingOffDays: event.data.coolingOffDays };
      default:
        return assertNever(event.type, 'site event');
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'ConfigureSite':
        return state.coolingOffDays === command.data.coolingOffDays ? [] : [{ type: 'SiteConfigured', data: command.data }];
      default:
        return assertNever(command.type, 'site command');
    }
  },
};
