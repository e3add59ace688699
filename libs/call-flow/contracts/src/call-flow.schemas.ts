import { z } from 'zod';
import { text } from '@tnp/kernel';

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
} as const;
export const CallFlowQueries = { listServiceNumbers: 'list-service-numbers', timeline: 'timeline' } as const;

export type CallFlowCommandName = (typeof CallFlowCommands)[keyof typeof CallFlowCommands];
const withPrefix = (prefix: string, subject: string): string => (prefix ? `${prefix}.${subject}` : subject);
export const callFlowCommandSubject = (name: CallFlowCommandName, prefix = ''): string => withPrefix(prefix, `cmd.${SERVICE}.${name}`);
export const callFlowQuerySubject = (name: (typeof CallFlowQueries)[keyof typeof CallFlowQueries], prefix = ''): string =>
  withPrefix(prefix, `qry.${SERVICE}.${name}`);
