import { z } from 'zod';
import { eventDefinition, type EventCatalogue } from '@tnp/kernel';
import { OBSERVED_EXAMPLE, observedNumberSchema } from '@tnp/number-lifecycle';
import { CALL_CATEGORIES, SERVICE } from './extension-device.schemas';

const extensionType = z.enum(['normal', 'call-group', 'contact-centre']);
const deviceType = z.enum(['ip-phone', 'mobile-app', 'desktop-app']);
/** PINs exist only as salted hashes, in events as everywhere. */
const pinHash = z.object({ salt: z.string(), hash: z.string() });
const info = z.object({
  label: z.string(),
  passcode: z.string().nullable(),
  debugMode: z.boolean(),
  hotDesking: z.boolean().optional().describe('Whether the extension’s number may log in to shared handsets (absent: off)'),
  registeredMobile: z.string().nullable().optional().describe('The user’s registered mobile number (E.164), usable as caller ID'),
});
const assignee = z.object({ userId: z.string(), type: extensionType, role: z.enum(['member', 'supervisor', 'admin']) });
const device = z.object({ type: deviceType, deviceId: z.string() });
const SETTINGS_SECTIONS = [
  'ringDevices',
  'forwarding',
  'doNotDisturb',
  'voicemail',
  'callWaiting',
  'authorizationCode',
  'callerId',
  'usageLimit',
  'noAnswer',
] as const;
/** Sections added in ExtensionSettingsChanged v2. */
const SETTINGS_SECTIONS_V2 = [...SETTINGS_SECTIONS, 'transport', 'localSipServer', 'gatewayMapping', 'primaryDevice'] as const;
/** Sections added in ExtensionSettingsChanged v3. */
const SETTINGS_SECTIONS_V3 = [...SETTINGS_SECTIONS_V2, 'outboundRule'] as const;

const at = { extensionId: z.string() };
const X = { extensionId: 'reception' };
const PIN = { salt: '9f2c6a1e', hash: 'c0ffee'.repeat(8) };

export const extensionEvents = {
  ExtensionCreated: eventDefinition(
    z.object({
      ...at,
      tenant: z.string(),
      key: z.string().describe('The extension key users dial (2-8 digits), unique per tenant'),
      info,
      assignee,
      number: z.string().nullable(),
      siteId: z.string().nullable(),
      defaultPin: pinHash,
    }),
    {
      summary: 'An extension was created for a user, with a default PIN (stored hashed).',
      example: {
        ...X,
        tenant: 'acme',
        key: '201',
        info: { label: 'Reception', passcode: null, debugMode: false },
        assignee: { userId: 'ada', type: 'normal', role: 'member' },
        number: '+442071230001',
        siteId: 'lon-1',
        defaultPin: PIN,
      },
    },
  ),
  ExtensionInfoUpdated: eventDefinition(z.object({ ...at, info }), {
    summary: 'The extension’s label, passcode or debug mode changed.',
    example: { ...X, info: { label: 'Front desk', passcode: null, debugMode: false } },
  }),
  ExtensionPinChanged: eventDefinition(z.object({ ...at, pin: pinHash }), { summary: 'The PIN changed.', example: { ...X, pin: PIN } }),
  ExtensionPinAttemptFailed: eventDefinition(z.object({ ...at, failedAttempts: z.number().int() }), {
    summary: 'A wrong PIN was entered; the count locks the PIN when it reaches the limit.',
    example: { ...X, failedAttempts: 1 },
  }),
  ExtensionPinAttemptSucceeded: eventDefinition(z.object(at), { summary: 'The right PIN was entered.', example: X }),
  ExtensionPinLocked: eventDefinition(z.object(at), { summary: 'Too many wrong PINs: the PIN is locked until reset.', example: X }),
  ExtensionPinReset: eventDefinition(z.object(at), { summary: 'The PIN went back to its default.', example: X }),
  ExtensionDeviceActivated: eventDefinition(z.object({ ...at, device }), {
    summary: 'A device (IP phone, mobile or desktop app) was activated on the extension.',
    example: { ...X, device: { type: 'ip-phone', deviceId: 'poly-0042' } },
  }),
  ExtensionDeviceDeactivated: eventDefinition(z.object({ ...at, type: deviceType }), {
    summary: 'The extension’s device of that type was deactivated.',
    example: { ...X, type: 'ip-phone' },
  }),
  ExtensionSettingsChanged: eventDefinition(
    z.object({
      ...at,
      section: z.enum(SETTINGS_SECTIONS_V3),
      value: z.unknown().describe('The section’s new settings, as the command set them'),
    }),
    {
      summary: 'One section of the extension’s settings changed.',
      example: { ...X, section: 'transport', value: { tls: true, stun: true } },
      // v2 adds the transport, local SIP server, gateway mapping and primary device sections, v3 the outbound rule;
      // older data is newer data.
      past: [
        {
          schema: z.object({
            ...at,
            section: z.enum(SETTINGS_SECTIONS),
            value: z.unknown().describe('The section’s new settings, as the command set them'),
          }),
          upcast: (data) => data,
        },
        {
          schema: z.object({
            ...at,
            section: z.enum(SETTINGS_SECTIONS_V2),
            value: z.unknown().describe('The section’s new settings, as the command set them'),
          }),
          upcast: (data) => data,
        },
      ],
    },
  ),
  ExtensionCallAnswered: eventDefinition(z.object({ ...at, device: deviceType }), {
    summary: 'A call was answered (or made) on one of the extension’s devices: the default device to ring when several are active.',
    example: { ...X, device: 'mobile-app' },
  }),
  ExtensionCallerIdRequested: eventDefinition(z.object({ ...at, number: z.string().describe('E.164') }), {
    summary: 'The user asked for a new caller ID (a number to rebrand as); support is notified and follows it up.',
    example: { ...X, number: '+442071239999' },
  }),
  ExtensionDeviceAutoProvisioned: eventDefinition(z.object({ ...at, deviceName: z.string(), mac: z.string() }), {
    summary: 'The extension’s IP phone licence was registered by auto-provisioning: its status shows the device name and MAC address.',
    example: { ...X, deviceName: 'Poly VVX 450', mac: '64:16:7F:12:34:56' },
  }),
  ExtensionForwardingCleared: eventDefinition(z.object({ ...at, reason: z.string() }), {
    summary: 'Forwarding was cleared (its number left service).',
    example: { ...X, reason: 'number-deactivated' },
  }),
};

export const extensionKeyEvents = {
  ExtensionKeyClaimed: eventDefinition(z.object({ tenant: z.string(), key: z.string(), extensionId: z.string() }), {
    summary: 'An extension took an extension key (each key belongs to one extension of a tenant).',
    example: { tenant: 'acme', key: '201', extensionId: 'reception' },
  }),
};

const numberAt = { number: z.string().describe('E.164') };
const N = { number: '+442071230001' };
const handsetRef = { siteId: z.string(), phoneId: z.string() };
const H = { siteId: 'lon-1', phoneId: 'poly-0042' };

export const deviceNumberEvents = {
  DeviceNumberObserved: eventDefinition(z.object({ ...numberAt, observed: observedNumberSchema }), {
    summary: 'What extension-device knows of the number’s lifecycle changed (from number-inventory’s events).',
    example: { ...N, observed: OBSERVED_EXAMPLE },
  }),
  DeviceNumberLinkedToExtension: eventDefinition(z.object({ ...numberAt, tenant: z.string().optional(), extensionId: z.string() }), {
    summary: 'An extension was linked to the number.',
    example: { ...N, tenant: 'acme', extensionId: 'reception' },
  }),
  DeviceNumberLoggedIn: eventDefinition(z.object({ ...numberAt, ...handsetRef }), {
    summary: 'The number logged in to a handset (hot-desking).',
    example: { ...N, ...H },
  }),
  DeviceNumberLoggedOut: eventDefinition(
    z.object({
      ...numberAt,
      ...handsetRef,
      reason: z.enum(['logged-out', 'evicted', 'number-deactivated', 'number-unassigned', 'number-deallocated']),
    }),
    {
      summary: 'The number left the handset, by request, evicted by another login, or because it left service.',
      example: { ...N, ...H, reason: 'logged-out' },
    },
  ),
};

const handsetAt = { siteId: z.string(), phoneId: z.string(), number: z.string() };
const HS = { ...H, ...N };

export const handsetEvents = {
  HandsetLoggedIn: eventDefinition(z.object(handsetAt), { summary: 'A number logged in to the handset.', example: HS }),
  HandsetLoggedOut: eventDefinition(z.object(handsetAt), { summary: 'The number logged out of the handset.', example: HS }),
  HandsetLoginEvicted: eventDefinition(z.object(handsetAt), {
    summary: 'The number’s login was ended by another number logging in to the handset.',
    example: HS,
  }),
};

const usageAt = { tenant: z.string(), extensionId: z.string() };
const USAGE = { tenant: 'acme', extensionId: 'ext-ada' };
const period = z.string().describe('The month of the occupier’s time zone, YYYY-MM');

export const extensionUsageEvents = {
  ExtensionUsageRecorded: eventDefinition(
    z.object({
      ...usageAt,
      callId: z.string(),
      minutes: z.number(),
      endedAt: z.string().describe('ISO 8601'),
      period,
      usedMinutes: z.number().describe('The period’s usage with this call'),
    }),
    {
      summary: 'A call’s minutes counted against the extension’s usage of the month it ended in (the occupier’s time zone).',
      example: { ...USAGE, callId: 'cdr-1', minutes: 12, endedAt: '2026-03-31T22:40:00.000Z', period: '2026-03', usedMinutes: 412 },
    },
  ),
  ExtensionUsageLimitReached: eventDefinition(z.object({ ...usageAt, period, limitMinutes: z.number(), usedMinutes: z.number() }), {
    summary: 'The extension used up its monthly limit; once per period.',
    example: { ...USAGE, period: '2026-03', limitMinutes: 400, usedMinutes: 412 },
  }),
};

export const occupierTimeZoneEvents = {
  OccupierTimeZoneSet: eventDefinition(z.object({ tenant: z.string(), timeZone: z.string().describe('IANA time zone') }), {
    summary: 'The occupier’s time zone: its usage periods start at 00:00 on the first day of each month there.',
    example: { tenant: 'acme', timeZone: 'Europe/London' },
  }),
};

const licenceCounts = z.object({ 'ip-phone': z.number().int(), 'mobile-app': z.number().int(), 'desktop-app': z.number().int() });
const seat = { tenant: z.string(), type: deviceType, extensionId: z.string() };
const SEAT = { tenant: 'acme', type: 'ip-phone' as const, extensionId: 'reception' };

export const deviceLicenceEvents = {
  DeviceLicencesSet: eventDefinition(z.object({ tenant: z.string(), licences: licenceCounts }), {
    summary: 'How many devices of each type the occupier is licensed to activate.',
    example: { tenant: 'acme', licences: { 'ip-phone': 20, 'mobile-app': 50, 'desktop-app': 50 } },
  }),
  DeviceLicenceTaken: eventDefinition(z.object({ ...seat, deviceId: z.string() }), {
    summary: 'A device was activated on one of the occupier’s licences of its type.',
    example: { ...SEAT, deviceId: 'SIP-T46U-0042' },
  }),
  DeviceLicenceReleased: eventDefinition(z.object(seat), {
    summary: 'A device was deactivated: its licence is free again.',
    example: SEAT,
  }),
};

const category = z.enum(CALL_CATEGORIES);
export const outboundRuleEvents = {
  OutboundRuleDefined: eventDefinition(
    z.object({
      tenant: z.string(),
      ruleId: z.string(),
      name: z.string(),
      permits: z.array(category).describe('The kinds of calls extensions on this rule may make'),
      passcodeFor: z.array(category).describe('The kinds of calls that ask for the extension’s passcode first'),
    }),
    {
      summary: 'An outbound rule of the occupier was defined or changed: extensions on it make only the calls it permits.',
      example: {
        tenant: 'acme',
        ruleId: 'staff',
        name: 'Staff',
        permits: ['internal', 'local', 'national', 'mobile'],
        passcodeFor: ['mobile'],
      },
    },
  ),
};

export const announcementEvents = {
  AnnouncementUploaded: eventDefinition(
    z.object({ tenant: z.string(), fileId: z.string(), contentType: z.literal('audio/mpeg'), bytes: z.number().int(), sha256: z.string() }),
    {
      summary: 'An MP3 message for the no-answer action was stored (the audio itself is kept outside the events).',
      example: { tenant: 'acme', fileId: 'after-hours', contentType: 'audio/mpeg', bytes: 48_213, sha256: 'ab'.repeat(32) },
    },
  ),
};

export const extensionDeviceEvents: EventCatalogue = {
  service: SERVICE,
  title: 'Extensions and devices',
  aggregates: [
    { aggregate: 'extension-key', description: 'Which extension holds an extension key of a tenant.', events: extensionKeyEvents },
    { aggregate: 'extension-usage', description: 'An extension’s call minutes per monthly period.', events: extensionUsageEvents },
    { aggregate: 'extension', description: 'An extension: its user, PIN, devices and settings.', events: extensionEvents },
    {
      aggregate: 'device-number',
      description: 'A number as devices see it: its lifecycle, handset and extensions.',
      events: deviceNumberEvents,
    },
    { aggregate: 'handset', description: 'A handset at a site and the number logged in to it.', events: handsetEvents },
    { aggregate: 'occupier-time-zone', description: 'The time zone an occupier’s usage periods follow.', events: occupierTimeZoneEvents },
    {
      aggregate: 'device-licences',
      description: 'The devices an occupier is licensed to activate, and which extensions use the licences.',
      events: deviceLicenceEvents,
    },
    {
      aggregate: 'outbound-rules',
      description: 'The occupier’s outbound rules: which calls extensions on each may make.',
      events: outboundRuleEvents,
    },
    {
      aggregate: 'announcement',
      description: 'An uploaded MP3 message an extension plays when nobody answers.',
      events: announcementEvents,
    },
  ],
};
