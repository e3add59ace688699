import { z } from 'zod';
import { text, type Reply } from '@tnp/kernel';
import type { AppliedScheduledSwitch } from './responses.schemas';

export const SERVICE = 'call-flow';

const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1-64 letters, digits, dot, dash or underscore');
const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number: + then 7 to 15 digits, no spaces');
const timeZone = z
  .string()
  .max(64, 'must be an IANA time zone such as Europe/London')
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be an IANA time zone such as Europe/London' },
  );
const localDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (24 h)');
const localTimeWithSeconds = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'a time as HH:MM or HH:MM:SS (24 h)');
const paramName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'letters, digits and underscores');
/** The longest text a text parameter may declare, and so the longest text value. */
export const MAX_TEXT_PARAMETER_LENGTH = 1000;
const MAX_PARAMETERS = 50;
/**
 * Parameter values: scalars only (the flow's definitions say which), text as free text. Whether a
 * value fits its parameter is the decider's to say; what can be stored is said here.
 */
const values = z
  .record(paramName, z.union([text({ max: MAX_TEXT_PARAMETER_LENGTH, multiline: true, trim: false }), z.number(), z.boolean(), z.null()]))
  .refine((v) => Object.keys(v).length <= MAX_PARAMETERS, { message: `at most ${MAX_PARAMETERS} values` });

export const parameterDefinitionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    name: paramName,
    type: z.literal('text'),
    required: z.boolean().default(false),
    maxLength: z.number().int().min(1).max(MAX_TEXT_PARAMETER_LENGTH),
  }),
  z
    .strictObject({
      name: paramName,
      type: z.literal('integer'),
      required: z.boolean().default(false),
      min: z.number().int(),
      max: z.number().int(),
    })
    .refine((d) => d.min <= d.max, { path: ['min'], message: 'must not be above max' }),
  z.strictObject({ name: paramName, type: z.literal('boolean'), required: z.boolean().default(false) }),
  z.strictObject({
    name: paramName,
    type: z.literal('one-of'),
    required: z.boolean().default(false),
    options: z
      .array(text({ max: 60, min: 1, trim: false }))
      .min(1)
      .max(50),
  }),
  z.strictObject({ name: paramName, type: z.literal('phone-number'), required: z.boolean().default(false) }),
  z.strictObject({ name: paramName, type: z.literal('audio-prompt'), required: z.boolean().default(false) }),
]);

const parameters = z
  .array(parameterDefinitionSchema)
  .max(MAX_PARAMETERS)
  .refine((ps) => new Set(ps.map((p) => p.name)).size === ps.length, { message: 'parameter names must be unique' });

export const defineCallFlowSchema = z.strictObject({
  flowId: slug,
  tenant: slug,
  name: text({ max: 100, min: 1 }),
  locked: z.boolean().default(false),
  parameters: parameters.default([]),
});
export const changeCallFlowSchema = z.strictObject({ flowId: slug, name: text({ max: 100, min: 1 }), parameters });
export const flowOnlySchema = z.strictObject({ flowId: slug });

export const describeServiceNumberSchema = z.strictObject({
  number: e164,
  name: text({ max: 100, min: 1 }),
  description: text({ max: 250, multiline: true }).nullable().default(null),
});
export const assignFlowSchema = z.strictObject({ number: e164, flowId: slug, values: values.default({}) });
export const localDateTimeSchema = z.strictObject({ date: localDate, time: localTimeWithSeconds });
export const scheduleFlowSwitchSchema = z
  .strictObject({
    number: e164,
    scheduleId: slug,
    at: localDateTimeSchema,
    timeZone,
    flowId: slug.nullable().default(null),
    values: values.nullable().default(null),
  })
  .refine((s) => s.flowId !== null || s.values !== null, { path: ['flowId'], message: 'switch the flow, the values, or both' });
export const rescheduleFlowSwitchSchema = z.strictObject({ number: e164, scheduleId: slug, at: localDateTimeSchema, timeZone });
export const scheduleOnlySchema = z.strictObject({ number: e164, scheduleId: slug });

/** The most switches one apply-scheduled-switches request may carry. */
export const MAX_SCHEDULED_SWITCHES_PER_BATCH = 1000;
/**
 * Due switches applied in one request (the scheduler fires a burst this way). Each switch is its
 * own command under its own id (the timer's, `timer:<number>/<scheduleId>`): it is applied once
 * by that id, whether it comes alone (apply-scheduled-switch), in a batch, or again in another
 * batch. Its data is checked as apply-scheduled-switch checks it, switch by switch, so one that
 * does not fit is refused alone and the rest are applied.
 */
export const applyScheduledSwitchesSchema = z.strictObject({
  switches: z
    .array(z.strictObject({ commandId: z.string().min(8).max(100), data: z.unknown() }))
    .min(1)
    .max(MAX_SCHEDULED_SWITCHES_PER_BATCH),
});
export type ScheduledSwitchRequest = { readonly commandId: string; readonly data: z.input<typeof scheduleOnlySchema> };

/**
 * One switch's result, in the order sent; `reply` is what apply-scheduled-switch would answer.
 * `applied`: this request applied it. `already-applied`: its id was applied before (an earlier
 * request, another replica's, a duplicate earlier in this batch): `reply` is that first result.
 * `refused`: a final answer with its code and rule (a rule, an id bound to another command), kept
 * under the id like a result. `failed`: not an answer (a store out of reach, the same id still
 * running elsewhere, data that does not validate): nothing is kept under the id; send it again.
 */
export type ScheduledSwitchResult = {
  readonly commandId: string;
  readonly status: 'applied' | 'already-applied' | 'refused' | 'failed';
  readonly reply: Reply<AppliedScheduledSwitch>;
};
export type AppliedScheduledSwitches = { readonly results: readonly ScheduledSwitchResult[] };

const day = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export const weeklyScheduleSchema = z.strictObject({
  timeZone,
  periods: z
    .array(z.strictObject({ days: z.array(day).min(1).max(7), start: localTime, flowId: slug, values: values.default({}) }))
    .min(1)
    .max(50),
  exceptions: z
    .array(z.strictObject({ date: localDate, flowId: slug, values: values.default({}) }))
    .max(366)
    .default([]),
});
export const setWeeklyScheduleSchema = z.strictObject({ number: e164, schedule: weeklyScheduleSchema.nullable() });
export const overrideFlowSchema = z.strictObject({
  number: e164,
  flowId: slug,
  values: values.default({}),
  until: z.enum(['next-boundary', 'cleared']),
});
export const numberOnlySchema = z.strictObject({ number: e164 });
export const listServiceNumbersSchema = z.strictObject({ tenant: slug });
/** The flows a company's service numbers may use: its own and the platform's. */
export const listCallFlowsSchema = z.strictObject({ tenant: slug });

export const CallFlowCommands = {
  defineCallFlow: 'define-call-flow',
  changeCallFlow: 'change-call-flow',
  deleteCallFlow: 'delete-call-flow',
  designateServiceNumber: 'designate-service-number',
  describeServiceNumber: 'describe-service-number',
  assignFlow: 'assign-flow',
  scheduleFlowSwitch: 'schedule-flow-switch',
  rescheduleFlowSwitch: 'reschedule-flow-switch',
  cancelFlowSwitch: 'cancel-flow-switch',
  setWeeklySchedule: 'set-weekly-schedule',
  overrideFlow: 'override-flow',
  clearOverride: 'clear-override',
  applyScheduledSwitch: 'apply-scheduled-switch',
  applyScheduledSwitches: 'apply-scheduled-switches',
} as const;
export const CallFlowQueries = {
  listServiceNumbers: 'list-service-numbers',
  timeline: 'timeline',
  listCallFlows: 'list-call-flows',
} as const;

export type CallFlowCommandName = (typeof CallFlowCommands)[keyof typeof CallFlowCommands];
const withPrefix = (prefix: string, subject: string): string => (prefix ? `${prefix}.${subject}` : subject);
export const callFlowCommandSubject = (name: CallFlowCommandName, prefix = ''): string => withPrefix(prefix, `cmd.${SERVICE}.${name}`);
export const callFlowQuerySubject = (name: (typeof CallFlowQueries)[keyof typeof CallFlowQueries], prefix = ''): string =>
  withPrefix(prefix, `qry.${SERVICE}.${name}`);
