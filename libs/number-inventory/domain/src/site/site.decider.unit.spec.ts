import { DEFAULT_COOLING_OFF_DAYS, siteDecider, type SiteCommand } from './site.decider';

const metadata = { commandId: 'c', now: '2026-01-01T00:00:00Z', correlationId: 'c', principal: { id: 'p', role: 'platform' as const } };
const configure = (data: SiteCommand['data']): SiteCommand => ({ type: 'ConfigureSite', data, metadata });

describe('site decider', () => {
  test('a site cools numbers off for 90 days, previous owners not reclaiming, unless configured otherwise', () => {
    expect(siteDecider.initialState()).toEqual({ coolingOffDays: DEFAULT_COOLING_OFF_DAYS, previousOwnerMayReclaim: false });
    const events = siteDecider.decide(configure({ siteId: 's', coolingOffDays: 30 }), siteDecider.initialState(), undefined);
    expect(events).toEqual([{ type: 'SiteConfigured', data: { siteId: 's', coolingOffDays: 30, previousOwnerMayReclaim: false } }]);
    expect(events.reduce(siteDecider.evolve, siteDecider.initialState())).toEqual({ coolingOffDays: 30, previousOwnerMayReclaim: false });
  });

  test('configuring the same settings again appends nothing; leaving the policy out keeps it', () => {
    expect(siteDecider.decide(configure({ siteId: 's', coolingOffDays: 90 }), siteDecider.initialState(), undefined)).toEqual([]);
    const reclaiming = { coolingOffDays: 90, previousOwnerMayReclaim: true };
    expect(siteDecider.decide(configure({ siteId: 's', coolingOffDays: 90 }), reclaiming, undefined)).toEqual([]);
  });

  test('the reclaim policy is a setting of its own, and an event from before it existed means off', () => {
    const events = siteDecider.decide(
      configure({ siteId: 's', coolingOffDays: 90, previousOwnerMayReclaim: true }),
      siteDecider.initialState(),
      undefined,
    );
    expect(events.reduce(siteDecider.evolve, siteDecider.initialState())).toEqual({ coolingOffDays: 90, previousOwnerMayReclaim: true });
    const older = { type: 'SiteConfigured' as const, data: { siteId: 's', coolingOffDays: 10 } };
    expect(siteDecider.evolve({ coolingOffDays: 90, previousOwnerMayReclaim: true }, older)).toEqual({
      coolingOffDays: 10,
      previousOwnerMayReclaim: false,
    });
  });
});
