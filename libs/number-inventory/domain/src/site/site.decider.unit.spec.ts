import { DEFAULT_COOLING_OFF_DAYS, siteDecider } from './site.decider';

const metadata = { commandId: 'c', now: '2026-01-01T00:00:00Z', correlationId: 'c', principal: { id: 'p', role: 'platform' as const } };

describe('site decider', () => {
  test('a site cools numbers off for 90 days unless configured otherwise', () => {
    expect(siteDecider.initialState()).toEqual({ coolingOffDays: DEFAULT_COOLING_OFF_DAYS });
    const events = siteDecider.decide(
      { type: 'ConfigureSite', data: { siteId: 's', coolingOffDays: 30 }, metadata },
      siteDecider.initialState(),
      undefined,
    );
    expect(events.reduce(siteDecider.evolve, siteDecider.initialState())).toEqual({ coolingOffDays: 30 });
  });

  test('configuring the same period again appends nothing', () => {
    expect(
      siteDecider.decide(
        { type: 'ConfigureSite', data: { siteId: 's', coolingOffDays: 90 }, metadata },
        siteDecider.initialState(),
        undefined,
      ),
    ).toEqual([]);
  });
});
