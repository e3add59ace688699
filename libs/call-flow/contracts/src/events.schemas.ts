import { z } from 'zod';
import { eventDefinition, type EventCatalogue } from '@tnp/kernel';
import { OBSERVED_EXAMPLE, observedNumberSchema } from '@tnp/number-lifecycle';
import { SERVICE } from './call-flow.schemas';

/** Parameter values as stored: scalars by parameter name (the flow's definitions say which). */
const valuesSchema = z.record(z.string(), z.unknown());

const parameter = { name: z.string(), required: z.boolean() };
export const eventParameterDefinitionSchema = z.discriminatedUnion('type', [
  z.object({ ...parameter, type: z.literal('text'), maxLength: z.number().int() }),
  z.object({ ...parameter, type: z.literal('integer'), min: z.number().int(), max: z.number().int() }),
  z.object({ ...parameter, type: z.literal('boolean') }),
  z.object({ ...parameter, type: z.literal('one-of'), options: z.array(z.string()) }),
  z.object({ ...parameter, type: z.literal('phone-number') }),
  z.object({ ...parameter, type: z.literal('audio-prompt') }),
]);

const localDateTimeSchema = z.object({
  date: z.string().describe('YYYY-MM-DD, in the time zone given beside it'),
  time: z.string().describe('HH:MM or HH:MM:SS'),
});

const day = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export const eventWeeklyScheduleSchema = z.object({
  timeZone: z.string().describe('IANA time zone; boundaries fall at local times, DST-correct'),
  periods: z.array(z.object({ days: z.array(day), start: z.string(), flowId: z.string(), values: valuesSchema })),
  exceptions: z.array(z.object({ date: z.string(), flowId: z.string(), values: valuesSchema })),
});

const flowAt = { flowId: z.string() };
const PARAMS = [{ name: 'greeting', type: 'text', required: false, maxLength: 200 } as const];

export const callFlowEvents = {
  CallFlowDefined: eventDefinition(
    z.object({ ...flowAt, tenant: z.string(), name: z.string(), locked: z.boolean(), parameters: z.array(eventParameterDefinitionSchema) }),
    {
      summary: 'A call flow was defined, with the parameters a service number may set.',
      example: { flowId: 'office-hours', tenant: 'acme', name: 'Office hours', locked: false, parameters: PARAMS },
    },
  ),
  CallFlowChanged: eventDefinition(
    z.object({ ...flowAt, name: z.string(), version: z.number().int(), parameters: z.array(eventParameterDefinitionSchema) }),
    {
      summary: 'The call flow changed; its version counts the changes.',
      example: { flowId: 'office-hours', name: 'Office hours', version: 2, parameters: PARAMS },
    },
  ),
  CallFlowDeleted: eventDefinition(z.object(flowAt), { summary: 'The call flow was deleted.', example: { flowId: 'office-hours' } }),
};

const at = { number: z.string().describe('E.164') };
const N = { number: '+442071230001' };
const assignedFlow = { flowId: z.string(), version: z.number().int(), values: valuesSchema };
const SWITCH_AT = { dueAt: '2026-12-07T09:00:00.000Z', timeZone: 'Europe/London', local: { date: '2026-12-07', time: '09:00' } };

export const serviceNumberEvents = {
  ServiceNumberObserved: eventDefinition(z.object({ ...at, observed: observedNumberSchema }), {
    summary: 'What call-flow knows of the number’s lifecycle changed (from number-inventory’s events).',
    example: { ...N, observed: OBSERVED_EXAMPLE },
  }),
  ServiceNumberDesignated: eventDefinition(z.object({ ...at, tenant: z.string(), name: z.string(), description: z.string().nullable() }), {
    summary: 'The number became a service number of its tenant.',
    example: { ...N, tenant: 'acme', name: 'Support line', description: null },
  }),
  ServiceNumberDescribed: eventDefinition(z.object({ ...at, name: z.string(), description: z.string().nullable() }), {
    summary: 'The service number’s name or description changed.',
    example: { ...N, name: 'Support line', description: 'Weekdays 9-5' },
  }),
  FlowAssigned: eventDefinition(z.object({ ...at, ...assignedFlow, reason: z.enum(['assigned', 'override', 'override-cleared']) }), {
    summary: 'Calls to the service number now run this call flow with these values.',
    example: { ...N, flowId: 'office-hours', version: 1, values: { greeting: 'Welcome' }, reason: 'assigned' },
  }),
  FlowSwitchScheduled: eventDefinition(
    z.object({
      ...at,
      scheduleId: z.string(),
      kind: z.enum(['one-off', 'weekly']),
      dueAt: z.string().describe('The instant (UTC, ISO 8601) the switch is due'),
      timeZone: z.string(),
      local: localDateTimeSchema,
      flowId: z.string().nullable(),
      values: valuesSchema.nullable(),
    }),
    {
      summary: 'A switch of call flow was scheduled (the scheduler fires it at dueAt, once).',
      example: { ...N, scheduleId: 'monday-open', kind: 'one-off', ...SWITCH_AT, flowId: 'office-hours', values: {} },
    },
  ),
  FlowSwitchRescheduled: eventDefinition(
    z.object({ ...at, scheduleId: z.string(), dueAt: z.string(), timeZone: z.string(), local: localDateTimeSchema }),
    { summary: 'A scheduled switch moved to another instant.', example: { ...N, scheduleId: 'monday-open', ...SWITCH_AT } },
  ),
  ServiceNumberReleased: eventDefinition(z.object({ ...at, previousTenant: z.string(), reason: z.enum(['owner-changed']) }), {
    summary:
      'The number left the company it served (deallocated, or allocated to another): its name, flow, weekly schedule and override are gone; its queued switches were cancelled before.',
    example: { ...N, previousTenant: 'acme', reason: 'owner-changed' },
  }),
  FlowSwitchCancelled: eventDefinition(z.object({ ...at, scheduleId: z.string(), reason: z.string() }), {
    summary: 'A scheduled switch will not fire.',
    example: { ...N, scheduleId: 'monday-open', reason: 'cancelled' },
  }),
  FlowSwitched: eventDefinition(z.object({ ...at, ...assignedFlow, scheduleId: z.string(), dueAt: z.string(), late: z.boolean() }), {
    summary: 'A scheduled switch fired: the number now runs the flow (late when fired after its instant).',
    example: { ...N, flowId: 'office-hours', version: 1, values: {}, scheduleId: 'monday-open', dueAt: SWITCH_AT.dueAt, late: false },
  }),
  FlowSwitchFailed: eventDefinition(z.object({ ...at, scheduleId: z.string(), dueAt: z.string(), reason: z.string() }), {
    summary: 'A scheduled switch fell due but could not apply; the reason is the rule.',
    example: { ...N, scheduleId: 'monday-open', dueAt: SWITCH_AT.dueAt, reason: 'FLOW_NOT_FOUND' },
  }),
  WeeklyScheduleSet: eventDefinition(z.object({ ...at, schedule: eventWeeklyScheduleSchema.nullable() }), {
    summary: 'The weekly schedule of flows was set (or removed, with null).',
    example: {
      ...N,
      schedule: {
        timeZone: 'Europe/London',
        periods: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', flowId: 'office-hours', values: {} }],
        exceptions: [],
      },
    },
  }),
  FlowOverridden: eventDefinition(z.object({ ...at, until: z.enum(['next-boundary', 'cleared']) }), {
    summary: 'An override holds the current flow against the schedule, until the next boundary or until cleared.',
    example: { ...N, until: 'next-boundary' },
  }),
  FlowOverrideCleared: eventDefinition(z.object(at), { summary: 'The override ended.', example: N }),
};

export const callFlowCatalogue: EventCatalogue = {
  service: SERVICE,
  title: 'Call flows',
  aggregates: [
    {
      aggregate: 'service-number',
      description: 'A service number: its flow, scheduled switches, weekly schedule and override.',
      events: serviceNumberEvents,
    },
    { aggregate: 'call-flow', description: 'A call flow definition and its parameters.', events: callFlowEvents },
  ],
};
