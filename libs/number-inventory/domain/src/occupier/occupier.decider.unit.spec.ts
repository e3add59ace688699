import { occupierDecider, type OccupierCommand } from './occupier.decider';

const metadata = { commandId: 'c', now: '2026-01-01T00:00:00Z', correlationId: 'c', principal: { id: 'p', role: 'platform' as const } };
const name = (value: string): OccupierCommand => ({ type: 'NameOccupier', data: { occupierId: 'acme', name: value }, metadata });

describe('occupier decider', () => {
  test('an organisation has no name until the platform gives it one; renaming records the new name', () => {
    expect(occupierDecider.initialState()).toEqual({ name: null });
    const named = occupierDecider.decide(name('Acme Ltd'), occupierDecider.initialState(), undefined);
    expect(named).toEqual([{ type: 'OccupierNamed', data: { occupierId: 'acme', name: 'Acme Ltd' } }]);
    const state = named.reduce(occupierDecider.evolve, occupierDecider.initialState());
    expect(occupierDecider.decide(name('Acme Ltd'), state, undefined)).toEqual([]);
    expect(occupierDecider.decide(name('Acme Group'), state, undefined)).toHaveLength(1);
  });
});
