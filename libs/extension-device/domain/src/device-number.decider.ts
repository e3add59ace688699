import type { deviceNumberEvents } from '@tnp/extension-device-contracts';
import { assertNever, ruleViolated, type Command, type Decider, type EventsOf } from '@tnp/kernel';
import {
  assertCanEditNumber,
  departureReason,
  isInService,
  observeInventory,
  type InventoryFact,
  type ObservedNumber,
} from '@tnp/number-lifecycle';

export { departureReason };
import { ExtensionRule } from './extension-rules';
import { extensionKeyOf } from './extension.types';

export type HandsetRef = { readonly siteId: string; readonly phoneId: string };
export type LogoutReason = 'logged-out' | 'evicted' | 'number-deactivated' | 'number-unassigned' | 'number-deallocated';

type At = { readonly number: string };

/** A number as this context sees it: its lifecycle (from inventory), the handset it is logged into, its extensions. */
export type DeviceNumberState = {
  readonly observed: ObservedNumber | null;
  readonly handset: HandsetRef | null;
  /** The extensions linked to this number, as tenant/extension keys. */
  readonly extensions: readonly string[];
};

export type DeviceNumberCommand =
  | Command<'ObserveInventory', At & { readonly fact: InventoryFact }>
  | Command<'LinkExtension', At & { readonly tenant: string; readonly extensionId: string }>
  | Command<'LogInToHandset', At & { readonly phoneId: string }>
  | Command<'LogOutOfHandset', At & { readonly reason: LogoutReason }>;

export type DeviceNumberEvent = EventsOf<typeof deviceNumberEvents>;

export const deviceNumberStreamId = (number: string): string => `device-number-${number}`;

export const deviceNumberDecider: Decider<DeviceNumberCommand, DeviceNumberEvent, DeviceNumberState> = {
  initialState: () => ({ observed: null, handset: null, extensions: [] }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'DeviceNumberObserved':
        return { ...state, observed: event.data.observed };
      case 'DeviceNumberLinkedToExtension': {
        // Links recorded before extension ids were per tenant belong to the number's owner of the time.
        const tenant = event.data.tenant ?? (state.observed?.owner?.type === 'occupier' ? state.observed.owner.occupierId : '');
        const key = extensionKeyOf(tenant, event.data.extensionId);
        return { ...state, extensions: [...state.extensions.filter((e) => e !== key), key] };
      }
      case 'DeviceNumberLoggedIn':
        return { ...state, handset: { siteId: event.data.siteId, phoneId: event.data.phoneId } };
      case 'DeviceNumberLoggedOut':
        return { ...state, handset: null };
      default:
        return assertNever(event, 'device number event');
    }
  },
  decide: (command, state) => {
    const { number } = command.data;
    switch (command.type) {
      case 'ObserveInventory': {
        const observed = observeInventory(state.observed, command.data.fact);
        if (!observed) return [];
        const events: DeviceNumberEvent[] = [{ type: 'DeviceNumberObserved', data: { number, observed } }];
        const reason = departureReason(state.observed, command.data.fact, observed);
        if (reason && state.handset) events.push({ type: 'DeviceNumberLoggedOut', data: { number, ...state.handset, reason } });
        return events;
      }
      case 'LinkExtension': {
        if (state.extensions.includes(extensionKeyOf(command.data.tenant, command.data.extensionId))) return [];
        // As the portal offers it: extensions (and their PINs and features) for active numbers that are not main numbers.
        if (!isInService(state.observed))
          throw ruleViolated(
            ExtensionRule.NUMBER_NOT_ACTIVE,
            `${number} is ${state.observed?.status ?? 'unknown'}; only active numbers get extensions`,
          );
        if (state.observed?.isMain)
          throw ruleViolated(ExtensionRule.MAIN_NUMBER_NO_EXTENSION, `${number} is a main number; main numbers get no extension`);
        return [{ type: 'DeviceNumberLinkedToExtension', data: command.data }];
      }
      case 'LogInToHandset': {
        const owned = assertCanEditNumber(state.observed, number, command.metadata.principal, ExtensionRule.MAIN_NUMBER_NOT_LOGGABLE);
        if (owned.isMain)
          throw ruleViolated(ExtensionRule.MAIN_NUMBER_NOT_LOGGABLE, `${number} is a main number and cannot be logged in to a handset`);
        if (!isInService(owned))
          throw ruleViolated(ExtensionRule.NUMBER_NOT_ACTIVE, `${number} is ${owned.status}; only active numbers log in to handsets`);
        const handset = { siteId: owned.siteId, phoneId: command.data.phoneId };
        if (state.handset?.phoneId === handset.phoneId && state.handset.siteId === handset.siteId) return [];
        if (state.handset) {
          throw ruleViolated(
            ExtensionRule.NUMBER_LOGGED_IN_ELSEWHERE,
            `${number} is logged in to handset ${state.handset.phoneId}; log it out first`,
          );
        }
        return [{ type: 'DeviceNumberLoggedIn', data: { number, ...handset } }];
      }
      case 'LogOutOfHandset': {
        const { principal } = command.metadata;
        if (command.data.reason === 'logged-out')
          assertCanEditNumber(state.observed, number, principal, ExtensionRule.MAIN_NUMBER_NOT_LOGGABLE);
        // An occupier's admin evicts only its own numbers; the site's operator may evict any.
        const owner = state.observed?.owner;
        if (command.data.reason === 'evicted' && principal.role === 'occupier-admin') {
          if (owner?.type !== 'occupier' || owner.occupierId !== principal.tenantId)
            throw ruleViolated(ExtensionRule.HANDSET_IN_USE, 'The handset is in use by a number of another company');
        }
        return state.handset ? [{ type: 'DeviceNumberLoggedOut', data: { number, ...state.handset, reason: command.data.reason } }] : [];
      }
      default:
        return assertNever(command, 'device number command');
    }
  },
};
