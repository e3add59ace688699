import { z } from 'zod';
import { CALL_CATEGORIES } from './extension-device.schemas';

/** What extension-device answers, as the REST API documents it (see number-inventory's responses.schemas.ts). */
const int = z.number().int();
const eventIds = z.array(z.string()).describe('The ids of the events appended (none for a no-op)');
const deviceType = z.enum(['ip-phone', 'mobile-app', 'desktop-app']);

export const extensionOutcomeSchema = z.object({ id: z.string(), eventIds });
export const createExtensionResultSchema = extensionOutcomeSchema.extend({
  defaultPin: z.string().describe('The extension’s default PIN, shown once: the user changes it at first use'),
});

const forwardTarget = z.object({ numbers: z.array(z.string()), extensions: z.array(z.string()) });
const callerIdChoices = z.object({
  internal: z.enum(['extension-key', 'caller-number']),
  external: z.enum(['assigned-caller-id', 'caller-number']),
});
const announcement = z.discriminatedUnion('type', [
  z.object({ type: z.literal('mp3'), fileId: z.string() }),
  z.object({ type: z.literal('tts'), language: z.string(), pitch: int, rate: int, gender: z.enum(['female', 'male']), text: z.string() }),
]);

export const extensionSettingsViewSchema = z.object({
  ringDevices: z.array(deviceType).nullable(),
  forwarding: z.object({
    always: forwardTarget.nullable(),
    busy: forwardTarget.nullable(),
    noAnswer: forwardTarget.nullable(),
    vipList: z.array(z.string()),
  }),
  doNotDisturb: z.boolean(),
  voicemail: z.object({ enabled: z.boolean(), email: z.string().nullable() }),
  callWaiting: z.boolean(),
  authorizationCode: z.boolean(),
  callerId: z.object({
    hide: z.boolean(),
    mode: z.enum(['fixed', 'pick-from-list', 'randomize']),
    number: z.string().nullable(),
    allowedNumbers: z.array(z.string()),
    transfer: callerIdChoices,
    forward: callerIdChoices,
  }),
  usageLimit: z.discriminatedUnion('type', [
    z.object({ type: z.literal('unlimited') }),
    z.object({ type: z.literal('monthly'), minutes: int }),
  ]),
  noAnswer: z
    .union([
      z.object({ action: z.literal('forward'), forwardTo: z.string() }),
      z.object({
        action: z.enum(['hang-up', 'record-notify', 'voicemail-notify']),
        afterSeconds: int,
        notifyEmails: z.array(z.string()),
        message: announcement.nullable(),
      }),
    ])
    .nullable(),
  transport: z.object({ tls: z.boolean(), stun: z.boolean() }),
  localSipServer: z.string().nullable(),
  gatewayMapping: z.object({ sipAccount: z.string() }).nullable(),
  primaryDevice: deviceType.nullable(),
  outboundRule: z.string().nullable(),
});

export const extensionViewSchema = z.object({
  extensionId: z.string(),
  tenant: z.string(),
  key: z.string(),
  info: z.object({
    label: z.string(),
    passcode: z.string().nullable(),
    debugMode: z.boolean(),
    hotDesking: z.boolean(),
    registeredMobile: z.string().nullable(),
  }),
  assignee: z.object({
    userId: z.string(),
    type: z.enum(['normal', 'call-group', 'contact-centre']),
    role: z.enum(['member', 'supervisor', 'admin']),
  }),
  number: z.string().nullable(),
  siteId: z.string().nullable(),
  pin: z.object({
    status: z.enum(['default', 'custom', 'locked']),
    failedAttempts: int,
    defaultPin: z.string().nullable().describe('Shown to administrators while the PIN is still the default; null otherwise'),
  }),
  devices: z.array(
    z.object({
      type: deviceType,
      deviceId: z.string(),
      status: z.string().describe('manual, or "<device name> - <MAC address>" once auto-provisioning registered the IP phone'),
    }),
  ),
  ringing: z.array(deviceType).describe('The devices that ring (none when a gateway’s SIP account takes the calls)'),
  lastAnsweredDevice: deviceType.nullable(),
  settings: extensionSettingsViewSchema,
  voicemailMaxSeconds: int.describe('The longest voicemail message recorded'),
  handset: z.string().nullable(),
});

export const myProfileViewSchema = z.object({ extensions: z.array(extensionViewSchema) });
export const extensionListSchema = myProfileViewSchema;
export const siteHandsetsSchema = z.object({
  siteId: z.string(),
  handsets: z.array(z.object({ phoneId: z.string(), number: z.string() })),
});

export const usageViewSchema = z.strictObject({
  extensionId: z.string(),
  timeZone: z.string(),
  period: z.string().describe('YYYY-MM in the occupier’s time zone'),
  startsAt: z.string(),
  resetsAt: z.string().describe('00:00 on the first day of the next month in the occupier’s time zone, as an instant'),
  usedMinutes: z.number(),
  limit: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('unlimited') }),
    z.strictObject({ type: z.literal('monthly'), minutes: z.number() }),
  ]),
  remainingMinutes: z.number().nullable(),
  limitReached: z.boolean(),
});
export type UsageView = z.infer<typeof usageViewSchema>;

export const deviceLicencesViewSchema = z.strictObject({
  occupierId: z.string(),
  licences: z.array(
    z.strictObject({
      type: deviceType,
      licensed: z.number(),
      used: z.number().describe('Devices activated on a licence of this type'),
      free: z.number(),
    }),
  ),
});
export type DeviceLicencesView = z.infer<typeof deviceLicencesViewSchema>;

const callCategory = z.enum(CALL_CATEGORIES);
export const outboundRuleListSchema = z.strictObject({
  occupierId: z.string(),
  rules: z.array(
    z.strictObject({ ruleId: z.string(), name: z.string(), permits: z.array(callCategory), passcodeFor: z.array(callCategory) }),
  ),
});
export type OutboundRuleList = z.infer<typeof outboundRuleListSchema>;
export const announcementUploadedSchema = z.strictObject({
  tenant: z.string(),
  fileId: z.string(),
  contentType: z.literal('audio/mpeg'),
  bytes: z.number(),
  sha256: z.string(),
  eventIds,
});
