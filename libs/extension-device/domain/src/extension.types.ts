import type { CALL_CATEGORIES, extensionEvents } from '@tnp/extension-device-contracts';
import type { Command, EventsOf } from '@tnp/kernel';
import type { ObservedNumber } from '@tnp/number-lifecycle';

export type ExtensionType = 'normal' | 'call-group' | 'contact-centre';
export type DeviceType = 'ip-phone' | 'mobile-app' | 'desktop-app';
/** The documented default order of devices to ring when none is configured. */
export const DEVICE_PRIORITY: readonly DeviceType[] = ['ip-phone', 'mobile-app', 'desktop-app'];

export type Device = {
  readonly type: DeviceType;
  readonly deviceId: string;
  /** Set when auto-provisioning registered the IP phone's licence; otherwise the device was set up by hand. */
  readonly autoProvisioned?: { readonly deviceName: string; readonly mac: string };
};
export type Assignee = { readonly userId: string; readonly type: ExtensionType; readonly role: 'member' | 'supervisor' | 'admin' };

export type ForwardTarget = { readonly numbers: readonly string[]; readonly extensions: readonly string[] };
export type Forwarding = {
  readonly always: ForwardTarget | null;
  readonly busy: ForwardTarget | null;
  /** After three rings. */
  readonly noAnswer: ForwardTarget | null;
  /** Callers (numbers or extension keys) that are never forwarded. */
  readonly vipList: readonly string[];
};

export type CallerIdSettings = {
  readonly hide: boolean;
  readonly mode: 'fixed' | 'pick-from-list' | 'randomize';
  readonly number: string | null;
  readonly allowedNumbers: readonly string[];
  readonly transfer: { readonly internal: 'extension-key' | 'caller-number'; readonly external: 'assigned-caller-id' | 'caller-number' };
  readonly forward: { readonly internal: 'extension-key' | 'caller-number'; readonly external: 'assigned-caller-id' | 'caller-number' };
};

export type UsageLimit = { readonly type: 'unlimited' } | { readonly type: 'monthly'; readonly minutes: number };

export type AnnouncementMessage =
  | { readonly type: 'mp3'; readonly fileId: string }
  | {
      readonly type: 'tts';
      readonly language: string;
      readonly pitch: number;
      readonly rate: number;
      readonly gender: 'female' | 'male';
      readonly text: string;
    };

export type NoAnswerAction =
  | { readonly action: 'forward'; readonly forwardTo: string }
  | {
      readonly action: 'hang-up' | 'record-notify' | 'voicemail-notify';
      readonly afterSeconds: number;
      readonly notifyEmails: readonly string[];
      readonly message: AnnouncementMessage | null;
    };

/** The settings an admin (or the extension's user, for most of them) changes; all are checked together. */
export type ExtensionSettings = {
  readonly ringDevices: readonly DeviceType[] | null;
  readonly forwarding: Forwarding;
  readonly doNotDisturb: boolean;
  readonly voicemail: { readonly enabled: boolean; readonly email: string | null };
  readonly callWaiting: boolean;
  readonly authorizationCode: boolean;
  readonly callerId: CallerIdSettings;
  readonly usageLimit: UsageLimit;
  readonly noAnswer: NoAnswerAction | null;
  /** TLS encrypts the calls' signalling, STUN lets devices behind NAT reach the provider; off: UDP and TCP. */
  readonly transport: { readonly tls: boolean; readonly stun: boolean };
  /** A SIP server inside the organisation's firewall, for the desktop app only. */
  readonly localSipServer: string | null;
  /** Mapped to a gateway: every incoming call goes to this SIP account instead of the devices. */
  readonly gatewayMapping: { readonly sipAccount: string } | null;
  /** A contact-centre extension's default device to ring. */
  readonly primaryDevice: DeviceType | null;
  /** One of the occupier's outbound rules: the calls the extension may make (none: the occupier's defaults). */
  readonly outboundRule: string | null;
};

export const DEFAULT_SETTINGS: ExtensionSettings = {
  ringDevices: null,
  forwarding: { always: null, busy: null, noAnswer: null, vipList: [] },
  doNotDisturb: false,
  voicemail: { enabled: true, email: null },
  callWaiting: false,
  authorizationCode: false,
  callerId: {
    hide: false,
    mode: 'fixed',
    number: null,
    allowedNumbers: [],
    transfer: { internal: 'extension-key', external: 'assigned-caller-id' },
    forward: { internal: 'extension-key', external: 'assigned-caller-id' },
  },
  usageLimit: { type: 'unlimited' },
  noAnswer: null,
  transport: { tls: false, stun: false },
  localSipServer: null,
  gatewayMapping: null,
  primaryDevice: null,
  outboundRule: null,
};

/** The platform records voicemail messages of up to a minute. */
export const VOICEMAIL_MAX_SECONDS = 60;

export type SettingsSection = keyof ExtensionSettings;
/** What an extension's own user may change; the rest is for admins. */
export const USER_EDITABLE: ReadonlySet<SettingsSection> = new Set([
  'ringDevices',
  'forwarding',
  'doNotDisturb',
  'voicemail',
  'callWaiting',
  'noAnswer',
  'transport',
  'localSipServer',
]);

/** PINs exist only as salted hashes; the handler hashes, the decider compares and counts. */
export type PinHash = { readonly salt: string; readonly hash: string };

export type PinState = {
  readonly defaultPin: PinHash;
  readonly current: PinHash;
  readonly custom: boolean;
  readonly failedAttempts: number;
  readonly locked: boolean;
};

export type ExtensionInfo = {
  readonly label: string;
  readonly passcode: string | null;
  readonly debugMode: boolean;
  readonly hotDesking: boolean;
  /** The user's registered mobile, which may be the extension's fixed caller ID. */
  readonly registeredMobile: string | null;
};

export const DEFAULT_INFO: Pick<ExtensionInfo, 'hotDesking' | 'registeredMobile'> = { hotDesking: false, registeredMobile: null };

export type ExtensionState =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly tenant: string;
      readonly key: string;
      readonly info: ExtensionInfo;
      readonly assignee: Assignee;
      readonly number: string | null;
      readonly siteId: string | null;
      readonly pin: PinState;
      readonly devices: readonly Device[];
      readonly settings: ExtensionSettings;
      /** The device the last call was answered or made on: the default to ring when several are active. */
      readonly lastAnsweredDevice: DeviceType | null;
    };

type At = { readonly extensionId: string };

export type ExtensionCommand =
  | Command<
      'CreateExtension',
      At & {
        readonly tenant: string;
        readonly key: string;
        readonly info: ExtensionInfo;
        readonly assignee: Assignee;
        readonly number: string | null;
        readonly siteId: string | null;
        readonly defaultPin: PinHash;
      }
    >
  | Command<'UpdateExtensionInfo', At & { readonly info: ExtensionInfo }>
  | Command<'ChangePin', At & { readonly newPin: PinHash }>
  | Command<'RecordPinAttempt', At>
  | Command<'ResetPin', At>
  | Command<'ActivateDevice', At & { readonly device: Device }>
  | Command<'DeactivateDevice', At & { readonly type: DeviceType }>
  | Command<'ConfigureExtension', At & { readonly changes: Partial<ExtensionSettings> }>
  | Command<'RecordAnsweredDevice', At & { readonly device: DeviceType }>
  | Command<'RequestCallerId', At & { readonly number: string }>
  | Command<'RecordAutoProvisioning', At & { readonly deviceName: string; readonly mac: string }>
  | Command<'ClearForwarding', At & { readonly reason: 'number-deactivated' | 'number-unassigned' | 'number-deallocated' }>;

export type ExtensionEvent = EventsOf<typeof extensionEvents>;

/** A number's PIN, devices and features exist while it is active and not a main number: these commands need that. */
export const NUMBER_BOUND_COMMANDS: ReadonlySet<ExtensionCommand['type']> = new Set([
  'ConfigureExtension',
  'ResetPin',
  'ChangePin',
  'ActivateDevice',
]);

/** Facts the handler gathers before deciding. */
export type ExtensionContext = {
  /** Whether the PIN the caller typed matches the current one (for ChangePin and RecordPinAttempt). */
  readonly pinMatches?: boolean;
  /** The occupier's active numbers at the extension's site: the only caller IDs allowed. */
  readonly ownActiveNumbers?: readonly string[];
  /** Which of the forwarding targets' extension keys are call groups' (group keys). */
  readonly callGroupKeys?: readonly string[];
  /** The extension's number as this context last saw it (null: never seen); gathered for the commands that need it. */
  readonly linkedNumber?: ObservedNumber | null;
  /** The occupier's outbound rules, when a command names one or the extension is on one. */
  readonly outboundRules?: readonly OutboundRule[];
  /** The occupier's uploaded no-answer messages (file ids), when a command names one. */
  readonly announcements?: readonly string[];
};

export type CallCategory = (typeof CALL_CATEGORIES)[number];
export type OutboundRule = {
  readonly ruleId: string;
  readonly name: string;
  readonly permits: readonly CallCategory[];
  readonly passcodeFor: readonly CallCategory[];
};

/** Extension ids are the tenant's own: two tenants may use the same id, and neither sees the other's. */
export const extensionKeyOf = (tenant: string, extensionId: string): string => `${tenant}/${extensionId}`;
export const extensionStreamId = (tenant: string, extensionId: string): string => `extension-${extensionKeyOf(tenant, extensionId)}`;
export const extensionKeyClaimStreamId = (tenant: string, key: string): string => `extension-key-${tenant}-${key}`;
