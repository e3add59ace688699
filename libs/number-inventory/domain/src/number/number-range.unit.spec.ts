import { expandRange, isE164, rangeSize } from './number-range';

describe('number ranges', () => {
  test.each(['+442071234567', '+14155550100', '+4930123456'])('%s is E.164', (n) => expect(isE164(n)).toBe(true));
  test.each(['442071234567', '+0442071234567', '+44 20 7123 4567', '+4420712345678901', '+44abc'])('%s is not E.164', (n) =>
    expect(isE164(n)).toBe(false),
  );

  test('a range is expanded inclusively', () => {
    expect(expandRange('+442071230098', '+442071230101')).toEqual(['+442071230098', '+442071230099', '+442071230100', '+442071230101']);
    expect(rangeSize('+442071230098', '+442071230101')).toBe(4);
  });
});
