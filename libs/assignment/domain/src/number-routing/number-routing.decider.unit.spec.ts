import type { CommandMetadata, Principal } from '@tnp/kernel';
import { decideNumberRouting, evolveNumberRouting, initialNumberRoutingState, observeInventory } from './number-routing.decider';
import type {
  CallSettings,
  NumberRoutingCommand,
  NumberRoutingEvent,
  NumberRoutingState,
  ObservedNumber,
  RoutingContext,
} from './number-routing.types';

const N = '+442071230001';
const ACME = { type: 'occupier' as const, occupierId: 'acme' };
const admin: Principal = { id: 'a', role: 'occupier-admin', tenantId: 'acme' };
const otherAdmin: Principal = { id: 'g', role: 'occupier-admin', tenantId: 'globex' };
const operator: Principal = { id: 'o', role: 'operator', sites: ['lon-1'] };
const meta = (principal: Principal = admin): CommandMetadata => ({
  commandId: 'c',
  now: '2026-01-01T00:00:00Z',
  correlationId: 'c',
  principal,
});
const settings: CallSettings = {
  locationSiteId: null,
  prependCallerId: null,
  distinctiveRing: null,
  emergencyRouteId: null,
  recordInbound: false,
};
const ctx = (over: Partial<RoutingContext> = {}): RoutingContext => ({ occupierSites: ['lon-1'], ...over });
const route = { exists: true, occupierId: 'acme', kind: 'route' as const };

const observed = (over: Partial<ObservedNumber> = {}): NumberRoutingEvent => ({
  type: 'NumberLifecycleObserved',
  data: {
    number: N,
    observed: { siteId: 'lon-1', owner: ACME, status: 'ACTIVE', isMain: false, ext: '001', inventoryRevision: 3, ...over },
  },
});
const given = (...events: NumberRoutingEvent[]): NumberRoutingState => events.reduce(evolveNumberRouting, initialNumberRoutingState());
const cmd = (type: NumberRoutingCommand['type'], data: object = {}, principal: Principal = admin): NumberRoutingCommand =>
  ({ type, data: { number: N, ...data }, metadata: meta(principal) }) as NumberRoutingCommand;
const routeTo = (destination: object, s: Partial<CallSettings> = {}, principal: Principal = admin) =>
  cmd('RouteNumber', { destination, settings: { ...settings, ...s } }, principal);
const refused = (fn: () => unknown, rule: string | { code: string }) => {
  expect(fn).toThrow(expect.objectContaining(typeof rule === 'string' ? { details: { rule } } : rule));
};

describe('number routing decider', () => {
  describe('learning the lifecycle from inventory', () => {
    test('an allocation makes the number known; activation puts it in service', () => {
      const fact = { type: 'NumberAllocated', data: { siteId: 'lon-1', owner: ACME, isMain: false, ext: '001' }, revision: 1 };
      const events = decideNumberRouting(cmd('ObserveInventory', { fact }), given(), ctx());
      expect(events).toEqual([
        {
          type: 'NumberLifecycleObserved',
          data: {
            number: N,
            observed: { siteId: 'lon-1', owner: ACME, status: 'RESERVED', isMain: false, ext: '001', inventoryRevision: 1 },
          },
        },
      ]);
      const active = decideNumberRouting(
        cmd('ObserveInventory', { fact: { type: 'NumberActivated', data: {}, revision: 2 } }),
        given(...events),
        ctx(),
      );
      expect(given(...events, ...active).observed?.status).toBe('ACTIVE');
    });

    test('an event already seen (by inventory revision) changes nothing', () => {
      expect(
        decideNumberRouting(
          cmd('ObserveInventory', { fact: { type: 'NumberDeactivated', data: {}, revision: 3 } }),
          given(observed()),
          ctx(),
        ),
      ).toEqual([]);
    });

    test('events about numbers never allocated here tell nothing', () => {
      const at = { number: '+442071230001', siteId: 'lon-1' };
      const activated = { type: 'NumberActivated', data: { ...at, owner: { type: 'operator' } }, revision: 1 } as const;
      const provisioned = {
        type: 'NumberProvisioned',
        data: { ...at, ext: null, kind: 'standard', rangeName: 'R', portedIn: false, portedFrom: null },
        revision: 0,
      } as const;
      expect(observeInventory(null, activated)).toBeUndefined();
      expect(observeInventory(null, provisioned)).toBeUndefined();
    });

    test('deactivation clears the routing with its own event; deallocation also clears the display name', () => {
      const state = given(
        observed(),
        { type: 'NumberRouted', data: { number: N, occupierId: 'acme', destination: { type: 'route', destinationId: 'r1' }, settings } },
        {
          type: 'NumberDisplayNameSet',
          data: { number: N, displayName: { first: 'Front', second: 'Desk' } },
        },
      );
      const deactivated = decideNumberRouting(
        cmd('ObserveInventory', { fact: { type: 'NumberDeactivated', data: {}, revision: 4 } }),
        state,
        ctx(),
      );
      expect(deactivated.map((e) => e.type)).toEqual(['NumberLifecycleObserved', 'NumberRoutingCleared']);
      expect(deactivated[1]).toMatchObject({ data: { reason: 'number-deactivated', previous: { type: 'route', destinationId: 'r1' } } });
      const deallocated = decideNumberRouting(
        cmd('ObserveInventory', { fact: { type: 'NumberDeallocated', data: {}, revision: 4 } }),
        state,
        ctx(),
      );
      expect(deallocated.map((e) => e.type)).toEqual(['NumberLifecycleObserved', 'NumberRoutingCleared', 'NumberDisplayNameCleared']);
    });

    test("inventory's assignment confirms a pending one; leaving service rejects it", () => {
      const pending = given(observed(), { type: 'NumberUserAssignmentRequested', data: { number: N, userId: 'u1' } });
      const confirmed = decideNumberRouting(
        cmd('ObserveInventory', { fact: { type: 'NumberAssigned', data: { userId: 'u1' }, revision: 4 } }),
        pending,
        ctx(),
      );
      expect(confirmed.map((e) => e.type)).toEqual(['NumberLifecycleObserved', 'NumberUserAssigned']);
      const left = decideNumberRouting(
        cmd('ObserveInventory', { fact: { type: 'NumberDeactivated', data: {}, revision: 4 } }),
        pending,
        ctx(),
      );
      expect(left.map((e) => e.type)).toEqual(['NumberLifecycleObserved', 'NumberUserAssignmentRejected']);
    });
  });

  describe('routing', () => {
    test('an ACTIVE number is routed to a route of its occupier with its settings', () => {
      const events = decideNumberRouting(
        routeTo(
          { type: 'route', destinationId: 'r1' },
          { locationSiteId: 'lon-1', prependCallerId: 'Sales', distinctiveRing: 'triple', emergencyRouteId: 'r9', recordInbound: true },
        ),
        given(observed()),
        ctx({ destination: route, emergencyRoute: route }),
      );
      expect(events).toEqual([
        {
          type: 'NumberRouted',
          data: {
            number: N,
            occupierId: 'acme',
            destination: { type: 'route', destinationId: 'r1' },
            settings: {
              locationSiteId: 'lon-1',
              prependCallerId: 'Sales',
              distinctiveRing: 'triple',
              emergencyRouteId: 'r9',
              recordInbound: true,
            },
          },
        },
      ]);
    });

    test('routing the same way again is a no-op', () => {
      const routed: NumberRoutingEvent = {
        type: 'NumberRouted',
        data: { number: N, occupierId: 'acme', destination: { type: 'fax' }, settings },
      };
      expect(decideNumberRouting(routeTo({ type: 'fax' }), given(observed(), routed), ctx())).toEqual([]);
    });

    test('only ACTIVE numbers are routed', () => {
      refused(() => decideNumberRouting(routeTo({ type: 'fax' }), given(observed({ status: 'RESERVED' })), ctx()), 'NUMBER_NOT_ACTIVE');
    });

    test('a number with an assignment in flight refuses edits', () => {
      const pending = given(observed(), { type: 'NumberUserAssignmentRequested', data: { number: N, userId: 'u1' } });
      refused(() => decideNumberRouting(routeTo({ type: 'fax' }), pending, ctx()), 'NUMBER_PENDING');
      refused(
        () => decideNumberRouting(cmd('SetDisplayName', { displayName: { first: 'a', second: 'b' } }), pending, ctx()),
        'NUMBER_PENDING',
      );
    });

    test("another tenant's destination, a missing one, or one of the wrong kind is refused", () => {
      const state = given(observed());
      refused(
        () =>
          decideNumberRouting(
            routeTo({ type: 'route', destinationId: 'r1' }),
            state,
            ctx({ destination: { ...route, occupierId: 'globex' } }),
          ),
        'DESTINATION_NOT_OWNED',
      );
      refused(
        () =>
          decideNumberRouting(
            routeTo({ type: 'route', destinationId: 'r1' }),
            state,
            ctx({ destination: { exists: false, occupierId: null, kind: null } }),
          ),
        'DESTINATION_NOT_FOUND',
      );
      refused(
        () =>
          decideNumberRouting(
            routeTo({ type: 'conference-room', destinationId: 'r1', pinlessEntry: true, greetingId: null }),
            state,
            ctx({ destination: route, conferenceBridge: true }),
          ),
        'DESTINATION_TYPE_MISMATCH',
      );
    });

    test('a user destination must be a user of the occupier', () => {
      const state = given(observed());
      refused(
        () =>
          decideNumberRouting(
            routeTo({ type: 'user', userId: 'u9' }),
            state,
            ctx({ destination: { exists: false, occupierId: null, kind: null } }),
          ),
        'USER_NOT_FOUND',
      );
      expect(
        decideNumberRouting(
          routeTo({ type: 'user', userId: 'u1' }),
          state,
          ctx({ destination: { exists: true, occupierId: 'acme', kind: 'user' }, userExtensions: ['ext-1'] }),
        ),
      ).toHaveLength(1);
    });

    test('a user destination points the number at one of the user’s extensions: the one named, or the only one', () => {
      const state = given(observed());
      const user = { destination: { exists: true, occupierId: 'acme', kind: 'user' as const } };
      const routed = (destination: object, userExtensions: string[]) =>
        decideNumberRouting(routeTo(destination), state, ctx({ ...user, userExtensions }));
      expect(routed({ type: 'user', userId: 'u1' }, ['ext-1'])).toEqual([
        expect.objectContaining({ data: expect.objectContaining({ destination: { type: 'user', userId: 'u1', extensionId: 'ext-1' } }) }),
      ]);
      refused(() => routed({ type: 'user', userId: 'u1' }, []), 'USER_HAS_NO_EXTENSION');
      refused(() => routed({ type: 'user', userId: 'u1' }, ['ext-1', 'ext-2']), 'USER_EXTENSION_REQUIRED');
      expect(routed({ type: 'user', userId: 'u1', extensionId: 'ext-2' }, ['ext-1', 'ext-2'])).toEqual([
        expect.objectContaining({ data: expect.objectContaining({ destination: { type: 'user', userId: 'u1', extensionId: 'ext-2' } }) }),
      ]);
      refused(() => routed({ type: 'user', userId: 'u1', extensionId: 'ext-9' }, ['ext-1']), 'USER_EXTENSION_NOT_FOUND');
      // Routed to the only extension already: the same request again changes nothing.
      const [event] = routed({ type: 'user', userId: 'u1' }, ['ext-1']);
      const after = [observed(), event!].reduce(evolveNumberRouting, initialNumberRoutingState());
      expect(decideNumberRouting(routeTo({ type: 'user', userId: 'u1' }), after, ctx({ ...user, userExtensions: ['ext-1'] }))).toEqual([]);
    });

    test('a conference room is reached only on an account with the conference bridge', () => {
      const room = { type: 'conference-room', destinationId: 'c1', pinlessEntry: true, greetingId: null };
      const conference = { exists: true, occupierId: 'acme', kind: 'conference-room' as const };
      refused(() => decideNumberRouting(routeTo(room), given(observed()), ctx({ destination: conference })), 'CONFERENCE_BRIDGE_REQUIRED');
      expect(decideNumberRouting(routeTo(room), given(observed()), ctx({ destination: conference, conferenceBridge: true }))).toHaveLength(
        1,
      );
    });

    test('a conference greeting must be one of the occupier', () => {
      const room = { type: 'conference-room', destinationId: 'c1', pinlessEntry: true, greetingId: 'g1' };
      const conference = { exists: true, occupierId: 'acme', kind: 'conference-room' as const };
      refused(
        () =>
          decideNumberRouting(
            routeTo(room),
            given(observed()),
            ctx({ conferenceBridge: true, destination: conference, greeting: { exists: false, occupierId: null, kind: null } }),
          ),
        'GREETING_NOT_FOUND',
      );
      expect(
        decideNumberRouting(
          routeTo(room),
          given(observed()),
          ctx({ conferenceBridge: true, destination: conference, greeting: { exists: true, occupierId: 'acme', kind: 'greeting' } }),
        ),
      ).toHaveLength(1);
    });

    test("the location must be one of the occupier's sites; the emergency route a route of the occupier", () => {
      refused(
        () => decideNumberRouting(routeTo({ type: 'fax' }, { locationSiteId: 'man-1' }), given(observed()), ctx()),
        'LOCATION_NOT_OCCUPIER_SITE',
      );
      refused(
        () =>
          decideNumberRouting(
            routeTo({ type: 'fax' }, { emergencyRouteId: 'c1' }),
            given(observed()),
            ctx({ emergencyRoute: { exists: true, occupierId: 'acme', kind: 'conference-room' } }),
          ),
        'EMERGENCY_ROUTE_INVALID',
      );
    });

    test("main numbers are read-only for occupier admins, and others' numbers are not found", () => {
      refused(() => decideNumberRouting(routeTo({ type: 'fax' }), given(observed({ isMain: true })), ctx()), 'MAIN_NUMBER_READ_ONLY');
      expect(decideNumberRouting(routeTo({ type: 'fax' }, {}, operator), given(observed({ isMain: true })), ctx())).toHaveLength(1);
      refused(() => decideNumberRouting(routeTo({ type: 'fax' }, {}, otherAdmin), given(observed()), ctx()), { code: 'NOT_FOUND' });
      refused(() => decideNumberRouting(routeTo({ type: 'fax' }, {}, { ...operator, sites: ['man-1'] }), given(observed()), ctx()), {
        code: 'NOT_FOUND',
      });
    });
  });

  describe('user assignment', () => {
    const user = { exists: true, occupierId: 'acme', kind: 'user' as const, holds: null };

    test('an ACTIVE non-main number is requested for a user, pending until inventory confirms', () => {
      const events = decideNumberRouting(cmd('RequestUserAssignment', { userId: 'u1' }), given(observed()), ctx({ user }));
      expect(events).toEqual([{ type: 'NumberUserAssignmentRequested', data: { number: N, userId: 'u1' } }]);
      const state = given(observed(), ...events);
      expect(state.user).toEqual({ userId: 'u1', pending: true });
      const done = decideNumberRouting(cmd('CompleteUserAssignment', { userId: 'u1' }), state, ctx());
      expect(given(observed(), ...events, ...done).user).toEqual({ userId: 'u1', pending: false });
    });

    test('a user holds at most one number', () => {
      refused(
        () =>
          decideNumberRouting(
            cmd('RequestUserAssignment', { userId: 'u1' }),
            given(observed()),
            ctx({ user: { ...user, holds: '+442071239999' } }),
          ),
        'USER_ALREADY_HAS_NUMBER',
      );
    });

    test('inactive, main, already assigned numbers and unknown users are refused', () => {
      refused(
        () => decideNumberRouting(cmd('RequestUserAssignment', { userId: 'u1' }), given(observed({ status: 'RESERVED' })), ctx({ user })),
        'NUMBER_NOT_ACTIVE',
      );
      refused(
        () =>
          decideNumberRouting(cmd('RequestUserAssignment', { userId: 'u1' }, operator), given(observed({ isMain: true })), ctx({ user })),
        'MAIN_NUMBER_NOT_ASSIGNABLE',
      );
      const assigned = given(observed(), { type: 'NumberUserAssigned', data: { number: N, userId: 'u2' } });
      refused(
        () => decideNumberRouting(cmd('RequestUserAssignment', { userId: 'u1' }), assigned, ctx({ user })),
        'NUMBER_ALREADY_ASSIGNED',
      );
      refused(
        () =>
          decideNumberRouting(
            cmd('RequestUserAssignment', { userId: 'u1' }),
            given(observed()),
            ctx({ user: { ...user, occupierId: 'globex' } }),
          ),
        'USER_NOT_FOUND',
      );
    });

    test('a rejected request frees the number; unassigning frees it too', () => {
      const pending = given(observed(), { type: 'NumberUserAssignmentRequested', data: { number: N, userId: 'u1' } });
      const rejected = decideNumberRouting(cmd('RejectUserAssignment', { userId: 'u1', reason: 'NOT_ACTIVE' }), pending, ctx());
      expect(rejected.map((e) => e.type)).toEqual(['NumberUserAssignmentRejected']);
      const assigned = given(observed(), { type: 'NumberUserAssigned', data: { number: N, userId: 'u1' } });
      expect(decideNumberRouting(cmd('UnassignUser'), assigned, ctx())).toEqual([
        { type: 'NumberUserUnassigned', data: { number: N, userId: 'u1' } },
      ]);
      expect(decideNumberRouting(cmd('UnassignUser'), given(observed()), ctx())).toEqual([]);
    });
  });

  describe('display name and clearing', () => {
    test('a display name labels the number without touching the assignment', () => {
      const assigned = given(observed(), { type: 'NumberUserAssigned', data: { number: N, userId: 'u1' } });
      const events = decideNumberRouting(cmd('SetDisplayName', { displayName: { first: 'Front', second: 'Desk' } }), assigned, ctx());
      const state = given(observed(), { type: 'NumberUserAssigned', data: { number: N, userId: 'u1' } }, ...events);
      expect(state).toMatchObject({ displayName: { first: 'Front', second: 'Desk' }, user: { userId: 'u1' } });
      expect(decideNumberRouting(cmd('ClearDisplayName'), state, ctx()).map((e) => e.type)).toEqual(['NumberDisplayNameCleared']);
    });

    test('removing a user clears the routing of numbers pointing at it', () => {
      const state = given(observed(), {
        type: 'NumberRouted',
        data: { number: N, occupierId: 'acme', destination: { type: 'user', userId: 'u1' }, settings },
      });
      expect(decideNumberRouting(cmd('ClearRouting', { reason: 'user-removed' }), state, ctx())).toEqual([
        { type: 'NumberRoutingCleared', data: { number: N, previous: { type: 'user', userId: 'u1' }, reason: 'user-removed' } },
      ]);
    });
  });
});
