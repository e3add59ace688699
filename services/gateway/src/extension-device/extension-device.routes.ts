import { PlatformError, parseOrThrow } from '@tnp/kernel';
import {
  activateDeviceSchema,
  createExtensionResultSchema,
  extensionOutcomeSchema,
  extensionViewSchema,
  myProfileViewSchema,
  siteHandsetsSchema,
  changePinSchema,
  configureExtensionSchema,
  createExtensionSchema,
  deactivateDeviceSchema,
  ExtensionCommands,
  extensionCommandSubject,
  extensionOnlySchema,
  getExtensionSchema,
  ExtensionQueries,
  extensionQuerySubject,
  listSiteHandsetsSchema,
  loginHandsetSchema,
  logoutHandsetSchema,
  myProfileSchema,
  settingsChangesSchema,
  updateExtensionInfoSchema,
  verifyPinSchema,
  listExtensionsSchema,
  extensionListSchema,
  type ExtensionCommandName,
  getUsageSchema,
  recordUsageSchema,
  setTimeZoneSchema,
  setDeviceLicencesSchema,
  defineOutboundRuleSchema,
  listOutboundRulesSchema,
  outboundRuleListSchema,
  uploadAnnouncementSchema,
  announcementUploadedSchema,
  MAX_ANNOUNCEMENT_BYTES,
  getDeviceLicencesSchema,
  deviceLicencesViewSchema,
  usageViewSchema,
  recordAnsweredDeviceSchema,
  recordAutoProvisioningSchema,
  requestCallerIdSchema,
} from '@tnp/extension-device-contracts';
import type { Role } from '../auth/principal';
import type { ServiceClient } from '../http/nats-client';
import { fromReply, type RouteSpec } from '../http/route';
import { bodyOf, commandRoute, queryRoute, sendCommand, withPathParams } from '../http/route-builders';

const TAG = 'Extensions and devices';
const ADMIN_OR_USER: readonly Role[] = ['occupier-admin', 'user'];
const ADMIN: readonly Role[] = ['occupier-admin'];

export const extensionDeviceRoutes = (client: ServiceClient, prefix: string): RouteSpec[] => {
  const subject = (name: ExtensionCommandName) => extensionCommandSubject(name, prefix);
  const extension = { tag: TAG, scope: () => ({ kind: 'resource' as const }), response: extensionOutcomeSchema };
  const occupierScope = (p: Record<string, string>) => ({ kind: 'occupier' as const, occupierId: p['occupierId'] ?? '' });
  return [
    commandRoute(client, {
      ...extension,
      roles: ['operator', 'occupier-admin'],
      scope: occupierScope,
      method: 'PUT',
      path: '/v1/occupiers/{occupierId}/time-zone',
      summary: 'The occupier’s time zone (IANA): its usage periods reset at 00:00 on the first day of each month there (UTC until set)',
      subject: subject(ExtensionCommands.setTimeZone),
      schema: setTimeZoneSchema,
      body: bodyOf(setTimeZoneSchema, 'occupierId'),
    }),
    commandRoute(client, {
      ...extension,
      roles: [],
      scope: occupierScope,
      method: 'POST',
      path: '/v1/occupiers/{occupierId}/extensions/{extensionId}/usage',
      summary:
        'A call-detail record: its minutes count against the extension’s usage of the month the call ended in; the same callId counts once; reaching the monthly limit emits ExtensionUsageLimitReached',
      subject: subject(ExtensionCommands.recordUsage),
      schema: recordUsageSchema,
      body: bodyOf(recordUsageSchema, 'occupierId', 'extensionId'),
    }),
    queryRoute(client, {
      tag: TAG,
      roles: ['operator', 'occupier-admin'],
      scope: occupierScope,
      method: 'GET',
      path: '/v1/occupiers/{occupierId}/extensions/{extensionId}/usage',
      operationId: 'getExtensionUsage',
      summary:
        'The extension’s usage in the period an instant falls in (now by default): minutes used, the limit, and when the period resets',
      subject: extensionQuerySubject(ExtensionQueries.getUsage, prefix),
      schema: getUsageSchema,
      query: getUsageSchema.omit({ occupierId: true, extensionId: true }),
      response: usageViewSchema,
      responseDescription: 'The period, its usage and limit, and its reset instant',
    }),
    commandRoute(client, {
      ...extension,
      roles: ['operator'],
      scope: occupierScope,
      method: 'PUT',
      path: '/v1/occupiers/{occupierId}/device-licences',
      summary:
        'The devices of each type the occupier is licensed to activate (set by the operator or billing); every device activated takes one, and none activates without a free licence',
      subject: subject(ExtensionCommands.setDeviceLicences),
      schema: setDeviceLicencesSchema,
      body: bodyOf(setDeviceLicencesSchema, 'occupierId'),
    }),
    commandRoute(client, {
      ...extension,
      roles: ADMIN,
      scope: occupierScope,
      method: 'PUT',
      path: '/v1/occupiers/{occupierId}/outbound-rules/{ruleId}',
      summary:
        'Define or change an outbound rule: the kinds of calls extensions on it may make, and those that ask for the extension’s passcode first',
      subject: subject(ExtensionCommands.defineOutboundRule),
      schema: defineOutboundRuleSchema,
      body: bodyOf(defineOutboundRuleSchema, 'occupierId', 'ruleId'),
    }),
    queryRoute(client, {
      tag: TAG,
      roles: ['operator', 'occupier-admin'],
      scope: occupierScope,
      method: 'GET',
      path: '/v1/occupiers/{occupierId}/outbound-rules',
      operationId: 'listOutboundRules',
      summary: 'The occupier’s outbound rules, for the extension settings’ outbound rule selector',
      subject: extensionQuerySubject(ExtensionQueries.listOutboundRules, prefix),
      schema: listOutboundRulesSchema,
      response: outboundRuleListSchema,
      responseDescription: 'The rules by id',
    }),
    {
      tag: TAG,
      roles: ADMIN,
      scope: occupierScope,
      method: 'PUT',
      path: '/v1/occupiers/{occupierId}/announcements/{fileId}',
      operationId: 'uploadAnnouncement',
      summary: `Upload a no-answer message: an MP3 file of at most ${MAX_ANNOUNCEMENT_BYTES} bytes, sent as the raw request body, checked from its content`,
      consumes: ['audio/mpeg', 'application/octet-stream'],
      response: announcementUploadedSchema,
      responseDescription: 'The stored message: size and SHA-256',
      handle: async (ctx) => {
        if (!Buffer.isBuffer(ctx.body)) {
          throw new PlatformError('VALIDATION_FAILED', 'Send the MP3 file as the request body', {
            fields: [{ path: '(body)', message: 'content-type must be audio/mpeg or application/octet-stream' }],
          });
        }
        const data = { occupierId: ctx.params['occupierId'], fileId: ctx.params['fileId'], contentBase64: ctx.body.toString('base64') };
        return fromReply(await sendCommand(client, subject(ExtensionCommands.uploadAnnouncement), uploadAnnouncementSchema, ctx, data));
      },
    },
    queryRoute(client, {
      tag: TAG,
      roles: ['operator', 'occupier-admin'],
      scope: occupierScope,
      method: 'GET',
      path: '/v1/occupiers/{occupierId}/device-licences',
      operationId: 'getDeviceLicences',
      summary: 'The occupier’s device licences of each type: licensed, in use and free',
      subject: extensionQuerySubject(ExtensionQueries.getDeviceLicences, prefix),
      schema: getDeviceLicencesSchema,
      response: deviceLicencesViewSchema,
      responseDescription: 'Licensed, used and free devices per type',
    }),
    queryRoute(client, {
      tag: TAG,
      roles: ['operator', 'occupier-admin'],
      scope: (p) => ({ kind: 'occupier', occupierId: p['occupierId'] ?? '' }),
      method: 'GET',
      path: '/v1/occupiers/{occupierId}/extensions',
      operationId: 'listOccupierExtensions',
      summary: 'The occupier’s extensions with their settings (no PINs), for the portal’s extension selectors',
      subject: extensionQuerySubject(ExtensionQueries.listExtensions, prefix),
      schema: listExtensionsSchema,
      response: extensionListSchema,
      responseDescription: 'Extensions by id',
    }),
    {
      ...extension,
      roles: ADMIN,
      scope: (p) => ({ kind: 'occupier', occupierId: p['occupierId'] ?? '' }),
      method: 'POST',
      path: '/v1/occupiers/{occupierId}/extensions',
      operationId: 'createExtension',
      summary: 'Create an extension for one of the occupier’s users; answers with its random default PIN',
      body: bodyOf(createExtensionSchema, 'occupierId'),
      response: createExtensionResultSchema,
      responseDescription: 'The ids of the events appended and the default PIN',
      handle: async (ctx) => {
        const created = await sendCommand<{ id: string; eventIds: string[] }>(
          client,
          subject(ExtensionCommands.createExtension),
          createExtensionSchema,
          ctx,
        );
        if (!created.ok) return fromReply(created);
        // The PIN is sealed at rest and never in the command's stored reply: it is read afresh for the admin.
        const pin = await client.query<{ defaultPin: string }>(extensionQuerySubject(ExtensionQueries.defaultPin, prefix), ctx.principal, {
          tenant: ctx.params['occupierId'],
          extensionId: created.value.id,
        });
        if (!pin.ok) return fromReply(pin);
        return fromReply({ ok: true, value: { ...created.value, defaultPin: pin.value.defaultPin } });
      },
    },
    commandRoute(client, {
      ...extension,
      roles: ADMIN,
      method: 'PUT',
      path: '/v1/extensions/{extensionId}/info',
      subject: subject(ExtensionCommands.updateExtensionInfo),
      schema: updateExtensionInfoSchema,
      summary: 'Change the label, passcode and debug mode',
      body: bodyOf(updateExtensionInfoSchema, 'extensionId'),
    }),
    commandRoute(client, {
      ...extension,
      roles: ADMIN_OR_USER,
      method: 'POST',
      path: '/v1/extensions/{extensionId}/caller-id-requests',
      subject: subject(ExtensionCommands.requestCallerId),
      schema: requestCallerIdSchema,
      summary: 'Ask for a new caller ID (a number to rebrand as): recorded for support to follow up; the caller ID stays as it is',
      body: bodyOf(requestCallerIdSchema, 'extensionId'),
    }),
    commandRoute(client, {
      ...extension,
      roles: [],
      scope: occupierScope,
      method: 'POST',
      path: '/v1/occupiers/{occupierId}/extensions/{extensionId}/answered-device',
      subject: subject(ExtensionCommands.recordAnsweredDevice),
      schema: recordAnsweredDeviceSchema,
      summary:
        'The telephony platform reports the device a call was answered or made on: with several devices active and none chosen, it is the one that rings',
      body: bodyOf(recordAnsweredDeviceSchema, 'occupierId', 'extensionId'),
    }),
    commandRoute(client, {
      ...extension,
      roles: [],
      scope: occupierScope,
      method: 'POST',
      path: '/v1/occupiers/{occupierId}/extensions/{extensionId}/auto-provisioning',
      subject: subject(ExtensionCommands.recordAutoProvisioning),
      schema: recordAutoProvisioningSchema,
      summary: 'Auto-provisioning registered the extension’s IP phone licence: the device’s status shows its name and MAC address',
      body: bodyOf(recordAutoProvisioningSchema, 'occupierId', 'extensionId'),
    }),
    commandRoute(client, {
      ...extension,
      roles: ADMIN_OR_USER,
      method: 'PUT',
      path: '/v1/extensions/{extensionId}/pin',
      subject: subject(ExtensionCommands.changePin),
      limitsGuesses: true,
      schema: changePinSchema,
      summary: 'Replace the PIN (the user, on first use); a wrong current PIN counts as a failed attempt',
      body: bodyOf(changePinSchema, 'extensionId'),
    }),
    commandRoute(client, {
      ...extension,
      roles: ADMIN_OR_USER,
      method: 'POST',
      path: '/v1/extensions/{extensionId}/pin/verify',
      subject: subject(ExtensionCommands.verifyPin),
      limitsGuesses: true,
      schema: verifyPinSchema,
      summary: 'Check a PIN (voicemail, handset, voice portal sign-in); three wrong attempts lock it',
      body: bodyOf(verifyPinSchema, 'extensionId'),
    }),
    commandRoute(client, {
      ...extension,
      roles: ADMIN,
      method: 'POST',
      path: '/v1/extensions/{extensionId}/pin/reset',
      subject: subject(ExtensionCommands.resetPin),
      schema: extensionOnlySchema,
      summary: 'Reset the PIN to its default and unlock it',
    }),
    commandRoute(client, {
      ...extension,
      roles: ADMIN,
      method: 'PUT',
      path: '/v1/extensions/{extensionId}/devices/{type}',
      subject: subject(ExtensionCommands.activateDevice),
      schema: activateDeviceSchema,
      summary: 'Activate an IP phone, mobile app or desktop app (at most three, one of each)',
      body: bodyOf(activateDeviceSchema, 'extensionId', 'type'),
    }),
    commandRoute(client, {
      ...extension,
      roles: ADMIN,
      method: 'DELETE',
      path: '/v1/extensions/{extensionId}/devices/{type}',
      subject: subject(ExtensionCommands.deactivateDevice),
      schema: deactivateDeviceSchema,
      summary: 'Deactivate a device',
    }),
    {
      ...extension,
      roles: ADMIN_OR_USER,
      method: 'PATCH',
      path: '/v1/extensions/{extensionId}/settings',
      operationId: 'configureExtension',
      summary:
        'Change ring devices, forwarding, DND, voicemail, call waiting, caller ID, usage limit or the no-answer action; all rules are checked together',
      body: settingsChangesSchema,
      responseDescription: 'The ids of the events appended, one per changed section',
      handle: async (ctx) => {
        const data = { extensionId: ctx.params['extensionId'], changes: withPathParams(ctx.body, {}) };
        return fromReply(await sendCommand(client, subject(ExtensionCommands.configureExtension), configureExtensionSchema, ctx, data));
      },
    },
    {
      ...extension,
      roles: ADMIN_OR_USER,
      method: 'GET',
      path: '/v1/extensions/{extensionId}',
      operationId: 'getExtension',
      summary: 'The extension’s whole configuration (the PIN only as its status; the default PIN for admins)',
      response: extensionViewSchema,
      responseDescription: 'The extension',
      handle: async (ctx) => {
        const tenant = ctx.caller.occupierId ?? ctx.caller.tenant;
        if (!tenant) throw new PlatformError('NOT_FOUND', `Extension ${ctx.params['extensionId']} does not exist`);
        const data = parseOrThrow(getExtensionSchema, { tenant, extensionId: ctx.params['extensionId'] });
        const reply = await client.query<{ tenant: string; assignee: { userId: string }; pin: object }>(
          extensionQuerySubject(ExtensionQueries.getExtension, prefix),
          ctx.principal,
          data,
        );
        if (!reply.ok) return fromReply(reply);
        const { caller } = ctx;
        const own =
          caller.occupierId === reply.value.tenant && (caller.role === 'occupier-admin' || reply.value.assignee.userId === caller.id);
        if (!own) throw new PlatformError('NOT_FOUND', `Extension ${data.extensionId} does not exist`);
        return fromReply(
          caller.role === 'user' ? { ok: true, value: { ...reply.value, pin: { ...reply.value.pin, defaultPin: null } } } : reply,
        );
      },
    },
    commandRoute(client, {
      tag: TAG,
      roles: ['operator', 'occupier-admin'],
      scope: () => ({ kind: 'resource' }),
      method: 'PUT',
      path: '/v1/numbers/{number}/handset',
      subject: subject(ExtensionCommands.loginHandset),
      schema: loginHandsetSchema,
      summary: 'Log an active number in to a digital handset by its phone ID (HANDSET_IN_USE unless evict is true)',
      response: extensionOutcomeSchema,
      body: bodyOf(loginHandsetSchema, 'number'),
    }),
    commandRoute(client, {
      tag: TAG,
      roles: ['operator', 'occupier-admin'],
      scope: () => ({ kind: 'resource' }),
      method: 'DELETE',
      path: '/v1/numbers/{number}/handset',
      subject: subject(ExtensionCommands.logoutHandset),
      schema: logoutHandsetSchema,
      summary: 'Log the number out of its handset',
      response: extensionOutcomeSchema,
    }),
    {
      tag: TAG,
      roles: ['operator'],
      scope: (p) => ({ kind: 'site', siteId: p['siteId'] ?? '' }),
      method: 'GET',
      path: '/v1/sites/{siteId}/handsets',
      operationId: 'listSiteHandsets',
      summary: 'The handsets at a site and which number is logged in to each',
      response: siteHandsetsSchema,
      responseDescription: 'Handsets by phone ID',
      handle: async (ctx) =>
        fromReply(
          await client.query(
            extensionQuerySubject(ExtensionQueries.listSiteHandsets, prefix),
            ctx.principal,
            parseOrThrow(listSiteHandsetsSchema, { siteId: ctx.params['siteId'] }),
          ),
        ),
    },
    {
      tag: TAG,
      roles: ['user'],
      scope: () => ({ kind: 'resource' }),
      method: 'GET',
      path: '/v1/me/profile',
      operationId: 'myProfile',
      summary: 'The calling user’s own extensions and settings',
      response: myProfileViewSchema,
      responseDescription: 'My profile',
      handle: async (ctx) => {
        if (!ctx.caller.occupierId) throw new PlatformError('FORBIDDEN', 'The token names no occupier');
        const data = parseOrThrow(myProfileSchema, { occupierId: ctx.caller.occupierId, userId: ctx.caller.id });
        return fromReply(await client.query(extensionQuerySubject(ExtensionQueries.myProfile, prefix), ctx.principal, data));
      },
    },
  ];
};
