import type { Principal } from '@tnp/kernel';
import { callFlowDecider, checkValues, type CallFlowEvent, type CallFlowState, type ParameterDefinition } from './call-flow.decider';
import {
  decideServiceNumber,
  evolveServiceNumber,
  initialServiceNumberState,
  type ServiceNumberCommand,
  type ServiceNumberEvent,
} from './service-number.decider';
import { nextBoundary, entryInForce, type WeeklySchedule } from './weekly-schedule';

const N = '+442071230001';
const admin: Principal = { id: 'a', role: 'occupier-admin', tenantId: 'acme' };
const platform: Principal = { id: 'p', role: 'platform' };
const NOW = '2026-12-01T12:00:00.000Z';
const params: ParameterDefinition[] = [
  { name: 'greeting', type: 'text', required: true, maxLength: 20 },
  { name: 'queueSize', type: 'integer', required: false, min: 1, max: 50 },
  { name: 'mode', type: 'one-of', required: false, options: ['day', 'night'] },
];
const flow = (flowId: string, over: Partial<Extract<CallFlowState, { exists: true }>> = {}): [string, CallFlowState] => [
  flowId,
  { exists: true, tenant: 'acme', name: flowId, locked: false, version: 1, parameters: params, deleted: false, ...over },
];
const flows = (...entries: [string, CallFlowState][]) => ({ flows: new Map(entries) });
const open = flow('open');
const closed = flow('closed');
const basic = flow('basic', { tenant: 'platform', locked: true });
const ctx = flows(open, closed, basic);

const observed: ServiceNumberEvent = {
  type: 'ServiceNumberObserved',
  data: {
    number: N,
    observed: {
      siteId: 'lon-1',
      owner: { type: 'occupier', occupierId: 'acme' },
      status: 'ACTIVE',
      isMain: false,
      ext: null,
      inventoryRevision: 2,
    },
  },
};
const designated: ServiceNumberEvent = {
  type: 'ServiceNumberDesignated',
  data: { number: N, tenant: 'acme', name: 'Sales line', description: null },
};
const assigned = (flowId: string): ServiceNumberEvent => ({
  type: 'FlowAssigned',
  data: { number: N, flowId, version: 1, values: { greeting: 'Hi' }, reason: 'assigned' },
});
const given = (...events: ServiceNumberEvent[]) => events.reduce(evolveServiceNumber, initialServiceNumberState());
const cmd = (type: ServiceNumberCommand['type'], data: object = {}, principal: Principal = admin, now = NOW) =>
  ({ type, data: { number: N, ...data }, metadata: { commandId: 'c', now, correlationId: 'c', principal } }) as ServiceNumberCommand;
const rule = (fn: () => unknown, code: string) => expect(fn).toThrow(expect.objectContaining({ details: { rule: code } }));
const fields = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    return ((error as { details: { fields?: { path: string }[] } }).details.fields ?? []).map((f) => f.path);
  }
  return [];
};

describe('call flow parameters', () => {
  test('each problem names its parameter', () => {
    expect(checkValues(params, { queueSize: 99, mode: 'evening', colour: 'blue' }).map((p) => p.path)).toEqual([
      'values.colour',
      'values.greeting',
      'values.queueSize',
      'values.mode',
    ]);
    expect(checkValues(params, { greeting: 'x'.repeat(21) })[0]).toMatchObject({
      path: 'values.greeting',
      message: 'must be at most 20 characters',
    });
    expect(checkValues(params, { greeting: 'Hello', queueSize: 5, mode: 'day' })).toEqual([]);
  });

  test('only the platform owner defines locked flows', () => {
    const define = (principal: Principal, locked: boolean) =>
      callFlowDecider.decide(
        {
          type: 'DefineCallFlow',
          data: { flowId: 'f', tenant: 'acme', name: 'F', locked, parameters: [] },
          metadata: cmd('CancelFlowSwitch', {}, principal).metadata,
        },
        { exists: false },
        undefined,
      );
    expect(() => define(admin, true)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(define(admin, false)).toHaveLength(1);
    const changed = [
      ...define(admin, false),
      { type: 'CallFlowChanged', data: { flowId: 'f', name: 'F', version: 2, parameters: params } } as CallFlowEvent,
    ];
    expect(changed.reduce(callFlowDecider.evolve, { exists: false } as CallFlowState)).toMatchObject({ version: 2 });
  });
});

describe('service numbers', () => {
  test('the operator designates an active company number; company admins name it and assign a flow with valid values', () => {
    expect(
      decideServiceNumber(
        cmd('DesignateServiceNumber', { name: 'Sales line', description: null }, { id: 'o', role: 'operator', sites: ['lon-1'] }),
        given(observed),
        ctx,
      ),
    ).toEqual([designated]);
    expect(() => decideServiceNumber(cmd('DesignateServiceNumber', { name: 'x', description: null }), given(observed), ctx)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(
      decideServiceNumber(cmd('AssignFlow', { flowId: 'open', values: { greeting: 'Hi' } }), given(observed, designated), ctx),
    ).toEqual([assigned('open')]);
    expect(
      fields(() => decideServiceNumber(cmd('AssignFlow', { flowId: 'open', values: { queueSize: 0 } }), given(observed, designated), ctx)),
    ).toEqual(['values.greeting', 'values.queueSize']);
    rule(() => decideServiceNumber(cmd('AssignFlow', { flowId: 'open', values: {} }), given(observed), ctx), 'NOT_SERVICE_NUMBER');
  });

  test('a locked flow keeps its numbers: admins change its values but cannot leave it; the platform can', () => {
    const onBasic = given(observed, designated, { ...assigned('basic') });
    rule(() => decideServiceNumber(cmd('AssignFlow', { flowId: 'open', values: { greeting: 'Hi' } }), onBasic, ctx), 'FLOW_LOCKED');
    expect(decideServiceNumber(cmd('AssignFlow', { flowId: 'basic', values: { greeting: 'Hello' } }), onBasic, ctx)).toHaveLength(1);
    expect(decideServiceNumber(cmd('AssignFlow', { flowId: 'open', values: { greeting: 'Hi' } }, platform), onBasic, ctx)).toHaveLength(1);
    rule(
      () =>
        decideServiceNumber(
          cmd('ScheduleFlowSwitch', {
            scheduleId: 's',
            at: { date: '2026-12-24', time: '18:00' },
            timeZone: 'Europe/London',
            flowId: 'open',
            values: { greeting: 'x' },
          }),
          onBasic,
          ctx,
        ),
      'FLOW_LOCKED',
    );
    expect(
      decideServiceNumber(
        cmd('ScheduleFlowSwitch', {
          scheduleId: 's',
          at: { date: '2026-12-24', time: '18:00' },
          timeZone: 'Europe/London',
          flowId: null,
          values: { greeting: 'Xmas' },
        }),
        onBasic,
        ctx,
      ),
    ).toHaveLength(1);
  });

  test('a one-off switch is scheduled in the company time zone, refused in the past, and can be rescheduled or cancelled', () => {
    const state = given(observed, designated, assigned('open'));
    const scheduled = decideServiceNumber(
      cmd('ScheduleFlowSwitch', {
        scheduleId: 'xmas',
        at: { date: '2026-12-24', time: '18:00' },
        timeZone: 'Europe/London',
        flowId: 'closed',
        values: { greeting: 'Closed' },
      }),
      state,
      ctx,
    );
    expect(scheduled[0]).toMatchObject({ type: 'FlowSwitchScheduled', data: { dueAt: '2026-12-24T18:00:00.000Z', kind: 'one-off' } });
    rule(
      () =>
        decideServiceNumber(
          cmd('ScheduleFlowSwitch', {
            scheduleId: 'old',
            at: { date: '2026-11-30', time: '09:00' },
            timeZone: 'Europe/London',
            flowId: 'closed',
            values: { greeting: 'x' },
          }),
          state,
          ctx,
        ),
      'SCHEDULE_IN_PAST',
    );
    const withPending = given(observed, designated, assigned('open'), ...scheduled);
    expect(
      decideServiceNumber(
        cmd('RescheduleFlowSwitch', { scheduleId: 'xmas', at: { date: '2026-12-24', time: '17:00' }, timeZone: 'Europe/London' }),
        withPending,
        ctx,
      )[0],
    ).toMatchObject({ data: { dueAt: '2026-12-24T17:00:00.000Z' } });
    expect(decideServiceNumber(cmd('CancelFlowSwitch', { scheduleId: 'xmas' }), withPending, ctx)[0]?.type).toBe('FlowSwitchCancelled');
  });

  test('a due switch applies once; late ones are marked late; a deleted or incompatible flow fails with its reason', () => {
    const scheduled = decideServiceNumber(
      cmd('ScheduleFlowSwitch', {
        scheduleId: 'xmas',
        at: { date: '2026-12-24', time: '18:00' },
        timeZone: 'Europe/London',
        flowId: 'closed',
        values: { greeting: 'Closed' },
      }),
      given(observed, designated, assigned('open')),
      ctx,
    );
    const state = given(observed, designated, assigned('open'), ...scheduled);
    const onTime = decideServiceNumber(
      cmd('ApplyScheduledSwitch', { scheduleId: 'xmas' }, { id: 's', role: 'system' }, '2026-12-24T18:00:00.050Z'),
      state,
      ctx,
    );
    expect(onTime).toEqual([
      {
        type: 'FlowSwitched',
        data: {
          number: N,
          scheduleId: 'xmas',
          dueAt: '2026-12-24T18:00:00.000Z',
          late: false,
          flowId: 'closed',
          version: 1,
          values: { greeting: 'Closed' },
        },
      },
    ]);
    expect(
      decideServiceNumber(
        cmd('ApplyScheduledSwitch', { scheduleId: 'xmas' }, { id: 's', role: 'system' }),
        given(observed, designated, assigned('open'), ...scheduled, ...onTime),
        ctx,
      ),
    ).toEqual([]);
    const late = decideServiceNumber(
      cmd('ApplyScheduledSwitch', { scheduleId: 'xmas' }, { id: 's', role: 'system' }, '2026-12-24T18:05:00.000Z'),
      state,
      ctx,
    );
    expect(late[0]).toMatchObject({ data: { late: true } });
    const deleted = flows(open, flow('closed', { deleted: true }));
    expect(decideServiceNumber(cmd('ApplyScheduledSwitch', { scheduleId: 'xmas' }, { id: 's', role: 'system' }), state, deleted)).toEqual([
      {
        type: 'FlowSwitchFailed',
        data: { number: N, scheduleId: 'xmas', dueAt: '2026-12-24T18:00:00.000Z', reason: 'call flow closed was deleted' },
      },
    ]);
    const incompatible = flows(open, flow('closed', { version: 2, parameters: [{ name: 'menu', type: 'audio-prompt', required: true }] }));
    expect(
      decideServiceNumber(cmd('ApplyScheduledSwitch', { scheduleId: 'xmas' }, { id: 's', role: 'system' }), state, incompatible)[0],
    ).toMatchObject({ type: 'FlowSwitchFailed' });
  });
});

describe('weekly schedules', () => {
  const schedule: WeeklySchedule = {
    timeZone: 'Europe/London',
    periods: [
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', flowId: 'open', values: { greeting: 'Open' } },
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '18:00', flowId: 'closed', values: { greeting: 'Closed' } },
    ],
    exceptions: [{ date: '2027-03-26', flowId: 'closed', values: { greeting: 'Holiday' } }],
  };
  const at = (iso: string) => Date.parse(iso);

  test('09:00 local stays 09:00 local on both sides of the March change', () => {
    expect(new Date(nextBoundary(schedule, at('2027-03-25T18:30:00Z'))!.at).toISOString()).toBe('2027-03-26T00:00:00.000Z');
    expect(new Date(nextBoundary(schedule, at('2027-03-26T12:00:00Z'))!.at).toISOString()).toBe('2027-03-27T00:00:00.000Z');
    expect(new Date(nextBoundary(schedule, at('2027-03-27T12:00:00Z'))!.at).toISOString()).toBe('2027-03-29T08:00:00.000Z');
    expect(new Date(nextBoundary(schedule, at('2027-03-24T12:00:00Z'))!.at).toISOString()).toBe('2027-03-24T18:00:00.000Z');
  });

  test('a holiday has its own flow all day; the weekly period in force resumes after it', () => {
    expect(entryInForce(schedule, at('2027-03-26T10:00:00Z'))?.entry).toMatchObject({ flowId: 'closed', source: 'exception' });
    expect(entryInForce(schedule, at('2027-03-27T10:00:00Z'))?.entry).toMatchObject({
      flowId: 'closed',
      values: { greeting: 'Closed' },
      source: 'period',
    });
    expect(entryInForce(schedule, at('2027-03-29T08:30:00Z'))?.entry).toMatchObject({ flowId: 'open' });
  });

  test('setting a schedule queues its next boundary; a boundary applies the entry in force and queues the next', () => {
    const set = decideServiceNumber(
      cmd('SetWeeklySchedule', { schedule }, admin, '2027-03-24T12:00:00.000Z'),
      given(observed, designated, assigned('open')),
      ctx,
    );
    expect(set.map((e) => e.type)).toEqual(['WeeklyScheduleSet', 'FlowSwitchScheduled']);
    expect(set[1]).toMatchObject({
      data: { scheduleId: 'weekly:2027-03-24T18:00:00.000Z', kind: 'weekly', local: { date: '2027-03-24', time: '18:00' } },
    });
    const state = given(observed, designated, assigned('open'), ...set);
    const applied = decideServiceNumber(
      cmd(
        'ApplyScheduledSwitch',
        { scheduleId: 'weekly:2027-03-24T18:00:00.000Z' },
        { id: 's', role: 'system' },
        '2027-03-24T18:00:00.020Z',
      ),
      state,
      ctx,
    );
    expect(applied.map((e) => e.type)).toEqual(['FlowSwitched', 'FlowSwitchScheduled']);
    expect(applied[0]).toMatchObject({ data: { flowId: 'closed', late: false } });
  });

  test('after downtime only the latest missed boundary applies', () => {
    const set = decideServiceNumber(
      cmd('SetWeeklySchedule', { schedule }, admin, '2027-03-24T12:00:00.000Z'),
      given(observed, designated, assigned('open')),
      ctx,
    );
    const state = given(observed, designated, assigned('open'), ...set);
    const afterDowntime = decideServiceNumber(
      cmd(
        'ApplyScheduledSwitch',
        { scheduleId: 'weekly:2027-03-24T18:00:00.000Z' },
        { id: 's', role: 'system' },
        '2027-03-25T10:00:00.000Z',
      ),
      state,
      ctx,
    );
    expect(afterDowntime[0]).toMatchObject({ type: 'FlowSwitched', data: { flowId: 'open', late: true } });
    expect(afterDowntime[1]).toMatchObject({ data: { scheduleId: 'weekly:2027-03-25T18:00:00.000Z' } });
  });

  test('a manual override holds until the next boundary, or until cleared', () => {
    const set = decideServiceNumber(
      cmd('SetWeeklySchedule', { schedule }, admin, '2027-03-24T12:00:00.000Z'),
      given(observed, designated, assigned('open')),
      ctx,
    );
    const overridden = decideServiceNumber(
      cmd('OverrideFlow', { flowId: 'closed', values: { greeting: 'Fire drill' }, until: 'cleared' }, admin, '2027-03-24T12:00:00.000Z'),
      given(observed, designated, assigned('open'), ...set),
      ctx,
    );
    const state = given(observed, designated, assigned('open'), ...set, ...overridden);
    const boundary = decideServiceNumber(
      cmd(
        'ApplyScheduledSwitch',
        { scheduleId: 'weekly:2027-03-24T18:00:00.000Z' },
        { id: 's', role: 'system' },
        '2027-03-24T18:00:00.000Z',
      ),
      state,
      ctx,
    );
    expect(boundary.map((e) => e.type)).toEqual(['FlowSwitchCancelled', 'FlowSwitchScheduled']);
    const cleared = decideServiceNumber(cmd('ClearOverride', {}, admin, '2027-03-24T13:00:00.000Z'), state, ctx);
    expect(cleared.map((e) => e.type)).toEqual(['FlowOverrideCleared', 'FlowAssigned']);
    const untilNext = given(
      observed,
      designated,
      assigned('open'),
      ...set,
      ...decideServiceNumber(
        cmd('OverrideFlow', { flowId: 'closed', values: { greeting: 'x' }, until: 'next-boundary' }, admin, '2027-03-24T12:00:00.000Z'),
        given(observed, designated, assigned('open'), ...set),
        ctx,
      ),
    );
    const applied = decideServiceNumber(
      cmd(
        'ApplyScheduledSwitch',
        { scheduleId: 'weekly:2027-03-24T18:00:00.000Z' },
        { id: 's', role: 'system' },
        '2027-03-24T18:00:00.000Z',
      ),
      untilNext,
      ctx,
    );
    expect(applied[0]?.type).toBe('FlowSwitched');
    expect(given(observed, designated, assigned('open'), ...set, ...applied).override).toBeNull();
  });
});

describe('a service number that leaves its company', () => {
  const scheduleXmas = cmd('ScheduleFlowSwitch', {
    scheduleId: 'xmas',
    at: { date: '2026-12-24', time: '18:00' },
    timeZone: 'Europe/London',
    flowId: 'closed',
    values: { greeting: 'Closed' },
  });
  const setUp = () => {
    const base = given(observed, designated, assigned('open'));
    return given(observed, designated, assigned('open'), ...decideServiceNumber(scheduleXmas, base, ctx));
  };
  const fact = (type: 'NumberDeallocated' | 'NumberAllocated', revision: number) =>
    cmd(
      'ObserveInventory',
      {
        fact:
          type === 'NumberDeallocated'
            ? {
                type,
                revision,
                data: {
                  number: N,
                  siteId: 'lon-1',
                  previousOwner: { type: 'occupier', occupierId: 'acme' },
                  coolingOffUntil: null,
                  wasMain: false,
                },
              }
            : {
                type,
                revision,
                data: { number: N, siteId: 'lon-1', owner: { type: 'occupier', occupierId: 'globex' }, isMain: false, ext: null },
              },
      },
      { id: 'number-inventory', role: 'system' },
    );

  test('deallocated: its queued switches are cancelled and its name, flow and schedule go; the next company starts from nothing', () => {
    const state = setUp();
    expect(state.pending.map((p) => p.scheduleId)).toEqual(['xmas']);
    const events = decideServiceNumber(fact('NumberDeallocated', 3), state, ctx);
    expect(events.map((e) => e.type)).toEqual(['ServiceNumberObserved', 'FlowSwitchCancelled', 'ServiceNumberReleased']);
    expect(events[1]).toEqual({ type: 'FlowSwitchCancelled', data: { number: N, scheduleId: 'xmas', reason: 'number-left-company' } });
    expect(events[2]).toEqual({ type: 'ServiceNumberReleased', data: { number: N, previousTenant: 'acme', reason: 'owner-changed' } });
    const released = events.reduce(evolveServiceNumber, state);
    expect(released).toMatchObject({
      designated: false,
      name: '',
      description: null,
      flow: null,
      pending: [],
      weekly: null,
      override: null,
    });
    expect(released.observed?.owner).toBeNull();

    const reallocated = decideServiceNumber(fact('NumberAllocated', 4), released, ctx);
    expect(reallocated.map((e) => e.type)).toEqual(['ServiceNumberObserved']);
    const atGlobex = reallocated.reduce(evolveServiceNumber, released);
    expect(atGlobex).toMatchObject({ designated: false, name: '', flow: null, pending: [] });
    expect(atGlobex.observed?.owner).toEqual({ type: 'occupier', occupierId: 'globex' });
  });

  test('a number the company never set up, or a fact that keeps the owner, releases nothing', () => {
    const bare = given(observed);
    expect(decideServiceNumber(fact('NumberDeallocated', 3), bare, ctx).map((e) => e.type)).toEqual(['ServiceNumberObserved']);
    const state = setUp();
    const sameOwner = cmd(
      'ObserveInventory',
      {
        fact: {
          type: 'NumberDeactivated',
          revision: 3,
          data: { number: N, siteId: 'lon-1', owner: { type: 'occupier', occupierId: 'acme' } },
        },
      },
      { id: 'number-inventory', role: 'system' },
    );
    expect(decideServiceNumber(sameOwner, state, ctx).every((e) => e.type === 'ServiceNumberObserved')).toBe(true);
  });
});
