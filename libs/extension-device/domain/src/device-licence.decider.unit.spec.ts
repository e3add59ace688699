import type { Principal } from '@tnp/kernel';
import { deviceLicenceDecider, licencesUsed, type DeviceLicenceCommand, type DeviceLicenceEvent } from './device-licence.decider';

const operator: Principal = { id: 'op', role: 'operator', sites: ['lon-1'] };
const admin: Principal = { id: 'adm', role: 'occupier-admin', tenantId: 'acme' };
const meta = (principal: Principal) => ({ commandId: 'c', now: '2026-01-01T00:00:00Z', correlationId: 'c', principal });
const cmd = (type: DeviceLicenceCommand['type'], data: object, principal: Principal = admin) =>
  ({ type, data: { tenant: 'acme', ...data }, metadata: meta(principal) }) as DeviceLicenceCommand;
const given = (...events: DeviceLicenceEvent[]) => events.reduce(deviceLicenceDecider.evolve, deviceLicenceDecider.initialState());
const licences = (ipPhone: number, mobile = 0, desktop = 0) => ({ 'ip-phone': ipPhone, 'mobile-app': mobile, 'desktop-app': desktop });
const set = (ipPhone: number): DeviceLicenceEvent => ({ type: 'DeviceLicencesSet', data: { tenant: 'acme', licences: licences(ipPhone) } });
const taken = (extensionId: string): DeviceLicenceEvent => ({
  type: 'DeviceLicenceTaken',
  data: { tenant: 'acme', type: 'ip-phone', extensionId, deviceId: `p-${extensionId}` },
});
const take = (extensionId: string) => cmd('TakeDeviceLicence', { type: 'ip-phone', extensionId, deviceId: `p-${extensionId}` });
const rule = (fn: () => unknown, code: string) => expect(fn).toThrow(expect.objectContaining({ details: { rule: code } }));

describe('device licences', () => {
  test('a device activates only on a free licence of its type; none are licensed until the operator says so', () => {
    rule(() => deviceLicenceDecider.decide(take('e1'), given(), undefined), 'DEVICE_LICENCE_REQUIRED');
    expect(deviceLicenceDecider.decide(take('e1'), given(set(1)), undefined)).toEqual([taken('e1')]);
    rule(() => deviceLicenceDecider.decide(take('e2'), given(set(1), taken('e1')), undefined), 'DEVICE_LICENCE_REQUIRED');
    const mobile = cmd('TakeDeviceLicence', { type: 'mobile-app', extensionId: 'e2', deviceId: 'm' });
    rule(() => deviceLicenceDecider.decide(mobile, given(set(1)), undefined), 'DEVICE_LICENCE_REQUIRED');
    // The same extension's device again takes nothing more.
    expect(deviceLicenceDecider.decide(take('e1'), given(set(1), taken('e1')), undefined)).toEqual([]);
  });

  test('deactivating frees the licence for another extension', () => {
    const release = cmd('ReleaseDeviceLicence', { type: 'ip-phone', extensionId: 'e1' });
    const released = deviceLicenceDecider.decide(release, given(set(1), taken('e1')), undefined);
    expect(released).toEqual([{ type: 'DeviceLicenceReleased', data: { tenant: 'acme', type: 'ip-phone', extensionId: 'e1' } }]);
    const state = given(set(1), taken('e1'), ...released);
    expect(licencesUsed(state, 'ip-phone')).toBe(0);
    expect(deviceLicenceDecider.decide(take('e2'), state, undefined)).toEqual([taken('e2')]);
    expect(deviceLicenceDecider.decide(release, state, undefined)).toEqual([]);
  });

  test('the operator or the platform sets licences, never below those in use; the occupier cannot', () => {
    const setTo = (n: number, principal: Principal = operator) => cmd('SetDeviceLicences', { licences: licences(n) }, principal);
    expect(deviceLicenceDecider.decide(setTo(2), given(), undefined)).toEqual([set(2)]);
    expect(deviceLicenceDecider.decide(setTo(2), given(set(2)), undefined)).toEqual([]);
    expect(() => deviceLicenceDecider.decide(setTo(5, admin), given(), undefined)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    rule(() => deviceLicenceDecider.decide(setTo(1), given(set(2), taken('e1'), taken('e2')), undefined), 'DEVICE_LICENCES_IN_USE');
    expect(
      deviceLicenceDecider.decide(setTo(2, { id: 'billing', role: 'platform' }), given(set(3), taken('e1'), taken('e2')), undefined),
    ).toEqual([set(2)]);
  });
});
