import type { Principal } from '@tnp/kernel';
import { faxModeOf, faxNumberDecider, type FaxNumberCommand, type FaxNumberEvent, type FaxSettings } from './fax-number.decider';

const N = '+12125551000';
const admin: Principal = { id: 'a', role: 'occupier-admin', tenantId: 'acme' };
const settings: FaxSettings = {
  outboundCallerId: true,
  inboundDetection: true,
  detectionWaitSeconds: 5,
  minRate: 2400,
  maxRate: 14400,
  t38: true,
  errorCorrection: true,
};
const observed = (status: 'ACTIVE' | 'RESERVED' = 'ACTIVE', isMain = false): FaxNumberEvent => ({
  type: 'FaxNumberObserved',
  data: {
    number: N,
    observed: { siteId: 'nyc-1', owner: { type: 'occupier', occupierId: 'acme' }, status, isMain, ext: null, inventoryRevision: 2 },
  },
});
const given = (...events: FaxNumberEvent[]) => events.reduce(faxNumberDecider.evolve, faxNumberDecider.initialState());
const cmd = (type: FaxNumberCommand['type'], data: object = {}, principal: Principal = admin) =>
  ({
    type,
    data: { number: N, ...data },
    metadata: { commandId: 'c', now: '2026-01-01T00:00:00Z', correlationId: 'c', principal },
  }) as FaxNumberCommand;

describe('fax number decider', () => {
  test("an occupier admin configures its own ACTIVE number's fax settings", () => {
    expect(faxNumberDecider.decide(cmd('ConfigureFax', { settings }), given(observed()), undefined)).toEqual([
      { type: 'FaxSettingsConfigured', data: { number: N, occupierId: 'acme', settings } },
    ]);
  });

  test('the same settings again are a no-op', () => {
    const configured: FaxNumberEvent = { type: 'FaxSettingsConfigured', data: { number: N, occupierId: 'acme', settings } };
    expect(faxNumberDecider.decide(cmd('ConfigureFax', { settings: { ...settings } }), given(observed(), configured), undefined)).toEqual(
      [],
    );
  });

  test("only the occupier's own, active, non-main numbers", () => {
    expect(() => faxNumberDecider.decide(cmd('ConfigureFax', { settings }), given(observed('RESERVED')), undefined)).toThrow(
      expect.objectContaining({ details: { rule: 'NUMBER_NOT_ACTIVE' } }),
    );
    expect(() =>
      faxNumberDecider.decide(
        cmd('ConfigureFax', { settings }, { id: 'g', role: 'occupier-admin', tenantId: 'globex' }),
        given(observed()),
        undefined,
      ),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => faxNumberDecider.decide(cmd('ConfigureFax', { settings }), given(observed('ACTIVE', true)), undefined)).toThrow(
      expect.objectContaining({ details: { rule: 'MAIN_NUMBER_READ_ONLY' } }),
    );
  });

  test('deactivation and deallocation clear the settings with an event', () => {
    const configured: FaxNumberEvent = { type: 'FaxSettingsConfigured', data: { number: N, occupierId: 'acme', settings } };
    const deactivated = faxNumberDecider.decide(
      cmd('ObserveInventory', { fact: { type: 'NumberDeactivated', data: {}, revision: 3 } }),
      given(observed(), configured),
      undefined,
    );
    expect(deactivated.map((e) => e.type)).toEqual(['FaxNumberObserved', 'FaxSettingsCleared']);
    const deallocated = faxNumberDecider.decide(
      cmd('ObserveInventory', { fact: { type: 'NumberDeallocated', data: {}, revision: 3 } }),
      given(observed('RESERVED'), configured),
      undefined,
    );
    expect(deallocated[1]).toMatchObject({ type: 'FaxSettingsCleared', data: { reason: 'number-deallocated' } });
  });

  test('a number routed to fax is fax-only; inbound detection makes a voice number voice-and-fax', () => {
    expect(faxModeOf(null, true)).toBe('fax-only');
    expect(faxModeOf(settings, false)).toBe('voice-and-fax');
    expect(faxModeOf({ ...settings, inboundDetection: false }, false)).toBe('outbound-only');
    expect(faxModeOf(null, false)).toBe('off');
  });
});
