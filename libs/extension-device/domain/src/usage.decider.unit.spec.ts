import type { CommandMetadata } from '@tnp/kernel';
import {
  timeZoneDecider,
  usageAt,
  usageDecider,
  usagePeriodAt,
  type UsageContext,
  type UsageEvent,
  type UsageState,
} from './usage.decider';

const metadata: CommandMetadata = {
  commandId: 'c',
  now: '2026-03-31T12:00:00.000Z',
  principal: { id: 'cdr-feed', role: 'system' },
  correlationId: 'c',
};
const NY: UsageContext = { extensionExists: true, timeZone: 'America/New_York', limit: { type: 'monthly', minutes: 100 } };

const record = (state: UsageState, callId: string, minutes: number, endedAt: string, context: UsageContext = NY): UsageEvent[] =>
  usageDecider.decide(
    { type: 'RecordUsage', data: { tenant: 'acme', extensionId: 'ext-1', callId, minutes, endedAt }, metadata },
    state,
    context,
  ) as UsageEvent[];
const after = (state: UsageState, events: readonly UsageEvent[]): UsageState => events.reduce(usageDecider.evolve, state);

describe('usage periods', () => {
  test('a period is the calendar month of the occupier’s time zone, from local midnight to local midnight', () => {
    // 23:30 on 31 March in New York is already April in UTC.
    expect(usagePeriodAt('2026-04-01T03:30:00Z', 'America/New_York')).toEqual({
      period: '2026-03',
      startsAt: '2026-03-01T05:00:00.000Z', // EST
      resetsAt: '2026-04-01T04:00:00.000Z', // EDT: the clocks went forward on 8 March
    });
    expect(usagePeriodAt('2026-04-01T04:00:00Z', 'America/New_York').period).toBe('2026-04');
  });

  test('the boundaries follow daylight saving: London’s April starts at 23:00 UTC on 31 March', () => {
    expect(usagePeriodAt('2026-03-15T12:00:00Z', 'Europe/London')).toMatchObject({
      startsAt: '2026-03-01T00:00:00.000Z',
      resetsAt: '2026-03-31T23:00:00.000Z',
    });
    // Back on GMT after 25 October: 23:30 UTC on 31 October is still October there.
    expect(usagePeriodAt('2026-10-31T23:30:00Z', 'Europe/London').period).toBe('2026-10');
    expect(usagePeriodAt('2026-11-01T00:30:00Z', 'Europe/London')).toMatchObject({
      period: '2026-11',
      startsAt: '2026-11-01T00:00:00.000Z',
    });
    expect(usagePeriodAt('2026-09-30T23:30:00Z', 'Europe/London')).toMatchObject({
      period: '2026-10',
      startsAt: '2026-09-30T23:00:00.000Z',
    });
  });
});

describe('recording usage', () => {
  test('minutes add up within a period; reaching the limit is recorded once per period', () => {
    let state = usageDecider.initialState();
    const first = record(state, 'cdr-1', 60, '2026-03-10T15:00:00Z');
    expect(first.map((e) => e.type)).toEqual(['ExtensionUsageRecorded']);
    state = after(state, first);
    const second = record(state, 'cdr-2', 40, '2026-03-11T15:00:00Z');
    expect(second).toEqual([
      expect.objectContaining({ type: 'ExtensionUsageRecorded', data: expect.objectContaining({ period: '2026-03', usedMinutes: 100 }) }),
      {
        type: 'ExtensionUsageLimitReached',
        data: { tenant: 'acme', extensionId: 'ext-1', period: '2026-03', limitMinutes: 100, usedMinutes: 100 },
      },
    ]);
    state = after(state, second);
    expect(record(state, 'cdr-3', 5, '2026-03-12T15:00:00Z').map((e) => e.type)).toEqual(['ExtensionUsageRecorded']);
  });

  test('the same call-detail record twice counts once', () => {
    const state = after(usageDecider.initialState(), record(usageDecider.initialState(), 'cdr-1', 60, '2026-03-10T15:00:00Z'));
    expect(record(state, 'cdr-1', 60, '2026-03-10T15:00:00Z')).toEqual([]);
  });

  test('a new month starts from zero, and its limit can be reached again', () => {
    let state = after(usageDecider.initialState(), record(usageDecider.initialState(), 'cdr-1', 100, '2026-03-10T15:00:00Z'));
    const april = record(state, 'cdr-2', 100, '2026-04-01T04:10:00Z');
    expect(april.map((e) => [e.type, e.data.period])).toEqual([
      ['ExtensionUsageRecorded', '2026-04'],
      ['ExtensionUsageLimitReached', '2026-04'],
    ]);
    state = after(state, april);
    expect(usageAt(state, NY.limit, NY.timeZone, '2026-04-15T00:00:00Z')).toMatchObject({ usedMinutes: 100, limitReached: true });
    expect(usageAt(state, NY.limit, NY.timeZone, '2026-05-01T04:00:00Z')).toMatchObject({
      period: '2026-05',
      usedMinutes: 0,
      remainingMinutes: 100,
      limitReached: false,
      resetsAt: '2026-06-01T04:00:00.000Z',
    });
  });

  test('an unlimited extension counts minutes and never reaches a limit', () => {
    const events = record(usageDecider.initialState(), 'cdr-1', 1440, '2026-03-10T15:00:00Z', { ...NY, limit: { type: 'unlimited' } });
    expect(events.map((e) => e.type)).toEqual(['ExtensionUsageRecorded']);
    expect(usageAt(after(usageDecider.initialState(), events), { type: 'unlimited' }, 'UTC', '2026-03-11T00:00:00Z')).toMatchObject({
      usedMinutes: 1440,
      remainingMinutes: null,
      limitReached: false,
    });
  });

  test('usage for an extension that does not exist is refused as not found', () => {
    expect(() => record(usageDecider.initialState(), 'cdr-1', 5, '2026-03-10T15:00:00Z', { ...NY, extensionExists: false })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  test('only the latest periods are kept in the state', () => {
    let state = usageDecider.initialState();
    for (const [i, month] of ['01', '02', '03', '04', '05'].entries())
      state = after(state, record(state, `cdr-${i}`, 1, `2026-${month}-15T12:00:00Z`));
    expect(Object.keys(state.minutesByPeriod).sort()).toEqual(['2026-03', '2026-04', '2026-05']);
  });
});

describe('the occupier’s time zone', () => {
  const set = (timeZone: string, current = timeZoneDecider.initialState()) =>
    timeZoneDecider.decide({ type: 'SetTimeZone', data: { tenant: 'acme', timeZone }, metadata }, current, undefined);

  test('UTC until set; an IANA zone is recorded once', () => {
    expect(timeZoneDecider.initialState()).toEqual({ timeZone: 'UTC' });
    expect(set('Europe/London')).toEqual([{ type: 'OccupierTimeZoneSet', data: { tenant: 'acme', timeZone: 'Europe/London' } }]);
    expect(set('Europe/London', { timeZone: 'Europe/London' })).toEqual([]);
  });

  test('a zone that does not exist is refused by rule', () => {
    expect(() => set('Mars/Olympus_Mons')).toThrow(
      expect.objectContaining({ code: 'RULE_VIOLATED', details: { rule: 'UNKNOWN_TIME_ZONE' } }),
    );
  });
});
