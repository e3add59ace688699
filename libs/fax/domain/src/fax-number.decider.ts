import type { faxNumberEvents } from '@tnp/fax-contracts';
import { assertNever, ruleViolated, type Command, type Decider, type EventsOf } from '@tnp/kernel';
import {
  assertCanEditNumber,
  departureReason,
  isInService,
  observeInventory,
  type InventoryFact,
  type ObservedNumber,
} from '@tnp/number-lifecycle';

export const FaxRule = {
  NUMBER_NOT_ACTIVE: 'NUMBER_NOT_ACTIVE',
  MAIN_NUMBER_READ_ONLY: 'MAIN_NUMBER_READ_ONLY',
} as const;

export type FaxRate = 2400 | 4800 | 7200 | 9600 | 12000 | 14400;

export type FaxSettings = {
  readonly outboundCallerId: boolean;
  readonly inboundDetection: boolean;
  readonly detectionWaitSeconds: number;
  readonly minRate: FaxRate;
  readonly maxRate: FaxRate;
  readonly t38: boolean;
  readonly errorCorrection: boolean;
};

/** How a number carries faxes: only faxes (its routing is fax), voice and fax (inbound detection), or outbound only. */
export type FaxMode = 'fax-only' | 'voice-and-fax' | 'outbound-only' | 'off';

export const faxModeOf = (settings: FaxSettings | null, routedToFax: boolean): FaxMode => {
  if (routedToFax) return 'fax-only';
  if (!settings) return 'off';
  if (settings.inboundDetection) return 'voice-and-fax';
  return settings.outboundCallerId ? 'outbound-only' : 'off';
};

type At = { readonly number: string };

export type FaxNumberCommand =
  | Command<'ObserveInventory', At & { readonly fact: InventoryFact }>
  | Command<'ObserveRouting', At & { readonly routedToFax: boolean }>
  | Command<'ConfigureFax', At & { readonly settings: FaxSettings }>
  | Command<'ClearFax', At>;

export type FaxNumberEvent = EventsOf<typeof faxNumberEvents>;

export type FaxNumberState = {
  readonly observed: ObservedNumber | null;
  readonly routedToFax: boolean;
  readonly settings: FaxSettings | null;
};

export const faxNumberStreamId = (number: string): string => `fax-number-${number}`;

const sameSettings = (a: FaxSettings | null, b: FaxSettings): boolean =>
  a !== null && (Object.keys(b) as (keyof FaxSettings)[]).every((k) => a[k] === b[k]);

export const faxNumberDecider: Decider<FaxNumberCommand, FaxNumberEvent, FaxNumberState> = {
  initialState: () => ({ observed: null, routedToFax: false, settings: null }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'FaxNumberObserved':
        return { ...state, observed: event.data.observed };
      case 'FaxRoutingObserved':
        return { ...state, routedToFax: event.data.routedToFax };
      case 'FaxSettingsConfigured':
        return { ...state, settings: event.data.settings };
      case 'FaxSettingsCleared':
        return { ...state, settings: null };
      default:
        return assertNever(event, 'fax event');
    }
  },
  decide: (command, state) => {
    const { number } = command.data;
    switch (command.type) {
      case 'ObserveInventory': {
        const observed = observeInventory(state.observed, command.data.fact);
        if (!observed) return [];
        const events: FaxNumberEvent[] = [{ type: 'FaxNumberObserved', data: { number, observed } }];
        const reason = departureReason(state.observed, command.data.fact, observed);
        if (state.settings && !isInService(observed) && reason) {
          events.push({ type: 'FaxSettingsCleared', data: { number, reason } });
        }
        return events;
      }
      case 'ObserveRouting':
        return state.routedToFax === command.data.routedToFax ? [] : [{ type: 'FaxRoutingObserved', data: command.data }];
      case 'ConfigureFax': {
        const owned = assertCanEditNumber(state.observed, number, command.metadata.principal, FaxRule.MAIN_NUMBER_READ_ONLY);
        if (!isInService(owned))
          throw ruleViolated(FaxRule.NUMBER_NOT_ACTIVE, `${number} is ${owned.status}; fax settings need an ACTIVE number`);
        if (sameSettings(state.settings, command.data.settings)) return [];
        const occupierId = owned.owner.type === 'occupier' ? owned.owner.occupierId : null;
        return [{ type: 'FaxSettingsConfigured', data: { number, occupierId, settings: command.data.settings } }];
      }
      case 'ClearFax':
        assertCanEditNumber(state.observed, number, command.metadata.principal, FaxRule.MAIN_NUMBER_READ_ONLY);
        return state.settings ? [{ type: 'FaxSettingsCleared', data: { number, reason: 'cleared' } }] : [];
      default:
        return assertNever(command, 'fax command');
    }
  },
};
