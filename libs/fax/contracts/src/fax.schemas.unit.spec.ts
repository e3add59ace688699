import { faxSettingsSchema } from './fax.schemas';

describe('fax settings schema', () => {
  test('defaults: detection wait 5 s, rates 2400 to 14400, T.38 and ECM on', () => {
    expect(faxSettingsSchema.parse({})).toEqual({
      outboundCallerId: false,
      inboundDetection: false,
      detectionWaitSeconds: 5,
      minRate: 2400,
      maxRate: 14400,
      t38: true,
      errorCorrection: true,
    });
  });

  test('a minimum rate above the maximum, an unknown rate or an unbounded wait is refused with the field', () => {
    const paths = (input: object) => faxSettingsSchema.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ minRate: 14400, maxRate: 9600 })).toEqual(['minRate']);
    expect(paths({ minRate: 5000 })).toEqual(['minRate']);
    expect(paths({ detectionWaitSeconds: 0 })).toEqual(['detectionWaitSeconds']);
    expect(paths({ detectionWaitSeconds: 31 })).toEqual(['detectionWaitSeconds']);
  });
});
