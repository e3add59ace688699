import {
  assignFlowSchema,
  defineCallFlowSchema,
  describeServiceNumberSchema,
  scheduleFlowSwitchSchema,
  setWeeklyScheduleSchema,
} from './call-flow.schemas';

const paths = (schema: { safeParse: (v: unknown) => { error?: { issues: { path: PropertyKey[] }[] } } }, input: unknown) =>
  schema.safeParse(input).error?.issues.map((i) => i.path.map(String).join('.')) ?? [];

const number = '+12125550100';

describe('call-flow free text', () => {
  test('flow and service-number names are single-line text; a description may span lines', () => {
    expect(paths(defineCallFlowSchema, { flowId: 'f', tenant: 'acme', name: 'Main\u0000' })).toEqual(['name']);
    expect(paths(describeServiceNumberSchema, { number, name: '\ud800' })).toEqual(['name']);
    expect(paths(describeServiceNumberSchema, { number, name: 'Reception', description: 'Front desk\nweekdays' })).toEqual([]);
    expect(paths(describeServiceNumberSchema, { number, name: 'Reception', description: 'x\u0000' })).toEqual(['description']);
    expect(paths(describeServiceNumberSchema, { number, name: 'Reception', description: 'x'.repeat(251) })).toEqual(['description']);
  });

  test('one-of options are text', () => {
    const flow = (options: string[]) => ({
      flowId: 'f',
      tenant: 'acme',
      name: 'M',
      parameters: [{ name: 'mode', type: 'one-of', options }],
    });
    expect(paths(defineCallFlowSchema, flow(['day', 'night\u0000']))).toEqual(['parameters.0.options.1']);
    expect(paths(defineCallFlowSchema, flow(['day', '\udbff']))).toEqual(['parameters.0.options.1']);
  });
});

describe('parameter values', () => {
  const assign = (values: unknown) => paths(assignFlowSchema, { number, flowId: 'f', values });

  test('text values hold no NUL or unpaired surrogate (PostgreSQL refuses them), named by parameter', () => {
    expect(assign({ greeting: 'Hello\nthere' })).toEqual([]);
    expect(assign({ greeting: 'Hello\u0000' })).toEqual(['values.greeting']);
    expect(assign({ greeting: '\ud800' })).toEqual(['values.greeting']);
    expect(assign({ greeting: 'x'.repeat(1001) })).toEqual(['values.greeting']);
  });

  test('values are scalars: nesting (however deep) is refused where it is, not serialised', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(assign({ greeting: deep })).toEqual(['values.greeting']);
    expect(assign({ greeting: { a: 1 } })).toEqual(['values.greeting']);
    expect(assign({ retries: 3, open: true, greeting: null })).toEqual([]);
  });

  test('value names are parameter names, and there are at most 50', () => {
    expect(assign({ 'bad name': 1 })).toEqual(['values.bad name']);
    expect(assign({ '\u0000': 1 })).toEqual(['values.\u0000']);
    expect(assign(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`p${i}`, i])))).toEqual(['values']);
  });

  test('schedules take the same values', () => {
    const at = { date: '2031-06-01', time: '09:00' };
    expect(
      paths(scheduleFlowSwitchSchema, { number, scheduleId: 's', at, timeZone: 'Europe/London', values: { greeting: '\u0000' } }),
    ).toEqual(['values.greeting']);
    const schedule = {
      timeZone: 'Europe/London',
      periods: [{ days: ['mon'], start: '09:00', flowId: 'f', values: { greeting: '\udfff' } }],
    };
    expect(paths(setWeeklyScheduleSchema, { number, schedule })).toEqual(['schedule.periods.0.values.greeting']);
  });

  test('a time zone is bounded', () => {
    const at = { date: '2031-06-01', time: '09:00' };
    expect(paths(scheduleFlowSwitchSchema, { number, scheduleId: 's', at, timeZone: 'x'.repeat(100_000), flowId: 'f' })).toContain(
      'timeZone',
    );
  });
});
