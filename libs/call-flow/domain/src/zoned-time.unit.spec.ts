import { addDays, toInstant, toLocal, weekdayOf } from './zoned-time';

const iso = (t: number) => new Date(t).toISOString();

describe('zoned time', () => {
  test('09:00 in London is 09:00 UTC in winter and 08:00 UTC in summer', () => {
    expect(iso(toInstant({ date: '2027-03-26', time: '09:00' }, 'Europe/London'))).toBe('2027-03-26T09:00:00.000Z');
    expect(iso(toInstant({ date: '2027-03-29', time: '09:00' }, 'Europe/London'))).toBe('2027-03-29T08:00:00.000Z');
  });

  test('a local time in the spring-forward gap moves forward by the gap', () => {
    expect(iso(toInstant({ date: '2027-03-28', time: '01:30' }, 'Europe/London'))).toBe('2027-03-28T01:30:00.000Z');
    expect(toLocal(toInstant({ date: '2027-03-28', time: '01:30' }, 'Europe/London'), 'Europe/London').time).toBe('02:30');
  });

  test('a local time that occurs twice in autumn means the first occurrence', () => {
    expect(iso(toInstant({ date: '2026-10-25', time: '01:30' }, 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(toInstant({ date: '2026-11-01', time: '01:30' }, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
  });

  test('seconds are kept', () => {
    expect(iso(toInstant({ date: '2027-03-29', time: '09:00:30' }, 'Europe/London'))).toBe('2027-03-29T08:00:30.000Z');
  });

  test('zones east of UTC and calendar arithmetic', () => {
    expect(iso(toInstant({ date: '2026-12-24', time: '18:00' }, 'Asia/Singapore'))).toBe('2026-12-24T10:00:00.000Z');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekdayOf('2026-11-23')).toBe('mon');
  });
});
