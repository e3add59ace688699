/**
 * Wall-clock times in an IANA zone and the instants they name, without a date library.
 * Documented rule (the same as RFC 5545 and Temporal's "compatible"): a local time that does
 * not exist (the clocks jump forward over it) moves forward by the length of the gap; a local
 * time that occurs twice (the clocks go back) means its first occurrence.
 */
export type LocalDateTime = { readonly date: string; readonly time: string };

const partsFormatter = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = partsFormatter.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    partsFormatter.set(timeZone, formatter);
  }
  return formatter;
};

export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
};

type Fields = { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number };
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const fieldsAt = (instant: number, timeZone: string): Fields => {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    second: Number(parts['second']),
    weekday: WEEKDAYS.indexOf(parts['weekday'] ?? ''),
  };
};

/** Offset of the zone from UTC at an instant, in milliseconds. */
const offsetAt = (instant: number, timeZone: string): number => {
  const f = fieldsAt(instant, timeZone);
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - Math.floor(instant / 1000) * 1000;
};

const parseLocal = ({ date, time }: LocalDateTime): number => {
  const [y = 0, mo = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, mi = 0, sec = 0] = time.split(':').map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, sec);
};

export const toLocal = (instant: number, timeZone: string): LocalDateTime & { readonly weekday: number } => {
  const f = fieldsAt(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${f.year}-${pad(f.month)}-${pad(f.day)}`, time: `${pad(f.hour)}:${pad(f.minute)}`, weekday: f.weekday };
};

/** The instant a wall-clock time names in a zone, by the rule above. */
export const toInstant = (local: LocalDateTime, timeZone: string): number => {
  const wall = parseLocal(local);
  const before = offsetAt(wall - 86_400_000, timeZone);
  const after = offsetAt(wall + 86_400_000, timeZone);
  const matches = [...new Set([wall - before, wall - after])].filter((t) => {
    const back = toLocal(t, timeZone);
    return back.date === local.date && back.time === local.time.slice(0, 5);
  });
  if (matches.length > 0) return Math.min(...matches);
  return wall - before;
};

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

export const addDays = (date: string, days: number): string => {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
};

export const weekdayOf = (date: string): Day => {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return DAYS[(new Date(t).getUTCDay() + 6) % 7] ?? 'mon';
};
