import { targetChangesFor, userClaimChangesFor } from './target-changes';
import type { CallSettings } from './number-routing.types';

const N = '+1';
const settings: CallSettings = {
  locationSiteId: null,
  prependCallerId: null,
  distinctiveRing: null,
  emergencyRouteId: null,
  recordInbound: false,
};

describe('target bookkeeping', () => {
  test('moving from one route to a user releases the route and references the user', () => {
    expect(
      targetChangesFor(N, { type: 'route', destinationId: 'r1' }, [
        { type: 'NumberRouted', data: { number: N, occupierId: 'a', destination: { type: 'user', userId: 'u1' }, settings } },
      ]),
    ).toEqual([
      { action: 'release', kind: 'route', id: 'r1', number: N },
      { action: 'reference', kind: 'user', id: 'u1', number: N },
    ]);
  });

  test('changing only the settings of the same destination changes no reference', () => {
    expect(
      targetChangesFor(N, { type: 'route', destinationId: 'r1' }, [
        { type: 'NumberRouted', data: { number: N, occupierId: 'a', destination: { type: 'route', destinationId: 'r1' }, settings } },
      ]),
    ).toEqual([]);
  });

  test('clearing the routing releases its target; forwarding and fax have none', () => {
    expect(
      targetChangesFor(N, { type: 'conference-room', destinationId: 'c1', pinlessEntry: false, greetingId: null }, [
        { type: 'NumberRoutingCleared', data: { number: N, previous: { type: 'fax' }, reason: 'number-deactivated' } },
      ]),
    ).toEqual([{ action: 'release', kind: 'conference-room', id: 'c1', number: N }]);
    expect(
      targetChangesFor(N, { type: 'fax' }, [
        {
          type: 'NumberRouted',
          data: { number: N, occupierId: 'a', destination: { type: 'call-forwarding', forwardTo: '+15557778888' }, settings },
        },
      ]),
    ).toEqual([]);
  });

  test('assignment requests claim the user; rejections and unassignments give it back', () => {
    expect(
      userClaimChangesFor([
        { type: 'NumberUserAssignmentRequested', data: { number: N, userId: 'u1' } },
        { type: 'NumberUserAssignmentRejected', data: { number: N, userId: 'u1', reason: 'x' } },
        { type: 'NumberUserUnassigned', data: { number: N, userId: 'u2' } },
      ]).map((c) => `${c.action}:${c.userId}`),
    ).toEqual(['claim:u1', 'release:u1', 'release:u2']);
  });
});
