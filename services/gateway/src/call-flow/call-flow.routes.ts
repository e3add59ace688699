import { PlatformError, parseOrThrow } from '@tnp/kernel';
import {
  appliedServiceNumberCommandSchema,
  flowOutcomeSchema,
  serviceNumberListSchema,
  callFlowListSchema,
  serviceNumberTimelineSchema,
  assignFlowSchema,
  CallFlowCommands,
  callFlowCommandSubject,
  CallFlowQueries,
  callFlowQuerySubject,
  changeCallFlowSchema,
  defineCallFlowSchema,
  describeServiceNumberSchema,
  flowOnlySchema,
  listServiceNumbersSchema,
  listCallFlowsSchema,
  numberOnlySchema,
  overrideFlowSchema,
  rescheduleFlowSwitchSchema,
  scheduleFlowSwitchSchema,
  scheduleOnlySchema,
  setWeeklyScheduleSchema,
  type CallFlowCommandName,
} from '@tnp/call-flow-contracts';
import { canSeeNumber, onCallerSites } from '../auth/authorize';
import type { Role } from '../auth/principal';
import type { ServiceClient } from '../http/nats-client';
import { fromReply, type RouteSpec } from '../http/route';
import { bodyOf, commandRoute, queryRoute } from '../http/route-builders';

const TAG = 'Call flows and schedules';
const ADMINS: readonly Role[] = ['occupier-admin'];

export const callFlowRoutes = (client: ServiceClient, prefix: string): RouteSpec[] => {
  const subject = (name: CallFlowCommandName) => callFlowCommandSubject(name, prefix);
  const serviceNumber = {
    tag: TAG,
    roles: ADMINS,
    scope: () => ({ kind: 'resource' as const }),
    response: appliedServiceNumberCommandSchema,
  };
  return [
    commandRoute(client, {
      ...serviceNumber,
      method: 'POST',
      path: '/v1/call-flows',
      subject: subject(CallFlowCommands.defineCallFlow),
      response: flowOutcomeSchema,
      schema: defineCallFlowSchema,
      summary: 'Define a call flow and its user-configurable parameters (tenant "platform" and locked flows: platform owner only)',
      body: defineCallFlowSchema,
    }),
    commandRoute(client, {
      ...serviceNumber,
      method: 'PUT',
      path: '/v1/call-flows/{flowId}',
      subject: subject(CallFlowCommands.changeCallFlow),
      response: flowOutcomeSchema,
      schema: changeCallFlowSchema,
      summary: 'Change a call flow (a new version); queued switches that no longer fit fail at their time',
      body: bodyOf(changeCallFlowSchema, 'flowId'),
    }),
    commandRoute(client, {
      ...serviceNumber,
      method: 'DELETE',
      path: '/v1/call-flows/{flowId}',
      subject: subject(CallFlowCommands.deleteCallFlow),
      response: flowOutcomeSchema,
      schema: flowOnlySchema,
      summary: 'Delete a call flow; queued switches to it fail at their time',
    }),
    commandRoute(client, {
      tag: TAG,
      roles: ['operator'],
      scope: () => ({ kind: 'resource' }),
      method: 'PUT',
      path: '/v1/numbers/{number}/service-number',
      subject: subject(CallFlowCommands.designateServiceNumber),
      response: appliedServiceNumberCommandSchema,
      schema: describeServiceNumberSchema,
      summary: 'Designate a company’s active number as a service number (operator)',
      body: bodyOf(describeServiceNumberSchema, 'number'),
    }),
    commandRoute(client, {
      ...serviceNumber,
      method: 'PATCH',
      path: '/v1/service-numbers/{number}',
      subject: subject(CallFlowCommands.describeServiceNumber),
      schema: describeServiceNumberSchema,
      summary: 'Name (up to 100 characters) and describe (up to 250) a service number',
      body: bodyOf(describeServiceNumberSchema, 'number'),
    }),
    commandRoute(client, {
      ...serviceNumber,
      method: 'PUT',
      path: '/v1/service-numbers/{number}/flow',
      subject: subject(CallFlowCommands.assignFlow),
      schema: assignFlowSchema,
      summary: 'Assign the call flow and its parameter values (each bad value is named)',
      body: bodyOf(assignFlowSchema, 'number'),
    }),
    commandRoute(client, {
      ...serviceNumber,
      method: 'POST',
      path: '/v1/service-numbers/{number}/scheduled-switches',
      subject: subject(CallFlowCommands.scheduleFlowSwitch),
      schema: scheduleFlowSwitchSchema,
      summary: 'Schedule a switch of flow and/or values at a local time in an IANA time zone',
      body: bodyOf(scheduleFlowSwitchSchema, 'number'),
    }),
    commandRoute(client, {
      ...serviceNumber,
      method: 'PUT',
      path: '/v1/service-numbers/{number}/scheduled-switches/{scheduleId}',
      subject: subject(CallFlowCommands.rescheduleFlowSwitch),
      schema: rescheduleFlowSwitchSchema,
      summary: 'Move a queued switch to another time',
      body: bodyOf(rescheduleFlowSwitchSchema, 'number', 'scheduleId'),
    }),
    commandRoute(client, {
      ...serviceNumber,
      method: 'DELETE',
      path: '/v1/service-numbers/{number}/scheduled-switches/{scheduleId}',
      subject: subject(CallFlowCommands.cancelFlowSwitch),
      schema: scheduleOnlySchema,
      summary: 'Cancel a queued switch',
    }),
    commandRoute(client, {
      ...serviceNumber,
      method: 'PUT',
      path: '/v1/service-numbers/{number}/weekly-schedule',
      subject: subject(CallFlowCommands.setWeeklySchedule),
      schema: setWeeklyScheduleSchema,
      summary: 'Weekly open/closed periods with exception dates (null removes the schedule)',
      body: bodyOf(setWeeklyScheduleSchema, 'number'),
    }),
    commandRoute(client, {
      ...serviceNumber,
      method: 'PUT',
      path: '/v1/service-numbers/{number}/override',
      subject: subject(CallFlowCommands.overrideFlow),
      schema: overrideFlowSchema,
      summary: 'Override the flow now, until the next scheduled boundary or until cleared',
      body: bodyOf(overrideFlowSchema, 'number'),
    }),
    commandRoute(client, {
      ...serviceNumber,
      method: 'DELETE',
      path: '/v1/service-numbers/{number}/override',
      subject: subject(CallFlowCommands.clearOverride),
      schema: numberOnlySchema,
      summary: 'Clear the override; the schedule’s flow in force applies',
    }),
    queryRoute(client, {
      tag: TAG,
      roles: ['operator', 'occupier-admin'],
      scope: (p) => ({ kind: 'occupier', occupierId: p['occupierId'] ?? '' }),
      method: 'GET',
      path: '/v1/occupiers/{occupierId}/call-flows',
      operationId: 'listOccupierCallFlows',
      summary: 'The call flows the company’s service numbers may use: its own and the platform’s, with their parameters',
      subject: callFlowQuerySubject(CallFlowQueries.listCallFlows, prefix),
      schema: listCallFlowsSchema,
      dataOf: (ctx) => ({ tenant: ctx.params['occupierId'] }),
      response: callFlowListSchema,
      responseDescription: 'Flows by owner and id',
    }),
    {
      tag: TAG,
      roles: ['operator', 'occupier-admin'],
      scope: (p) => ({ kind: 'occupier', occupierId: p['occupierId'] ?? '' }),
      method: 'GET',
      path: '/v1/occupiers/{occupierId}/service-numbers',
      operationId: 'listServiceNumbers',
      summary: 'Service numbers with national and international form, current flow and values, and the next scheduled change',
      response: serviceNumberListSchema,
      responseDescription: 'The company’s service numbers',
      handle: async (ctx) =>
        fromReply(
          onCallerSites(
            ctx.caller,
            await client.query<{ items: { siteId: string | null }[] }>(
              callFlowQuerySubject(CallFlowQueries.listServiceNumbers, prefix),
              ctx.principal,
              parseOrThrow(listServiceNumbersSchema, { tenant: ctx.params['occupierId'] }),
            ),
          ),
        ),
    },
    {
      tag: TAG,
      roles: ['operator', 'occupier-admin'],
      scope: () => ({ kind: 'resource' }),
      method: 'GET',
      path: '/v1/service-numbers/{number}/timeline',
      operationId: 'serviceNumberTimeline',
      summary: 'Past and future switches of a service number',
      response: serviceNumberTimelineSchema,
      responseDescription: 'The timeline',
      handle: async (ctx) => {
        const data = parseOrThrow(numberOnlySchema, { number: ctx.params['number'] });
        const reply = await client.query<{ tenant: string | null; siteId: string | null }>(
          callFlowQuerySubject(CallFlowQueries.timeline, prefix),
          ctx.principal,
          data,
        );
        if (reply.ok && !canSeeNumber(ctx.caller, reply.value.siteId ?? '', reply.value.tenant))
          throw new PlatformError('NOT_FOUND', `${data.number} is not one of your service numbers`);
        return fromReply(reply);
      },
    },
  ];
};
