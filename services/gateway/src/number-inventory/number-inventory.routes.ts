import { z } from 'zod';
import { PlatformError, parseOrThrow, type Reply } from '@tnp/kernel';
import {
  allocateNumberSchema,
  allocateNumbersResultSchema,
  allocateNumbersSchema,
  commandResultSchema,
  occupierNumbersSchema,
  provisionNumbersResultSchema,
  siteNumberPageSchema,
  siteNumberViewSchema,
  commandSubject,
  configureSiteSchema,
  nameOccupierSchema,
  bulkChangeSchema,
  importNumbersSchema,
  importNumbersResultSchema,
  IMPORT_COLUMNS,
  type ImportNumbersResult,
  bulkChangeResultSchema,
  type BulkChangeResult,
  getNumberSchema,
  listOccupierNumbersSchema,
  listSiteNumbersSchema,
  lockNumberSchema,
  numberAtSiteSchema,
  NumberInventoryCommands,
  NumberInventoryQueries,
  provisionNumbersSchema,
  querySubject,
  siteNumberFiltersSchema,
  type NumberInventoryCommandName,
  type OccupierNumbers,
  type ProvisionNumbersResult,
  type SiteNumberView,
  numberHistoryPageSchema,
  numberHistorySchema,
  numberStateAtResultSchema,
  numberStateAtSchema,
  addVoiceServicesSchema,
  voiceServicesAtSchema,
  voiceServicesResultSchema,
  voiceServicesViewSchema,
} from '@tnp/number-inventory-contracts';
import { canSeeNumber } from '../auth/authorize';
import type { Role } from '../auth/principal';
import type { ServiceClient } from '../http/nats-client';
import { bodyOf, commandRoute, queryRoute, sendCommand } from '../http/route-builders';
import { numberHistoryCsv } from './number-history-csv';
import { fromReply, type RouteContext, type RouteSpec } from '../http/route';
import { siteNumbersCsv } from './site-numbers-csv';

const OPERATOR: readonly Role[] = ['operator'];
const PLATFORM: readonly Role[] = [];
const TAG = 'Number inventory';

const importQuerySchema = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });

export const numberInventoryRoutes = (client: ServiceClient, prefix: string): RouteSpec[] => {
  const send = <T>(name: NumberInventoryCommandName, schema: z.ZodType, ctx: RouteContext): Promise<Reply<T>> =>
    sendCommand<T>(client, commandSubject(name, prefix), schema, ctx);

  const numberCommand = (
    method: 'POST' | 'PUT' | 'DELETE',
    suffix: string,
    name: NumberInventoryCommandName,
    schema: z.ZodType,
    summary: string,
    roles: readonly Role[] = OPERATOR,
    body?: z.ZodType,
  ): RouteSpec =>
    commandRoute(client, {
      method,
      path: `/v1/sites/{siteId}/numbers/{number}/${suffix}`,
      subject: commandSubject(name, prefix),
      schema,
      summary,
      tag: TAG,
      roles,
      scope: (p) => (roles.length === 0 ? { kind: 'platform' } : { kind: 'site', siteId: p['siteId'] ?? '' }),
      ...(body ? { body } : {}),
      response: commandResultSchema,
      responseDescription: 'The number stream revision and the ids of the events appended (none for a no-op)',
    });

  return [
    {
      method: 'POST',
      path: '/v1/sites/{siteId}/numbers/provision',
      operationId: 'provisionNumbers',
      summary: 'Provision numbers at a site, singly or as a range of up to 10,000',
      tag: TAG,
      roles: PLATFORM,
      scope: () => ({ kind: 'platform' }),
      body: bodyOf(provisionNumbersSchema, 'siteId'),
      response: provisionNumbersResultSchema,
      alsoAnswers: [207, 409],
      responseDescription: 'Each number provisioned, skipped or failed; 200 COMPLETE, 207 PARTIAL, 409 FAILED',
      handle: async (ctx) => {
        const reply = await send<ProvisionNumbersResult>(NumberInventoryCommands.provisionNumbers, provisionNumbersSchema, ctx);
        if (!reply.ok) return fromReply(reply);
        const status = { COMPLETE: 200, PARTIAL: 207, FAILED: 409 }[reply.value.status];
        return { kind: 'json', status, body: reply.value };
      },
    },
    {
      method: 'POST',
      path: '/v1/sites/{siteId}/numbers/bulk',
      operationId: 'bulkChangeNumbers',
      summary:
        'Allocate, deallocate, activate, deactivate, lock or unlock up to 10,000 numbers (a list or a range) with a result per number; dryRun writes nothing',
      tag: TAG,
      roles: OPERATOR,
      scope: (p) => ({ kind: 'site', siteId: p['siteId'] ?? '' }),
      body: bodyOf(bulkChangeSchema, 'siteId'),
      response: bulkChangeResultSchema,
      alsoAnswers: [207, 409],
      responseDescription: 'Each number done, unchanged or refused with its rule; 200 COMPLETE, 207 PARTIAL, 409 FAILED',
      handle: async (ctx) => {
        const action = (ctx.body as { action?: unknown } | undefined)?.action;
        if ((action === 'lock' || action === 'unlock') && ctx.caller.role !== 'platform')
          throw new PlatformError('FORBIDDEN', 'Only the platform locks and unlocks numbers');
        const reply = await send<BulkChangeResult>(NumberInventoryCommands.bulkChange, bulkChangeSchema, ctx);
        if (!reply.ok) return fromReply(reply);
        const status = { COMPLETE: 200, PARTIAL: 207, FAILED: 409 }[reply.value.status];
        return { kind: 'json', status, body: reply.value };
      },
    },
    {
      method: 'POST',
      path: '/v1/sites/{siteId}/numbers/import',
      operationId: 'importNumbers',
      summary: `Provision and update numbers from a CSV file (columns ${IMPORT_COLUMNS.join(', ')}; up to 10,000 rows) with a result per row; dryRun=true writes nothing`,
      tag: TAG,
      roles: OPERATOR,
      scope: (p) => ({ kind: 'site', siteId: p['siteId'] ?? '' }),
      consumes: ['text/csv'],
      query: importQuerySchema,
      response: importNumbersResultSchema,
      alsoAnswers: [207, 409],
      responseDescription: 'Each row done, unchanged or refused with its rule or bad cell; 200 COMPLETE, 207 PARTIAL, 409 FAILED',
      handle: async (ctx) => {
        if (!Buffer.isBuffer(ctx.body))
          throw new PlatformError('VALIDATION_FAILED', 'Send the CSV file as the request body', {
            fields: [{ path: '(body)', message: 'content-type must be text/csv' }],
          });
        const { dryRun } = parseOrThrow(importQuerySchema, ctx.query);
        const data = { siteId: ctx.params['siteId'], csv: ctx.body.toString('utf8'), dryRun: dryRun === 'true' };
        const reply = await sendCommand<ImportNumbersResult>(
          client,
          commandSubject(NumberInventoryCommands.importNumbers, prefix),
          importNumbersSchema,
          ctx,
          data,
        );
        if (!reply.ok) return fromReply(reply);
        const status = { COMPLETE: 200, PARTIAL: 207, FAILED: 409 }[reply.value.status];
        return { kind: 'json', status, body: reply.value };
      },
    },
    numberCommand(
      'POST',
      'allocate',
      NumberInventoryCommands.allocateNumber,
      allocateNumberSchema,
      'Allocate a number to the operator or an occupier',
      OPERATOR,
      bodyOf(allocateNumberSchema, 'siteId', 'number'),
    ),
    numberCommand(
      'POST',
      'deallocate',
      NumberInventoryCommands.deallocateNumber,
      numberAtSiteSchema,
      'Return a number to the available pool',
    ),
    numberCommand('POST', 'activate', NumberInventoryCommands.activateNumber, numberAtSiteSchema, 'Put an allocated number into service'),
    numberCommand(
      'POST',
      'deactivate',
      NumberInventoryCommands.deactivateNumber,
      numberAtSiteSchema,
      'Take a number out of service; it stays allocated',
    ),
    numberCommand(
      'PUT',
      'main-number',
      NumberInventoryCommands.nominateMainNumber,
      numberAtSiteSchema,
      'Nominate a number as a main number',
    ),
    numberCommand(
      'DELETE',
      'main-number',
      NumberInventoryCommands.removeMainNumberNomination,
      numberAtSiteSchema,
      'Remove a main-number nomination',
    ),
    numberCommand(
      'PUT',
      'lock',
      NumberInventoryCommands.lockNumber,
      lockNumberSchema,
      'Lock a number so it cannot be allocated',
      PLATFORM,
      bodyOf(lockNumberSchema, 'siteId', 'number'),
    ),
    numberCommand('DELETE', 'lock', NumberInventoryCommands.unlockNumber, numberAtSiteSchema, 'Unlock a number', PLATFORM),
    {
      method: 'POST',
      path: '/v1/sites/{siteId}/allocations',
      operationId: 'allocateNumbers',
      summary: 'Give an occupier N available numbers from the site, all or none',
      tag: TAG,
      roles: OPERATOR,
      scope: (p) => ({ kind: 'site', siteId: p['siteId'] ?? '' }),
      body: bodyOf(allocateNumbersSchema, 'siteId'),
      response: allocateNumbersResultSchema,
      responseDescription: 'The numbers allocated',
      handle: async (ctx) => fromReply(await send(NumberInventoryCommands.allocateNumbers, allocateNumbersSchema, ctx)),
    },
    {
      method: 'PUT',
      path: '/v1/sites/{siteId}/settings',
      operationId: 'configureSite',
      summary:
        "Set the site's cooling-off period for numbers that leave service, and whether a previous owner may reclaim a number while it cools off (off by default)",
      tag: TAG,
      roles: PLATFORM,
      scope: () => ({ kind: 'platform' }),
      body: bodyOf(configureSiteSchema, 'siteId'),
      response: commandResultSchema,
      responseDescription: 'The site stream revision',
      handle: async (ctx) => fromReply(await send(NumberInventoryCommands.configureSite, configureSiteSchema, ctx)),
    },
    {
      method: 'PUT',
      path: '/v1/occupiers/{occupierId}/name',
      operationId: 'nameOccupier',
      summary: 'Name an organisation, as site lists and exports show whom its numbers are allocated to',
      tag: TAG,
      roles: PLATFORM,
      scope: () => ({ kind: 'platform' }),
      body: bodyOf(nameOccupierSchema, 'occupierId'),
      response: commandResultSchema,
      responseDescription: 'The organisation stream revision',
      handle: async (ctx) => fromReply(await send(NumberInventoryCommands.nameOccupier, nameOccupierSchema, ctx)),
    },
    {
      method: 'GET',
      path: '/v1/sites/{siteId}/numbers',
      operationId: 'listSiteNumbers',
      summary:
        'The site telephony list: filter by status and allocation, search, page (cursor: the nextCursor of the page before; page: offset paging); sorted by number',
      tag: TAG,
      roles: OPERATOR,
      scope: (p) => ({ kind: 'site', siteId: p['siteId'] ?? '' }),
      query: listSiteNumbersSchema.omit({ siteId: true }),
      response: siteNumberPageSchema,
      responseDescription:
        'One page of numbers, the cursor of the next page, the total (totalExact false: a lower bound) and the statuses present at the site, all from one snapshot',
      handle: async (ctx) => {
        const data = parseOrThrow(listSiteNumbersSchema, { ...ctx.query, siteId: ctx.params['siteId'] });
        return fromReply(await client.query(querySubject(NumberInventoryQueries.listSiteNumbers, prefix), ctx.principal, data));
      },
    },
    {
      method: 'GET',
      path: '/v1/sites/{siteId}/numbers.csv',
      operationId: 'downloadSiteNumbers',
      summary: 'CSV of exactly the filtered site telephony rows, streamed',
      tag: TAG,
      roles: OPERATOR,
      scope: (p) => ({ kind: 'site', siteId: p['siteId'] ?? '' }),
      query: siteNumberFiltersSchema.omit({ siteId: true }),
      produces: 'text/csv',
      responseDescription: 'text/csv',
      handle: async (ctx) => {
        const filters = parseOrThrow(siteNumberFiltersSchema, { ...ctx.query, siteId: ctx.params['siteId'] });
        return {
          kind: 'stream',
          contentType: 'text/csv; charset=utf-8',
          filename: `site-${filters.siteId}-numbers.csv`,
          stream: await siteNumbersCsv(client, querySubject(NumberInventoryQueries.exportSiteNumbers, prefix), ctx.principal, filters),
        };
      },
    },
    {
      method: 'GET',
      path: '/v1/numbers/{number}',
      operationId: 'getNumber',
      summary: 'One number as the site telephony list shows it',
      tag: TAG,
      roles: ['operator', 'occupier-admin'],
      scope: () => ({ kind: 'resource' }),
      response: siteNumberViewSchema,
      responseDescription: 'The number',
      handle: async (ctx) => {
        const data = parseOrThrow(getNumberSchema, { number: ctx.params['number'] });
        const reply = await client.query<SiteNumberView>(querySubject(NumberInventoryQueries.getNumber, prefix), ctx.principal, data);
        if (reply.ok) {
          const owner = reply.value.allocatedTo?.type === 'occupier' ? reply.value.allocatedTo.occupierId : null;
          if (!canSeeNumber(ctx.caller, reply.value.siteId, owner))
            throw new PlatformError('NOT_FOUND', `${data.number} is not provisioned`);
        }
        return fromReply(reply);
      },
    },
    commandRoute(client, {
      method: 'PUT',
      path: '/v1/sites/{siteId}/occupiers/{occupierId}/voice-services',
      operationId: 'addVoiceServices',
      summary:
        'Voice services for an occupier at the site; an occupier with no numbers reserved there gets `numbers` (default 1) of the available ones allocated with them, atomically',
      tag: TAG,
      roles: OPERATOR,
      scope: (p) => ({ kind: 'site', siteId: p['siteId'] ?? '' }),
      subject: commandSubject(NumberInventoryCommands.addVoiceServices, prefix),
      schema: addVoiceServicesSchema,
      body: bodyOf(addVoiceServicesSchema, 'siteId', 'occupierId'),
      response: voiceServicesResultSchema,
      responseDescription: 'Active, the numbers allocated with them, and the events appended',
    }),
    commandRoute(client, {
      method: 'DELETE',
      path: '/v1/sites/{siteId}/occupiers/{occupierId}/voice-services',
      operationId: 'removeVoiceServices',
      summary: 'End the occupier’s voice services at the site (its numbers stay allocated)',
      tag: TAG,
      roles: OPERATOR,
      scope: (p) => ({ kind: 'site', siteId: p['siteId'] ?? '' }),
      subject: commandSubject(NumberInventoryCommands.removeVoiceServices, prefix),
      schema: voiceServicesAtSchema,
      response: voiceServicesResultSchema,
    }),
    queryRoute(client, {
      method: 'GET',
      path: '/v1/sites/{siteId}/occupiers/{occupierId}/voice-services',
      operationId: 'getVoiceServices',
      summary: 'Whether the occupier has voice services at the site, and how many numbers it holds there',
      tag: TAG,
      roles: OPERATOR,
      scope: (p) => ({ kind: 'site', siteId: p['siteId'] ?? '' }),
      subject: querySubject(NumberInventoryQueries.voiceServices, prefix),
      schema: voiceServicesAtSchema,
      response: voiceServicesViewSchema,
      responseDescription: 'The occupier’s voice services at the site',
    }),
    queryRoute(client, {
      method: 'GET',
      path: '/v1/numbers/{number}/history',
      operationId: 'getNumberHistory',
      summary:
        "A number's whole timeline across inventory, assignment, fax, extensions and call flows: what changed, when, by whom, through which command and why; oldest first, paged (an occupier sees only the periods it held the number)",
      tag: TAG,
      roles: ['operator', 'occupier-admin'],
      scope: () => ({ kind: 'resource' }),
      subject: querySubject(NumberInventoryQueries.numberHistory, prefix),
      schema: numberHistorySchema,
      query: numberHistorySchema.omit({ number: true }),
      response: numberHistoryPageSchema,
      responseDescription: 'One page of the timeline and the cursor of the next (null on the last)',
    }),
    {
      method: 'GET',
      path: '/v1/numbers/{number}/history.csv',
      operationId: 'downloadNumberHistory',
      summary: "A number's whole timeline as CSV (the same entries the paged history returns, the caller's scope applied)",
      tag: TAG,
      roles: ['operator', 'occupier-admin'],
      scope: () => ({ kind: 'resource' }),
      produces: 'text/csv',
      responseDescription: 'text/csv',
      handle: async (ctx) => {
        const data = parseOrThrow(numberHistorySchema.pick({ number: true }), { number: ctx.params['number'] });
        return {
          kind: 'stream',
          contentType: 'text/csv; charset=utf-8',
          filename: `number-${data.number.slice(1)}-history.csv`,
          stream: await numberHistoryCsv(client, querySubject(NumberInventoryQueries.numberHistory, prefix), ctx.principal, data.number),
        };
      },
    },
    queryRoute(client, {
      method: 'GET',
      path: '/v1/numbers/{number}/state',
      operationId: 'getNumberStateAt',
      summary: "A number's complete state in every context as it stood at any past instant (an occupier: only while it held the number)",
      tag: TAG,
      roles: ['operator', 'occupier-admin'],
      scope: () => ({ kind: 'resource' }),
      subject: querySubject(NumberInventoryQueries.numberStateAt, prefix),
      schema: numberStateAtSchema,
      query: numberStateAtSchema.omit({ number: true }),
      response: numberStateAtResultSchema,
      responseDescription: "Each context's streams of the number, with their revision and state at that instant",
    }),
    {
      method: 'GET',
      path: '/v1/occupiers/{occupierId}/numbers',
      operationId: 'listOccupierNumbers',
      summary: "An occupier's numbers at each of its sites",
      tag: TAG,
      roles: ['operator', 'occupier-admin'],
      scope: (p) => ({ kind: 'occupier', occupierId: p['occupierId'] ?? '' }),
      response: occupierNumbersSchema,
      responseDescription: 'Numbers grouped by site',
      handle: async (ctx) => {
        const data = parseOrThrow(listOccupierNumbersSchema, { occupierId: ctx.params['occupierId'] });
        const reply = await client.query<OccupierNumbers>(
          querySubject(NumberInventoryQueries.listOccupierNumbers, prefix),
          ctx.principal,
          data,
        );
        if (!reply.ok || ctx.caller.role !== 'operator') return fromReply(reply);
        return fromReply({
          ok: true,
          value: { ...reply.value, sites: reply.value.sites.filter((s) => ctx.caller.sites.includes(s.siteId)) },
        });
      },
    },
  ];
};
