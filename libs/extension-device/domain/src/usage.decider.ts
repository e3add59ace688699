import { DateTime, IANAZone } from 'luxon';
import type { extensionUsageEvents, occupierTimeZoneEvents } from '@tnp/extension-device-contracts';
import { assertNever, notFound, ruleViolated, type Command, type Decider, type EventsOf } from '@tnp/kernel';
import { ExtensionRule } from './extension-rules';
import { extensionKeyOf, type UsageLimit } from './extension.types';

/** Until an occupier sets one, its periods follow UTC. */
export const DEFAULT_TIME_ZONE = 'UTC';

export const isTimeZone = (zone: string): boolean => IANAZone.isValidZone(zone);

/** A monthly usage period: the month (YYYY-MM) of the occupier's time zone, from its first day's 00:00 to the next month's. */
export type UsagePeriod = { readonly period: string; readonly startsAt: string; readonly resetsAt: string };

/** The period an instant falls in, in a time zone; the boundaries are local midnights, whatever the daylight-saving offset. */
export const usagePeriodAt = (instant: string, timeZone: string): UsagePeriod => {
  const start = DateTime.fromISO(instant, { zone: timeZone }).startOf('month');
  return {
    period: start.toFormat('yyyy-MM'),
    startsAt: start.toUTC().toISO() ?? instant,
    resetsAt: start.plus({ months: 1 }).toUTC().toISO() ?? instant,
  };
};

export const extensionUsageStreamId = (tenant: string, extensionId: string): string =>
  `extension-usage-${extensionKeyOf(tenant, extensionId)}`;
export const occupierTimeZoneStreamId = (tenant: string): string => `occupier-time-zone-${tenant}`;

export type UsageEvent = EventsOf<typeof extensionUsageEvents>;
export type TimeZoneEvent = EventsOf<typeof occupierTimeZoneEvents>;

/**
 * Minutes per period, the calls counted in each (a call-detail record sent again counts once: it
 * ends at the same instant, so in the same period), and the periods whose limit was reached.
 * Only the latest periods are kept: the state stays small however long the extension lives.
 */
export type UsageState = {
  readonly minutesByPeriod: Readonly<Record<string, number>>;
  readonly callIdsByPeriod: Readonly<Record<string, readonly string[]>>;
  readonly limitReachedIn: readonly string[];
};

const KEPT_PERIODS = 3;
const latest = <T>(byPeriod: Readonly<Record<string, T>>): Record<string, T> =>
  Object.fromEntries(
    Object.entries(byPeriod)
      .sort(([a], [b]) => (a < b ? 1 : -1))
      .slice(0, KEPT_PERIODS),
  );

type UsageAt = { readonly tenant: string; readonly extensionId: string };
export type UsageCommand = Command<
  'RecordUsage',
  UsageAt & { readonly callId: string; readonly minutes: number; readonly endedAt: string }
>;

/** What the handler knows besides the usage stream: the extension's limit and the occupier's time zone. */
export type UsageContext = { readonly limit: UsageLimit; readonly timeZone: string; readonly extensionExists: boolean };

export const usageDecider: Decider<UsageCommand, UsageEvent, UsageState, UsageContext> = {
  initialState: () => ({ minutesByPeriod: {}, callIdsByPeriod: {}, limitReachedIn: [] }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ExtensionUsageRecorded': {
        const { period, callId, usedMinutes } = event.data;
        return {
          ...state,
          minutesByPeriod: latest({ ...state.minutesByPeriod, [period]: usedMinutes }),
          callIdsByPeriod: latest({ ...state.callIdsByPeriod, [period]: [...(state.callIdsByPeriod[period] ?? []), callId] }),
        };
      }
      case 'ExtensionUsageLimitReached':
        return { ...state, limitReachedIn: [...state.limitReachedIn, event.data.period] };
      default:
        return assertNever(event, 'usage event');
    }
  },
  decide: (command, state, context) => {
    const { tenant, extensionId, callId, minutes, endedAt } = command.data;
    if (!context.extensionExists) throw notFound(`Extension ${extensionId} does not exist`);
    const { period } = usagePeriodAt(endedAt, context.timeZone);
    if (state.callIdsByPeriod[period]?.includes(callId)) return [];
    const usedMinutes = (state.minutesByPeriod[period] ?? 0) + minutes;
    const events: UsageEvent[] = [
      { type: 'ExtensionUsageRecorded', data: { tenant, extensionId, callId, minutes, endedAt, period, usedMinutes } },
    ];
    const { limit } = context;
    if (limit.type === 'monthly' && usedMinutes >= limit.minutes && !state.limitReachedIn.includes(period))
      events.push({ type: 'ExtensionUsageLimitReached', data: { tenant, extensionId, period, limitMinutes: limit.minutes, usedMinutes } });
    return events;
  },
};

/** The usage an extension has in the period `at` falls in: a new month starts from zero. */
export const usageAt = (state: UsageState, limit: UsageLimit, timeZone: string, at: string) => {
  const current = usagePeriodAt(at, timeZone);
  const usedMinutes = state.minutesByPeriod[current.period] ?? 0;
  return {
    ...current,
    timeZone,
    usedMinutes,
    limit,
    remainingMinutes: limit.type === 'monthly' ? Math.max(0, limit.minutes - usedMinutes) : null,
    limitReached: limit.type === 'monthly' && usedMinutes >= limit.minutes,
  };
};

export type TimeZoneCommand = Command<'SetTimeZone', { readonly tenant: string; readonly timeZone: string }>;

export const timeZoneDecider: Decider<TimeZoneCommand, TimeZoneEvent, { readonly timeZone: string }> = {
  initialState: () => ({ timeZone: DEFAULT_TIME_ZONE }),
  evolve: (_state, event) => ({ timeZone: event.data.timeZone }),
  decide: (command, state) => {
    if (!isTimeZone(command.data.timeZone))
      throw ruleViolated(ExtensionRule.UNKNOWN_TIME_ZONE, `${command.data.timeZone} is not an IANA time zone (for example Europe/London)`);
    return state.timeZone === command.data.timeZone ? [] : [{ type: 'OccupierTimeZoneSet', data: command.data }];
  },
};
