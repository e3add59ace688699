import type { extensionKeyEvents } from '@tnp/extension-device-contracts';
import { assertNever, notFound, PlatformError, ruleViolated, sameValue, type Decider, type Principal, type EventsOf } from '@tnp/kernel';
import { ExtensionRule } from './extension-rules';
import {
  DEFAULT_INFO,
  DEFAULT_SETTINGS,
  DEVICE_PRIORITY,
  USER_EDITABLE,
  type DeviceType,
  type ExtensionCommand,
  type ExtensionContext,
  type ExtensionEvent,
  type ExtensionSettings,
  type ExtensionState,
  type ForwardTarget,
  type SettingsSection,
  NUMBER_BOUND_COMMANDS,
} from './extension.types';
import { isInService } from '@tnp/number-lifecycle';

export const MAX_PIN_ATTEMPTS = 3;
export const MAX_DEVICES = 3;

type Existing = Extract<ExtensionState, { exists: true }>;

export const evolveExtension = (state: ExtensionState, event: ExtensionEvent): ExtensionState => {
  if (event.type === 'ExtensionCreated') {
    const d = event.data;
    return {
      exists: true,
      tenant: d.tenant,
      key: d.key,
      info: { ...DEFAULT_INFO, ...d.info },
      assignee: d.assignee,
      number: d.number,
      siteId: d.siteId,
      pin: { defaultPin: d.defaultPin, current: d.defaultPin, custom: false, failedAttempts: 0, locked: false },
      devices: [],
      settings: DEFAULT_SETTINGS,
      lastAnsweredDevice: null,
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'ExtensionInfoUpdated':
      return { ...state, info: { ...DEFAULT_INFO, ...event.data.info } };
    case 'ExtensionPinChanged':
      return { ...state, pin: { ...state.pin, current: event.data.pin, custom: true, failedAttempts: 0 } };
    case 'ExtensionPinAttemptFailed':
      return { ...state, pin: { ...state.pin, failedAttempts: event.data.failedAttempts } };
    case 'ExtensionPinAttemptSucceeded':
      return { ...state, pin: { ...state.pin, failedAttempts: 0 } };
    case 'ExtensionPinLocked':
      return { ...state, pin: { ...state.pin, locked: true } };
    case 'ExtensionPinReset':
      return { ...state, pin: { ...state.pin, current: state.pin.defaultPin, custom: false, failedAttempts: 0, locked: false } };
    case 'ExtensionDeviceActivated':
      return { ...state, devices: [...state.devices, event.data.device] };
    case 'ExtensionDeviceDeactivated':
      return { ...state, devices: state.devices.filter((d) => d.type !== event.data.type) };
    case 'ExtensionSettingsChanged':
      return { ...state, settings: { ...state.settings, [event.data.section]: event.data.value } };
    case 'ExtensionForwardingCleared':
      return { ...state, settings: { ...state.settings, forwarding: DEFAULT_SETTINGS.forwarding } };
    case 'ExtensionCallAnswered':
      return { ...state, lastAnsweredDevice: event.data.device };
    case 'ExtensionCallerIdRequested':
      return state;
    case 'ExtensionDeviceAutoProvisioned':
      return {
        ...state,
        devices: state.devices.map((d) =>
          d.type === 'ip-phone' ? { ...d, autoProvisioned: { deviceName: event.data.deviceName, mac: event.data.mac } } : d,
        ),
      };
    default:
      return assertNever(event, 'extension event');
  }
};

export const decideExtension = (command: ExtensionCommand, state: ExtensionState, context: ExtensionContext): ExtensionEvent[] => {
  const { extensionId } = command.data;
  const principal = command.metadata.principal;
  if (command.type === 'CreateExtension') {
    if (state.exists) {
      if (state.tenant === command.data.tenant && state.key === command.data.key) return [];
      throw ruleViolated(ExtensionRule.EXTENSION_EXISTS, `Extension ${extensionId} already exists`);
    }
    assertAdminOf(principal, command.data.tenant);
    return [{ type: 'ExtensionCreated', data: command.data }];
  }
  if (!state.exists) throw notFound(`Extension ${extensionId} does not exist`);
  if (NUMBER_BOUND_COMMANDS.has(command.type)) assertNumberInService(state, context);
  switch (command.type) {
    case 'UpdateExtensionInfo':
      assertAdminOf(principal, state.tenant);
      if (!command.data.info.passcode) assertPasscodeNotNeeded(state.settings.outboundRule, context);
      return sameValue(state.info, command.data.info) ? [] : [{ type: 'ExtensionInfoUpdated', data: command.data }];

    case 'ChangePin': {
      assertSelfOrAdmin(principal, state);
      if (state.pin.locked)
        throw ruleViolated(ExtensionRule.PIN_LOCKED, 'The PIN is locked after three wrong attempts; an admin must reset it');
      if (!context.pinMatches) return failedAttempt(state, extensionId);
      return [{ type: 'ExtensionPinChanged', data: { extensionId, pin: command.data.newPin } }];
    }

    case 'RecordPinAttempt':
      assertSelfOrAdmin(principal, state);
      if (state.pin.locked)
        throw ruleViolated(ExtensionRule.PIN_LOCKED, 'The PIN is locked after three wrong attempts; an admin must reset it');
      if (!context.pinMatches) return failedAttempt(state, extensionId);
      return state.pin.failedAttempts > 0 ? [{ type: 'ExtensionPinAttemptSucceeded', data: { extensionId } }] : [];

    case 'ResetPin':
      assertAdminOf(principal, state.tenant);
      return [{ type: 'ExtensionPinReset', data: { extensionId } }];

    case 'ActivateDevice': {
      assertAdminOf(principal, state.tenant);
      const { device } = command.data;
      const same = state.devices.find((d) => d.type === device.type);
      if (same?.deviceId === device.deviceId) return [];
      if (state.devices.length >= MAX_DEVICES)
        throw ruleViolated(ExtensionRule.DEVICE_LIMIT, `A user activates at most ${MAX_DEVICES} devices`);
      if (same) throw ruleViolated(ExtensionRule.DEVICE_TYPE_ALREADY_ACTIVE, `A ${device.type} is already activated; deactivate it first`);
      return [{ type: 'ExtensionDeviceActivated', data: command.data }];
    }

    case 'DeactivateDevice': {
      assertAdminOf(principal, state.tenant);
      if (!state.devices.some((d) => d.type === command.data.type)) return [];
      const events: ExtensionEvent[] = [{ type: 'ExtensionDeviceDeactivated', data: command.data }];
      const ring = state.settings.ringDevices;
      if (ring?.includes(command.data.type)) {
        const remaining = ring.filter((t) => t !== command.data.type);
        events.push({
          type: 'ExtensionSettingsChanged',
          data: { extensionId, section: 'ringDevices', value: remaining.length > 0 ? remaining : null },
        });
      }
      // Settings that only mean something with the device go with it.
      if (state.settings.primaryDevice === command.data.type)
        events.push({ type: 'ExtensionSettingsChanged', data: { extensionId, section: 'primaryDevice', value: null } });
      if (command.data.type === 'desktop-app' && state.settings.localSipServer)
        events.push({ type: 'ExtensionSettingsChanged', data: { extensionId, section: 'localSipServer', value: null } });
      return events;
    }

    case 'ConfigureExtension': {
      const sections = Object.keys(command.data.changes) as SettingsSection[];
      assertMayConfigure(principal, state, command.data.changes);
      const merged: ExtensionSettings = { ...state.settings, ...command.data.changes };
      assertSettings(merged, state, sections, context);
      return sections
        .filter((section) => !sameValue(state.settings[section], merged[section]))
        .map((section) => ({ type: 'ExtensionSettingsChanged', data: { extensionId, section, value: merged[section] } }));
    }

    case 'RecordAnsweredDevice': {
      if (!state.devices.some((d) => d.type === command.data.device))
        throw ruleViolated(ExtensionRule.DEVICE_NOT_ACTIVATED, `No ${command.data.device} is activated on this extension`);
      return state.lastAnsweredDevice === command.data.device ? [] : [{ type: 'ExtensionCallAnswered', data: command.data }];
    }

    case 'RequestCallerId':
      assertSelfOrAdmin(principal, state);
      return [{ type: 'ExtensionCallerIdRequested', data: command.data }];

    case 'RecordAutoProvisioning': {
      const phone = state.devices.find((d) => d.type === 'ip-phone');
      if (!phone) throw ruleViolated(ExtensionRule.DEVICE_NOT_ACTIVATED, 'Auto-provisioning registers an IP phone: activate one first');
      const { deviceName, mac } = command.data;
      if (phone.autoProvisioned?.deviceName === deviceName && phone.autoProvisioned.mac === mac) return [];
      return [{ type: 'ExtensionDeviceAutoProvisioned', data: command.data }];
    }

    case 'ClearForwarding': {
      const f = state.settings.forwarding;
      return f.always || f.busy || f.noAnswer ? [{ type: 'ExtensionForwardingCleared', data: command.data }] : [];
    }

    default:
      return assertNever(command, 'extension command');
  }
};

/** A rule that asks for the passcode on some calls needs the extension to have one. */
const assertPasscodeNotNeeded = (ruleId: string | null, context: ExtensionContext): void => {
  const rule = ruleId ? context.outboundRules?.find((r) => r.ruleId === ruleId) : undefined;
  if (rule && rule.passcodeFor.length > 0)
    throw ruleViolated(
      ExtensionRule.PASSCODE_REQUIRED_BY_RULE,
      `Outbound rule ${rule.ruleId} asks for the passcode on ${rule.passcodeFor.join(', ')} calls: the extension needs a passcode`,
    );
};

/** An extension on a number: the number must be in service and not a main number (an extension without one has no such limit). */
const assertNumberInService = (state: Existing, context: ExtensionContext): void => {
  if (!state.number) return;
  const observed = context.linkedNumber ?? null;
  if (!isInService(observed))
    throw ruleViolated(
      ExtensionRule.NUMBER_NOT_ACTIVE,
      `${state.number} is ${observed?.status ?? 'not known here yet'}; a number's PIN, devices and features change only while it is active`,
    );
  if (observed?.isMain)
    throw ruleViolated(
      ExtensionRule.MAIN_NUMBER_NO_EXTENSION,
      `${state.number} is a main number; main numbers have no PIN, devices or features`,
    );
};

/**
 * The devices that ring: none when the extension is mapped to a gateway (its SIP account takes
 * every call); as configured; else a contact-centre extension's primary device; else the device
 * the last call was answered on; else the first activated one in the documented priority.
 */
export const effectiveRingDevices = (state: Existing): DeviceType[] => {
  const settings = { ...DEFAULT_SETTINGS, ...state.settings };
  if (settings.gatewayMapping) return [];
  if (settings.ringDevices) return [...settings.ringDevices];
  const active = (type: DeviceType | null | undefined): type is DeviceType => !!type && state.devices.some((d) => d.type === type);
  if (state.assignee.type === 'contact-centre' && active(settings.primaryDevice)) return [settings.primaryDevice];
  if (active(state.lastAnsweredDevice)) return [state.lastAnsweredDevice];
  const first = DEVICE_PRIORITY.find(active);
  return first ? [first] : [];
};

/** A refusal to report after recording a failed PIN attempt (the attempt itself must be stored). */
export const pinRefusalOf = (events: readonly ExtensionEvent[]): PlatformError | undefined => {
  if (events.some((e) => e.type === 'ExtensionPinLocked'))
    return ruleViolated(ExtensionRule.PIN_LOCKED, 'Wrong PIN; the PIN is now locked until an admin resets it');
  const failed = events.find((e) => e.type === 'ExtensionPinAttemptFailed');
  if (failed) return ruleViolated(ExtensionRule.PIN_INCORRECT, `Wrong PIN (attempt ${failed.data.failedAttempts} of ${MAX_PIN_ATTEMPTS})`);
  return undefined;
};

const failedAttempt = (state: Existing, extensionId: string): ExtensionEvent[] => {
  const failedAttempts = state.pin.failedAttempts + 1;
  const events: ExtensionEvent[] = [{ type: 'ExtensionPinAttemptFailed', data: { extensionId, failedAttempts } }];
  if (failedAttempts >= MAX_PIN_ATTEMPTS) events.push({ type: 'ExtensionPinLocked', data: { extensionId } });
  return events;
};

const assertAdminOf = (principal: Principal, tenant: string): void => {
  if (principal.role === 'platform' || principal.role === 'system') return;
  if (principal.role === 'occupier-admin' && principal.tenantId === tenant) return;
  throw new PlatformError('FORBIDDEN', 'Only the occupier’s admins may do this');
};

const assertSelfOrAdmin = (principal: Principal, state: Existing): void => {
  if (principal.role === 'user' && principal.tenantId === state.tenant && principal.id === state.assignee.userId) return;
  assertAdminOf(principal, state.tenant);
};

/**
 * Admins change every section; the extension's user the user-editable ones, and its caller ID
 * only by picking one of the numbers its admin assigned it (pick-from-list mode).
 */
const assertMayConfigure = (principal: Principal, state: Existing, changes: Partial<ExtensionSettings>): void => {
  if (principal.role !== 'user') return assertAdminOf(principal, state.tenant);
  assertSelfOrAdmin(principal, state);
  const sections = Object.keys(changes) as SettingsSection[];
  const adminOnly = sections.filter((s) => !USER_EDITABLE.has(s) && !(s === 'callerId' && isPickFromList(state, changes.callerId)));
  if (adminOnly.length > 0) throw new PlatformError('FORBIDDEN', `Only admins may change ${adminOnly.join(', ')}`);
};

/** A user's caller-ID change that only picks a number from the list its admin assigned. */
const isPickFromList = (state: Existing, callerId: ExtensionSettings['callerId'] | undefined): boolean => {
  const current = state.settings.callerId;
  if (!callerId || current.mode !== 'pick-from-list') return false;
  if (!sameValue({ ...callerId, number: null }, { ...current, number: null }))
    throw ruleViolated(ExtensionRule.CLI_NOT_CHOSEN_FROM_LIST, 'Users only pick their caller ID from the list their admin assigned');
  return true;
};

const forwardTargets = (settings: ExtensionSettings): ForwardTarget[] =>
  [settings.forwarding.always, settings.forwarding.busy, settings.forwarding.noAnswer].filter((t): t is ForwardTarget => t !== null);

const assertSettings = (
  settings: ExtensionSettings,
  state: Existing,
  changed: readonly SettingsSection[],
  context: ExtensionContext,
): void => {
  const type = state.assignee.type;
  const touched = new Set(changed);
  if (settings.ringDevices) {
    const missing = settings.ringDevices.filter((t) => !state.devices.some((d) => d.type === t));
    if (missing.length > 0) throw ruleViolated(ExtensionRule.RING_DEVICE_NOT_ACTIVATED, `Not activated: ${missing.join(', ')}`);
    const max = type === 'normal' ? MAX_DEVICES : 1;
    if (settings.ringDevices.length > max || (type !== 'normal' && settings.ringDevices.length !== 1)) {
      throw ruleViolated(
        ExtensionRule.RING_DEVICES_LIMIT,
        type === 'normal' ? 'A normal extension rings up to 3 devices' : `A ${type} extension rings exactly one device`,
      );
    }
  }
  const targets = forwardTargets(settings);
  if (targets.length > 0 && settings.authorizationCode) {
    throw ruleViolated(
      ExtensionRule.FORWARDING_DISABLED_BY_AUTH_CODE,
      'Call forwarding is disabled while an authorization code is enabled',
    );
  }
  for (const target of targets) {
    if (target.numbers.length > 1)
      throw ruleViolated(ExtensionRule.FORWARD_ONE_EXTERNAL_NUMBER, 'Calls forward to at most one external number (and any extensions)');
    if (type === 'call-group' && target.numbers.length + target.extensions.length > 1) {
      throw ruleViolated(ExtensionRule.CALL_GROUP_SINGLE_DESTINATION, 'An extension in a call group forwards to one destination only');
    }
    if (touched.has('forwarding') && target.extensions.filter((key) => context.callGroupKeys?.includes(key)).length > 1) {
      throw ruleViolated(ExtensionRule.ONE_CALL_GROUP_KEY, 'Calls forward to at most one call group’s group key');
    }
  }
  if (settings.forwarding.busy && settings.callWaiting) {
    throw ruleViolated(
      ExtensionRule.BUSY_FORWARDING_WITH_CALL_WAITING,
      'Busy forwarding and call waiting cannot both be on: a busy line either waits or redirects',
    );
  }
  if (type !== 'normal') {
    if (touched.has('callWaiting') && settings.callWaiting)
      throw ruleViolated(ExtensionRule.NORMAL_EXTENSION_ONLY, 'Call waiting is for normal extensions only');
    if (touched.has('usageLimit') && settings.usageLimit.type !== 'unlimited')
      throw ruleViolated(ExtensionRule.NORMAL_EXTENSION_ONLY, 'Usage limits are for normal extensions only');
    if (touched.has('noAnswer') && settings.noAnswer)
      throw ruleViolated(ExtensionRule.NORMAL_EXTENSION_ONLY, 'No-answer actions are for normal extensions only');
  }
  if (touched.has('localSipServer') && settings.localSipServer && !state.devices.some((d) => d.type === 'desktop-app'))
    throw ruleViolated(ExtensionRule.LOCAL_SIP_SERVER_DESKTOP_ONLY, 'A local SIP server is for the desktop app only: activate it first');
  if (touched.has('primaryDevice') && settings.primaryDevice) {
    if (type !== 'contact-centre')
      throw ruleViolated(ExtensionRule.PRIMARY_DEVICE_CONTACT_CENTRE_ONLY, 'A primary device is for contact-centre extensions only');
    if (!state.devices.some((d) => d.type === settings.primaryDevice))
      throw ruleViolated(ExtensionRule.DEVICE_NOT_ACTIVATED, `No ${settings.primaryDevice} is activated on this extension`);
  }
  if (touched.has('outboundRule') && settings.outboundRule) {
    if (!context.outboundRules?.some((r) => r.ruleId === settings.outboundRule))
      throw ruleViolated(ExtensionRule.OUTBOUND_RULE_NOT_FOUND, `The occupier has no outbound rule ${settings.outboundRule}`);
    if (!state.info.passcode) assertPasscodeNotNeeded(settings.outboundRule, context);
  }
  const message = settings.noAnswer && 'message' in settings.noAnswer ? settings.noAnswer.message : null;
  if (touched.has('noAnswer') && message?.type === 'mp3' && !context.announcements?.includes(message.fileId))
    throw ruleViolated(ExtensionRule.ANNOUNCEMENT_NOT_FOUND, `No MP3 message ${message.fileId} was uploaded for the occupier`);
  if (touched.has('callerId')) {
    // The occupier's own active numbers at the site, and the user's registered mobile.
    const own = new Set([...(context.ownActiveNumbers ?? []), ...(state.info.registeredMobile ? [state.info.registeredMobile] : [])]);
    const { callerId } = settings;
    const foreign = [...callerId.allowedNumbers, ...(callerId.number ? [callerId.number] : [])].filter((n) => !own.has(n));
    if (foreign.length > 0)
      throw ruleViolated(ExtensionRule.CLI_NOT_OWN_NUMBER, `Not an active number of the occupier at this site: ${foreign.join(', ')}`);
    if (callerId.mode === 'pick-from-list' && callerId.number && !callerId.allowedNumbers.includes(callerId.number)) {
      throw ruleViolated(ExtensionRule.CLI_NOT_IN_ASSIGNED_LIST, `${callerId.number} is not in the caller IDs assigned to this user`);
    }
  }
};

export const extensionDecider: Decider<ExtensionCommand, ExtensionEvent, ExtensionState, ExtensionContext> = {
  initialState: () => ({ exists: false }),
  evolve: evolveExtension,
  decide: decideExtension,
};

/** Extension keys are unique per occupier: one tiny stream per key records who holds it. */
export type ExtensionKeyEvent = EventsOf<typeof extensionKeyEvents>;
export type ExtensionKeyCommand = {
  readonly type: 'ClaimExtensionKey';
  readonly data: ExtensionKeyEvent['data'];
  readonly metadata: ExtensionCommand['metadata'];
};

export const extensionKeyDecider: Decider<ExtensionKeyCommand, ExtensionKeyEvent, { readonly holder: string | null }> = {
  initialState: () => ({ holder: null }),
  evolve: (_state, event) => ({ holder: event.data.extensionId }),
  decide: (command, state) => {
    if (state.holder === command.data.extensionId) return [];
    if (state.holder !== null) throw ruleViolated(ExtensionRule.EXTENSION_KEY_TAKEN, `Extension key ${command.data.key} is taken`);
    return [{ type: 'ExtensionKeyClaimed', data: command.data }];
  },
};
