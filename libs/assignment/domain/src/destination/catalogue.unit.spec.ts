import type { CommandMetadata } from '@tnp/kernel';
import { occupierUserDecider, type OccupierUserCommand, type OccupierUserEvent } from '../occupier-user/occupier-user.decider';
import { destinationDecider, type DestinationCommand, type DestinationEvent } from './destination.decider';

const metadata: CommandMetadata = {
  commandId: 'c',
  now: '2026-01-01T00:00:00Z',
  correlationId: 'c',
  principal: { id: 'a', role: 'occupier-admin', tenantId: 'acme' },
};
const key = { tenant: 'acme', destinationId: 'r1' };
const dest = (type: DestinationCommand['type'], data: object = {}): DestinationCommand =>
  ({ type, data: { ...key, ...data }, metadata }) as DestinationCommand;
const givenDest = (...events: DestinationEvent[]) => events.reduce(destinationDecider.evolve, destinationDecider.initialState());
const created: DestinationEvent = { type: 'DestinationCreated', data: { ...key, kind: 'route', name: 'Sales' } };
const referenced: DestinationEvent = { type: 'DestinationReferenced', data: { ...key, number: '+1' } };

const userKey = { tenant: 'acme', userId: 'u1' };
const user = (type: OccupierUserCommand['type'], data: object = {}): OccupierUserCommand =>
  ({ type, data: { ...userKey, ...data }, metadata }) as OccupierUserCommand;
const givenUser = (...events: OccupierUserEvent[]) => events.reduce(occupierUserDecider.evolve, occupierUserDecider.initialState());
const registered: OccupierUserEvent = { type: 'UserRegistered', data: { ...userKey, firstName: 'Ada', lastName: 'Lovelace' } };

describe('destination catalogue', () => {
  test('create, rename, remove', () => {
    expect(destinationDecider.decide(dest('CreateDestination', { kind: 'route', name: 'Sales' }), givenDest(), undefined)).toEqual([
      created,
    ]);
    expect(destinationDecider.decide(dest('RenameDestination', { name: 'Support' }), givenDest(created), undefined)).toEqual([
      { type: 'DestinationRenamed', data: { ...key, name: 'Support' } },
    ]);
    expect(destinationDecider.decide(dest('RemoveDestination'), givenDest(created), undefined)).toEqual([
      { type: 'DestinationRemoved', data: key },
    ]);
  });

  test('creating it again the same way is a no-op; differently is refused', () => {
    expect(destinationDecider.decide(dest('CreateDestination', { kind: 'route', name: 'Sales' }), givenDest(created), undefined)).toEqual(
      [],
    );
    expect(() =>
      destinationDecider.decide(dest('CreateDestination', { kind: 'conference-room', name: 'X' }), givenDest(created), undefined),
    ).toThrow(expect.objectContaining({ details: { rule: 'DESTINATION_EXISTS' } }));
  });

  test('a destination numbers point at cannot be removed', () => {
    expect(() => destinationDecider.decide(dest('RemoveDestination'), givenDest(created, referenced), undefined)).toThrow(
      expect.objectContaining({ details: { rule: 'DESTINATION_IN_USE' } }),
    );
    const released = destinationDecider.decide(dest('ReleaseDestination', { number: '+1' }), givenDest(created, referenced), undefined);
    expect(destinationDecider.decide(dest('RemoveDestination'), givenDest(created, referenced, ...released), undefined)).toHaveLength(1);
  });

  test('renaming a removed destination is not found', () => {
    expect(() =>
      destinationDecider.decide(
        dest('RenameDestination', { name: 'x' }),
        givenDest(created, { type: 'DestinationRemoved', data: key }),
        undefined,
      ),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('occupier users', () => {
  test('register, rename, remove', () => {
    expect(occupierUserDecider.decide(user('RegisterUser', { firstName: 'Ada', lastName: 'Lovelace' }), givenUser(), undefined)).toEqual([
      registered,
    ]);
    expect(
      occupierUserDecider.decide(user('RenameUser', { firstName: 'Ada', lastName: 'King' }), givenUser(registered), undefined),
    ).toHaveLength(1);
    expect(occupierUserDecider.decide(user('RemoveUser'), givenUser(registered), undefined)).toEqual([
      { type: 'UserRemoved', data: userKey },
    ]);
  });

  test('a user holds one number at most, and cannot be removed while holding it', () => {
    const holding = givenUser(registered, { type: 'UserNumberClaimed', data: { ...userKey, number: '+1' } });
    expect(() => occupierUserDecider.decide(user('ClaimUserNumber', { number: '+2' }), holding, undefined)).toThrow(
      expect.objectContaining({ details: { rule: 'USER_ALREADY_HAS_NUMBER' } }),
    );
    expect(occupierUserDecider.decide(user('ClaimUserNumber', { number: '+1' }), holding, undefined)).toEqual([]);
    expect(() => occupierUserDecider.decide(user('RemoveUser'), holding, undefined)).toThrow(
      expect.objectContaining({ details: { rule: 'USER_HAS_NUMBER' } }),
    );
  });

  test('the numbers routed to a user are tracked so its removal can clear them', () => {
    const state = givenUser(
      registered,
      { type: 'UserReferenced', data: { ...userKey, number: '+1' } },
      { type: 'UserReferenced', data: { ...userKey, number: '+2' } },
    );
    expect(state).toMatchObject({ routedFrom: ['+1', '+2'] });
    expect(
      givenUser(
        registered,
        { type: 'UserReferenced', data: { ...userKey, number: '+1' } },
        { type: 'UserReferenceReleased', data: { ...userKey, number: '+1' } },
      ),
    ).toMatchObject({
      routedFrom: [],
    });
  });
});
