import type { deviceLicenceEvents } from '@tnp/extension-device-contracts';
import { assertNever, PlatformError, ruleViolated, sameValue, type Command, type Decider, type EventsOf } from '@tnp/kernel';
import { ExtensionRule } from './extension-rules';
import { DEVICE_PRIORITY, type DeviceType } from './extension.types';

export type LicenceCounts = Readonly<Record<DeviceType, number>>;

/** How many devices of each type the occupier may activate, and the extensions holding one of each. */
export type DeviceLicenceState = {
  readonly licensed: LicenceCounts;
  /** `extensionId/type` of every device activated on a licence. */
  readonly seats: ReadonlySet<string>;
};

type Seat = { readonly tenant: string; readonly type: DeviceType; readonly extensionId: string };

export type DeviceLicenceCommand =
  | Command<'SetDeviceLicences', { readonly tenant: string; readonly licences: LicenceCounts }>
  | Command<'TakeDeviceLicence', Seat & { readonly deviceId: string }>
  | Command<'ReleaseDeviceLicence', Seat>;

export type DeviceLicenceEvent = EventsOf<typeof deviceLicenceEvents>;

export const NO_LICENCES: LicenceCounts = { 'ip-phone': 0, 'mobile-app': 0, 'desktop-app': 0 };
export const deviceLicencesStreamId = (tenant: string): string => `device-licences-${tenant}`;

const seatOf = (extensionId: string, type: DeviceType): string => `${extensionId}/${type}`;
export const licencesUsed = (state: DeviceLicenceState, type: DeviceType): number =>
  [...state.seats].filter((s) => s.endsWith(`/${type}`)).length;

export const deviceLicenceDecider: Decider<DeviceLicenceCommand, DeviceLicenceEvent, DeviceLicenceState> = {
  initialState: () => ({ licensed: NO_LICENCES, seats: new Set() }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'DeviceLicencesSet':
        return { ...state, licensed: event.data.licences };
      case 'DeviceLicenceTaken':
        return { ...state, seats: new Set([...state.seats, seatOf(event.data.extensionId, event.data.type)]) };
      case 'DeviceLicenceReleased': {
        const seats = new Set(state.seats);
        seats.delete(seatOf(event.data.extensionId, event.data.type));
        return { ...state, seats };
      }
      default:
        return assertNever(event, 'device licence event');
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'SetDeviceLicences': {
        // Licences are sold to the occupier: the platform (billing) or the site's operator sets them, never the occupier.
        const { role } = command.metadata.principal;
        if (role === 'occupier-admin' || role === 'user')
          throw new PlatformError('FORBIDDEN', 'Only the operator or the platform sets licences');
        if (sameValue(state.licensed, command.data.licences)) return [];
        for (const type of DEVICE_PRIORITY) {
          const used = licencesUsed(state, type);
          if (command.data.licences[type] < used)
            throw ruleViolated(
              ExtensionRule.DEVICE_LICENCES_IN_USE,
              `${used} ${type} licences are in use; deactivate devices before licensing fewer than that`,
            );
        }
        return [{ type: 'DeviceLicencesSet', data: command.data }];
      }
      case 'TakeDeviceLicence': {
        const { type, extensionId } = command.data;
        if (state.seats.has(seatOf(extensionId, type))) return [];
        const used = licencesUsed(state, type);
        if (used >= state.licensed[type])
          throw ruleViolated(
            ExtensionRule.DEVICE_LICENCE_REQUIRED,
            `The occupier has ${state.licensed[type]} ${type} licences and ${used} in use: a device needs a free licence of its type`,
          );
        return [{ type: 'DeviceLicenceTaken', data: command.data }];
      }
      case 'ReleaseDeviceLicence':
        return state.seats.has(seatOf(command.data.extensionId, command.data.type))
          ? [{ type: 'DeviceLicenceReleased', data: command.data }]
          : [];
      default:
        return assertNever(command, 'device licence command');
    }
  },
};
