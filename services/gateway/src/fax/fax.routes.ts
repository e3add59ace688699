import { PlatformError, parseOrThrow } from '@tnp/kernel';
import {
  configureFaxSchema,
  faxCallerIdsSchema,
  faxNumberViewSchema,
  faxOutcomeSchema,
  FaxCommands,
  faxCommandSubject,
  faxNumberSchema,
  FaxQueries,
  faxQuerySubject,
  listFaxCallerIdsSchema,
} from '@tnp/fax-contracts';
import { canSeeNumber } from '../auth/authorize';
import type { Role } from '../auth/principal';
import type { ServiceClient } from '../http/nats-client';
import { fromReply, type RouteSpec } from '../http/route';
import { bodyOf, commandRoute } from '../http/route-builders';

const ADMINS: readonly Role[] = ['operator', 'occupier-admin'];
const TAG = 'Fax';

export const faxRoutes = (client: ServiceClient, prefix: string): RouteSpec[] => [
  commandRoute(client, {
    method: 'PUT',
    path: '/v1/numbers/{number}/fax',
    subject: faxCommandSubject(FaxCommands.configureFax, prefix),
    schema: configureFaxSchema,
    summary: 'Set a number’s eFax settings: outbound caller ID, inbound detection, wait time, rates, T.38, error correction',
    tag: TAG,
    roles: ADMINS,
    scope: () => ({ kind: 'resource' }),
    body: bodyOf(configureFaxSchema, 'number'),
    response: faxOutcomeSchema,
  }),
  commandRoute(client, {
    method: 'DELETE',
    path: '/v1/numbers/{number}/fax',
    subject: faxCommandSubject(FaxCommands.clearFax, prefix),
    schema: faxNumberSchema,
    summary: 'Clear a number’s fax settings',
    tag: TAG,
    roles: ADMINS,
    scope: () => ({ kind: 'resource' }),
    response: faxOutcomeSchema,
  }),
  {
    method: 'GET',
    path: '/v1/numbers/{number}/fax',
    operationId: 'getFaxSettings',
    summary: 'A number’s fax mode and settings',
    tag: TAG,
    roles: ADMINS,
    scope: () => ({ kind: 'resource' }),
    response: faxNumberViewSchema,
    responseDescription: 'Fax mode (fax-only, voice-and-fax, outbound-only, off) and settings',
    handle: async (ctx) => {
      const data = parseOrThrow(faxNumberSchema, { number: ctx.params['number'] });
      const reply = await client.query<{ tenant: string; siteId: string }>(
        faxQuerySubject(FaxQueries.getFaxSettings, prefix),
        ctx.principal,
        data,
      );
      if (reply.ok && !canSeeNumber(ctx.caller, reply.value.siteId, reply.value.tenant))
        throw new PlatformError('NOT_FOUND', `${data.number} has no fax settings here`);
      return fromReply(reply);
    },
  },
  {
    method: 'GET',
    path: '/v1/occupiers/{occupierId}/fax-caller-ids',
    operationId: 'listFaxCallerIds',
    summary: 'The occupier’s numbers usable as outbound eFax caller ID',
    tag: TAG,
    roles: ADMINS,
    scope: (p) => ({ kind: 'occupier', occupierId: p['occupierId'] ?? '' }),
    response: faxCallerIdsSchema,
    responseDescription: 'Numbers allowed as outbound eFax caller ID',
    handle: async (ctx) => {
      const data = parseOrThrow(listFaxCallerIdsSchema, { occupierId: ctx.params['occupierId'] });
      const reply = await client.query<{ numbers: { siteId: string }[] }>(
        faxQuerySubject(FaxQueries.listOutboundCallerIds, prefix),
        ctx.principal,
        data,
      );
      if (!reply.ok || ctx.caller.role !== 'operator') return fromReply(reply);
      return fromReply({ ok: true, value: { numbers: reply.value.numbers.filter((n) => ctx.caller.sites.includes(n.siteId)) } });
    },
  },
];
