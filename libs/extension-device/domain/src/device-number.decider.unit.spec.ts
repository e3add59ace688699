import type { Principal } from '@tnp/kernel';
import { deviceNumberDecider, type DeviceNumberCommand, type DeviceNumberEvent } from './device-number.decider';
import { handsetDecider } from './handset.decider';

const N = '+12125551000';
const admin: Principal = { id: 'adm', role: 'occupier-admin', tenantId: 'acme' };
const observed = (status: 'ACTIVE' | 'RESERVED' = 'ACTIVE', isMain = false): DeviceNumberEvent => ({
  type: 'DeviceNumberObserved',
  data: {
    number: N,
    observed: { siteId: 'nyc-1', owner: { type: 'occupier', occupierId: 'acme' }, status, isMain, ext: null, inventoryRevision: 2 },
  },
});
const loggedIn: DeviceNumberEvent = { type: 'DeviceNumberLoggedIn', data: { number: N, siteId: 'nyc-1', phoneId: 'P1' } };
const given = (...events: DeviceNumberEvent[]) => events.reduce(deviceNumberDecider.evolve, deviceNumberDecider.initialState());
const cmd = (type: DeviceNumberCommand['type'], data: object = {}) =>
  ({
    type,
    data: { number: N, ...data },
    metadata: { commandId: 'c', now: '2026-01-01T00:00:00Z', correlationId: 'c', principal: admin },
  }) as DeviceNumberCommand;
const rule = (fn: () => unknown, code: string) => expect(fn).toThrow(expect.objectContaining({ details: { rule: code } }));
const meta = cmd('LogOutOfHandset').metadata;

describe('handset logins', () => {
  test('an active number logs in to a handset at its site', () => {
    expect(deviceNumberDecider.decide(cmd('LogInToHandset', { phoneId: 'P1' }), given(observed()), undefined)).toEqual([loggedIn]);
  });

  test('main and reserved numbers cannot be logged in; a number is in one handset at a time', () => {
    rule(
      () => deviceNumberDecider.decide(cmd('LogInToHandset', { phoneId: 'P1' }), given(observed('ACTIVE', true)), undefined),
      'MAIN_NUMBER_NOT_LOGGABLE',
    );
    rule(
      () => deviceNumberDecider.decide(cmd('LogInToHandset', { phoneId: 'P1' }), given(observed('RESERVED')), undefined),
      'NUMBER_NOT_ACTIVE',
    );
    rule(
      () => deviceNumberDecider.decide(cmd('LogInToHandset', { phoneId: 'P2' }), given(observed(), loggedIn), undefined),
      'NUMBER_LOGGED_IN_ELSEWHERE',
    );
  });

  test('a handset holds one login: a second is refused unless eviction is asked for', () => {
    const occupied = handsetDecider.evolve(handsetDecider.initialState(), {
      type: 'HandsetLoggedIn',
      data: { siteId: 's', phoneId: 'P1', number: '+1' },
    });
    rule(
      () =>
        handsetDecider.decide(
          { type: 'OccupyHandset', data: { siteId: 's', phoneId: 'P1', number: '+2', evict: false }, metadata: meta },
          occupied,
          undefined,
        ),
      'HANDSET_IN_USE',
    );
    expect(
      handsetDecider
        .decide(
          { type: 'OccupyHandset', data: { siteId: 's', phoneId: 'P1', number: '+2', evict: true }, metadata: meta },
          occupied,
          undefined,
        )
        .map((e) => e.type),
    ).toEqual(['HandsetLoginEvicted', 'HandsetLoggedIn']);
  });

  test('unassigning its user keeps the number logged in to its handset: it stays in service', () => {
    const events = deviceNumberDecider.decide(
      cmd('ObserveInventory', { fact: { type: 'NumberUnassigned', data: {}, revision: 3 } }),
      given(observed(), loggedIn),
      undefined,
    );
    expect(events.map((e) => e.type)).toEqual(['DeviceNumberObserved']);
  });

  test('deactivation and deallocation (the number leaves service) log the number out with an event', () => {
    for (const [type, reason] of [
      ['NumberDeactivated', 'number-deactivated'],
      ['NumberDeallocated', 'number-deallocated'],
    ] as const) {
      const events = deviceNumberDecider.decide(
        cmd('ObserveInventory', { fact: { type, data: {}, revision: 3 } }),
        given(observed(), loggedIn),
        undefined,
      );
      expect(events.at(-1)).toEqual({ type: 'DeviceNumberLoggedOut', data: { number: N, siteId: 'nyc-1', phoneId: 'P1', reason } });
    }
    expect(
      deviceNumberDecider.decide(
        cmd('ObserveInventory', { fact: { type: 'NumberDeactivated', data: {}, revision: 3 } }),
        given(observed()),
        undefined,
      ),
    ).toHaveLength(1);
  });
});

describe('linking an extension to a number', () => {
  const link = cmd('LinkExtension', { tenant: 'acme', extensionId: 'ext-1' });
  test('an active number that is not a main number gets the extension once', () => {
    const events = deviceNumberDecider.decide(link, given(observed()), undefined);
    expect(events).toEqual([{ type: 'DeviceNumberLinkedToExtension', data: { number: N, tenant: 'acme', extensionId: 'ext-1' } }]);
    expect(deviceNumberDecider.decide(link, given(observed(), ...events), undefined)).toEqual([]);
  });

  test('a reserved number, or a main number, gets none', () => {
    rule(() => deviceNumberDecider.decide(link, given(observed('RESERVED')), undefined), 'NUMBER_NOT_ACTIVE');
    rule(() => deviceNumberDecider.decide(link, given(observed('ACTIVE', true)), undefined), 'MAIN_NUMBER_NO_EXTENSION');
    rule(() => deviceNumberDecider.decide(link, given(), undefined), 'NUMBER_NOT_ACTIVE');
  });
});
