import { z } from 'zod';
import { text } from '@tnp/kernel';

export const SERVICE = 'extension-device';

const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1-64 letters, digits, dot, dash or underscore');
const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number: + then 7 to 15 digits, no spaces');
const extensionKey = z.string().regex(/^\d{2,8}$/, 'an extension key is 2 to 8 digits');
const pinDigits = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');
const deviceType = z.enum(['ip-phone', 'mobile-app', 'desktop-app']);
/** RFC 5321's longest address. */
const email = z.email().max(254);

export const createExtensionSchema = z.strictObject({
  occupierId: slug,
  extensionId: slug,
  key: extensionKey,
  label: text({ max: 60, min: 1 }),
  passcode: z
    .string()
    .regex(/^\d{1,12}$/, 'digits only')
    .nullable()
    .default(null),
  debugMode: z.boolean().default(false),
  hotDesking: z.boolean().default(false).describe('Whether the number may log in to shared handsets'),
  registeredMobile: e164.nullable().default(null).describe('The user’s registered mobile, usable as the fixed caller ID'),
  assignee: z.strictObject({
    userId: slug,
    type: z.enum(['normal', 'call-group', 'contact-centre']).default('normal'),
    role: z.enum(['member', 'supervisor', 'admin']).default('member'),
  }),
  number: e164.nullable().default(null),
});

export const updateExtensionInfoSchema = z.strictObject({
  extensionId: slug,
  label: text({ max: 60, min: 1 }),
  passcode: z
    .string()
    .regex(/^\d{1,12}$/, 'digits only')
    .nullable()
    .default(null),
  debugMode: z.boolean().default(false),
  hotDesking: z.boolean().default(false).describe('Whether the number may log in to shared handsets'),
  registeredMobile: e164.nullable().default(null).describe('The user’s registered mobile, usable as the fixed caller ID'),
});

export const changePinSchema = z
  .strictObject({ extensionId: slug, currentPin: pinDigits, newPin: pinDigits })
  .refine((v) => v.newPin !== v.currentPin, { path: ['newPin'], message: 'must differ from the current PIN' })
  .refine((v) => !/^(\d)\1+$/.test(v.newPin), { path: ['newPin'], message: 'must not repeat one digit' });
export const verifyPinSchema = z.strictObject({ extensionId: slug, pin: pinDigits });
const instant = z.iso.datetime({ offset: true }).max(40);

/** A call's minutes, as a call-detail record reports them; sent again with the same callId it counts once. */
export const recordUsageSchema = z.strictObject({
  occupierId: slug,
  extensionId: slug,
  callId: slug.describe('The call-detail record’s id'),
  minutes: z.number().positive().max(1440),
  endedAt: instant,
});

export const setTimeZoneSchema = z.strictObject({
  occupierId: slug,
  timeZone: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/, 'an IANA time zone, for example Europe/London')
    .max(64),
});

const licenceCount = z.number().int().min(0).max(100_000);
/** The occupier's device licences, as sold: every device activated takes one of its type. */
export const setDeviceLicencesSchema = z.strictObject({
  occupierId: slug,
  licences: z.strictObject({ 'ip-phone': licenceCount, 'mobile-app': licenceCount, 'desktop-app': licenceCount }),
});
export const getDeviceLicencesSchema = z.strictObject({ occupierId: slug });

/** The kinds of calls an outbound rule permits, and may ask the extension's passcode for. */
export const CALL_CATEGORIES = ['internal', 'local', 'national', 'mobile', 'international', 'premium'] as const;
const callCategory = z.enum(CALL_CATEGORIES);
/** An outbound rule: the kinds of calls it permits, and those that ask for the extension's passcode first. */
export const defineOutboundRuleSchema = z
  .strictObject({
    occupierId: slug,
    ruleId: slug,
    name: text({ max: 60, min: 1 }),
    permits: z.array(callCategory).min(1).max(6),
    passcodeFor: z.array(callCategory).max(6).default([]),
  })
  .refine((r) => new Set(r.permits).size === r.permits.length, { path: ['permits'], message: 'name each kind of call once' })
  .refine((r) => r.passcodeFor.every((c) => r.permits.includes(c)), {
    path: ['passcodeFor'],
    message: 'a passcode is asked only for calls the rule permits',
  });
export const listOutboundRulesSchema = z.strictObject({ occupierId: slug });

/** The no-answer message as an MP3 file: checked from its content, at most this size. */
export const MAX_ANNOUNCEMENT_BYTES = 512 * 1024;
export const uploadAnnouncementSchema = z.strictObject({
  occupierId: slug,
  fileId: slug,
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil((MAX_ANNOUNCEMENT_BYTES * 4) / 3) + 4, `the MP3 file may be at most ${MAX_ANNOUNCEMENT_BYTES} bytes`),
});

export const getUsageSchema = z.strictObject({
  occupierId: slug,
  extensionId: slug,
  /** The instant whose period to show; now by default. */
  at: instant.optional(),
});

export const recordAnsweredDeviceSchema = z.strictObject({ occupierId: slug, extensionId: slug, device: deviceType });
export const requestCallerIdSchema = z.strictObject({ extensionId: slug, number: e164 });
export const recordAutoProvisioningSchema = z.strictObject({
  occupierId: slug,
  extensionId: slug,
  deviceName: text({ max: 80, min: 1 }),
  mac: z.string().regex(/^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$/, 'a MAC address, six pairs of hex digits'),
});

export const extensionOnlySchema = z.strictObject({ extensionId: slug });
/** Extensions are looked up among one tenant's own. */
export const getExtensionSchema = z.strictObject({ tenant: slug, extensionId: slug });
export const activateDeviceSchema = z.strictObject({ extensionId: slug, type: deviceType, deviceId: text({ max: 64, min: 1 }) });
export const deactivateDeviceSchema = z.strictObject({ extensionId: slug, type: deviceType });

const forwardTarget = z
  .strictObject({ numbers: z.array(e164).max(5).default([]), extensions: z.array(extensionKey).max(50).default([]) })
  .refine((t) => t.numbers.length + t.extensions.length > 0, { message: 'name at least one number or extension' });
const callerIdChoice = z.enum(['extension-key', 'caller-number']);
const externalChoice = z.enum(['assigned-caller-id', 'caller-number']);
const message = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('mp3'), fileId: slug }),
  z.strictObject({
    type: z.literal('tts'),
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a language tag such as en or en-GB'),
    pitch: z.number().int().min(0).max(9),
    rate: z.number().int().min(0).max(9),
    gender: z.enum(['female', 'male']),
    text: text({ max: 500, min: 1, multiline: true }),
  }),
]);

export const settingsChangesSchema = z
  .strictObject({
    ringDevices: z.array(deviceType).min(1).max(3).nullable(),
    forwarding: z.strictObject({
      always: forwardTarget.nullable().default(null),
      busy: forwardTarget.nullable().default(null),
      noAnswer: forwardTarget.nullable().default(null),
      vipList: z
        .array(z.union([e164, extensionKey]))
        .max(100)
        .default([]),
    }),
    doNotDisturb: z.boolean(),
    voicemail: z.strictObject({ enabled: z.boolean(), email: email.nullable().default(null) }),
    callWaiting: z.boolean(),
    authorizationCode: z.boolean(),
    callerId: z.strictObject({
      hide: z.boolean().default(false),
      mode: z.enum(['fixed', 'pick-from-list', 'randomize']).default('fixed'),
      number: e164.nullable().default(null),
      allowedNumbers: z.array(e164).max(50).default([]),
      transfer: z
        .strictObject({ internal: callerIdChoice, external: externalChoice })
        .default({ internal: 'extension-key', external: 'assigned-caller-id' }),
      forward: z
        .strictObject({ internal: callerIdChoice, external: externalChoice })
        .default({ internal: 'extension-key', external: 'assigned-caller-id' }),
    }),
    usageLimit: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('unlimited') }),
      z.strictObject({ type: z.literal('monthly'), minutes: z.number().int().min(1).max(44_640) }),
    ]),
    noAnswer: z
      .discriminatedUnion('action', [
        z.strictObject({ action: z.literal('forward'), forwardTo: e164 }),
        z.strictObject({
          action: z.enum(['hang-up', 'record-notify', 'voicemail-notify']),
          afterSeconds: z.number().int().min(5).max(60),
          notifyEmails: z.array(email).max(5).default([]),
          message: message.nullable().default(null),
        }),
      ])
      .nullable(),
    transport: z.strictObject({ tls: z.boolean(), stun: z.boolean() }),
    localSipServer: z
      .union([z.ipv4(), z.ipv6()])
      .nullable()
      .describe('The IP address of a SIP server inside the firewall (desktop app only)'),
    gatewayMapping: z.strictObject({ sipAccount: slug }).nullable().describe('Every incoming call goes to this SIP account of a gateway'),
    primaryDevice: deviceType.nullable().describe('A contact-centre extension’s default device to ring'),
    outboundRule: slug.nullable().describe('One of the occupier’s outbound rules: the calls the extension may make'),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, { message: 'change at least one setting' });

export const configureExtensionSchema = z.strictObject({ extensionId: slug, changes: settingsChangesSchema });
export const loginHandsetSchema = z.strictObject({
  number: e164,
  phoneId: z.string().regex(/^[A-Za-z0-9-]{1,32}$/, '1-32 letters, digits or dashes'),
  evict: z.boolean().default(false),
});
export const logoutHandsetSchema = z.strictObject({ number: e164 });
export const listSiteHandsetsSchema = z.strictObject({ siteId: slug });
export const myProfileSchema = z.strictObject({ occupierId: slug, userId: slug });
/** The occupier's extensions, for the portal's extension selectors. */
export const listExtensionsSchema = z.strictObject({ occupierId: slug });

export const ExtensionCommands = {
  createExtension: 'create-extension',
  updateExtensionInfo: 'update-extension-info',
  changePin: 'change-pin',
  verifyPin: 'verify-pin',
  resetPin: 'reset-pin',
  activateDevice: 'activate-device',
  deactivateDevice: 'deactivate-device',
  configureExtension: 'configure-extension',
  loginHandset: 'login-handset',
  logoutHandset: 'logout-handset',
  recordUsage: 'record-usage',
  recordAnsweredDevice: 'record-answered-device',
  requestCallerId: 'request-caller-id',
  recordAutoProvisioning: 'record-auto-provisioning',
  setTimeZone: 'set-time-zone',
  setDeviceLicences: 'set-device-licences',
  defineOutboundRule: 'define-outbound-rule',
  uploadAnnouncement: 'upload-announcement',
} as const;
export const ExtensionQueries = {
  getExtension: 'get-extension',
  defaultPin: 'default-pin',
  listSiteHandsets: 'list-site-handsets',
  myProfile: 'my-profile',
  listExtensions: 'list-extensions',
  getUsage: 'get-usage',
  getDeviceLicences: 'get-device-licences',
  listOutboundRules: 'list-outbound-rules',
} as const;

export type ExtensionCommandName = (typeof ExtensionCommands)[keyof typeof ExtensionCommands];
const withPrefix = (prefix: string, subject: string): string => (prefix ? `${prefix}.${subject}` : subject);
export const extensionCommandSubject = (name: ExtensionCommandName, prefix = ''): string => withPrefix(prefix, `cmd.${SERVICE}.${name}`);
export const extensionQuerySubject = (name: (typeof ExtensionQueries)[keyof typeof ExtensionQueries], prefix = ''): string =>
  withPrefix(prefix, `qry.${SERVICE}.${name}`);
