import type { ParameterValues } from './call-flow.decider';
import { addDays, toInstant, toLocal, weekdayOf, type Day } from './zoned-time';

/** Open/closed periods by weekday, each starting at a local time; holidays with their own flow. */
export type WeeklyPeriod = {
  readonly days: readonly Day[];
  readonly start: string;
  readonly flowId: string;
  readonly values: ParameterValues;
};
export type ExceptionDate = { readonly date: string; readonly flowId: string; readonly values: ParameterValues };
export type WeeklySchedule = {
  readonly timeZone: string;
  readonly periods: readonly WeeklyPeriod[];
  readonly exceptions: readonly ExceptionDate[];
};

export type ScheduleEntry = { readonly flowId: string; readonly values: ParameterValues; readonly source: 'period' | 'exception' };
export type Boundary = { readonly at: number; readonly entry: ScheduleEntry };

/**
 * Every boundary from `fromDate` for `days` days, in order. Each is a local wall-clock time turned
 * into an instant in the schedule's zone, so 09:00 stays 09:00 local across daylight-saving
 * changes. An exception date replaces that day's periods from 00:00; the next day at 00:00 the
 * weekly period in force resumes.
 */
export const boundariesFrom = (schedule: WeeklySchedule, fromDate: string, days: number): Boundary[] => {
  const exceptions = new Map(schedule.exceptions.map((e) => [e.date, e]));
  const raw: { at: number; entry: ScheduleEntry | 'resume' }[] = [];
  for (let i = -8; i <= days; i++) {
    const date = addDays(fromDate, i);
    const exception = exceptions.get(date);
    if (exception) {
      raw.push({
        at: toInstant({ date, time: '00:00' }, schedule.timeZone),
        entry: { flowId: exception.flowId, values: exception.values, source: 'exception' },
      });
      if (!exceptions.has(addDays(date, 1)))
        raw.push({ at: toInstant({ date: addDays(date, 1), time: '00:00' }, schedule.timeZone), entry: 'resume' });
      continue;
    }
    const weekday = weekdayOf(date);
    for (const period of schedule.periods) {
      if (!period.days.includes(weekday)) continue;
      raw.push({
        at: toInstant({ date, time: period.start }, schedule.timeZone),
        entry: { flowId: period.flowId, values: period.values, source: 'period' },
      });
    }
  }
  raw.sort((a, b) => a.at - b.at);
  const boundaries: Boundary[] = [];
  let lastPeriod: ScheduleEntry | undefined;
  for (const { at, entry } of raw) {
    if (entry === 'resume') {
      if (lastPeriod) boundaries.push({ at, entry: lastPeriod });
      continue;
    }
    if (entry.source === 'period') lastPeriod = entry;
    boundaries.push({ at, entry });
  }
  return boundaries.filter((b) => b.at >= toInstant({ date: fromDate, time: '00:00' }, schedule.timeZone) - 8 * 86_400_000);
};

/** The first boundary strictly after an instant, if the schedule has any within two weeks. */
export const nextBoundary = (schedule: WeeklySchedule, after: number): Boundary | undefined => {
  const from = toLocal(after, schedule.timeZone).date;
  return boundariesFrom(schedule, from, 15).find((b) => b.at > after);
};

/** The entry in force at an instant: that of the latest boundary at or before it. */
export const entryInForce = (schedule: WeeklySchedule, at: number): Boundary | undefined => {
  const from = toLocal(at, schedule.timeZone).date;
  return boundariesFrom(schedule, from, 1)
    .filter((b) => b.at <= at)
    .at(-1);
};
