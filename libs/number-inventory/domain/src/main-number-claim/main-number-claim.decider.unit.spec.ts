import type { CommandMetadata } from '@tnp/kernel';
import type { NumberEvent, Owner } from '../number/number.types';
import { claimChangesFor, mainNumberClaimDecider, mainNumberClaimStreamId, type MainNumberClaimEvent } from './main-number-claim.decider';

const ACME: Owner = { type: 'occupier', occupierId: 'acme' };
const metadata: CommandMetadata = {
  commandId: 'c',
  now: '2026-01-01T00:00:00Z',
  correlationId: 'c',
  principal: { id: 'p', role: 'operator' },
};
const claim = (number: string) => ({ type: 'ClaimMainNumber' as const, data: { siteId: 's', owner: ACME, number }, metadata });
const release = (number: string) => ({ type: 'ReleaseMainNumber' as const, data: { siteId: 's', owner: ACME, number }, metadata });
const given = (...events: MainNumberClaimEvent[]) => events.reduce(mainNumberClaimDecider.evolve, mainNumberClaimDecider.initialState());
const claimed = (number: string): MainNumberClaimEvent => ({ type: 'MainNumberClaimed', data: { siteId: 's', owner: ACME, number } });

describe('main number claim', () => {
  test('an owner without a main number claims one', () => {
    expect(mainNumberClaimDecider.decide(claim('+1'), given(), undefined)).toEqual([claimed('+1')]);
  });

  test('a second main number for the same owner and site is refused', () => {
    expect(() => mainNumberClaimDecider.decide(claim('+2'), given(claimed('+1')), undefined)).toThrow(
      expect.objectContaining({ code: 'RULE_VIOLATED', details: { rule: 'OWNER_HAS_MAIN_NUMBER' } }),
    );
  });

  test('claiming the held number again is a no-op; releasing frees the claim', () => {
    expect(mainNumberClaimDecider.decide(claim('+1'), given(claimed('+1')), undefined)).toEqual([]);
    const released = mainNumberClaimDecider.decide(release('+1'), given(claimed('+1')), undefined);
    expect(given(claimed('+1'), ...released)).toEqual({ holder: null });
    expect(mainNumberClaimDecider.decide(release('+9'), given(claimed('+1')), undefined)).toEqual([]);
  });

  test('claims are keyed by site and owner', () => {
    expect(mainNumberClaimStreamId('s1', ACME)).toBe('main-number-claim-s1-occupier:acme');
    expect(mainNumberClaimStreamId('s1', { type: 'operator' })).toBe('main-number-claim-s1-operator');
  });

  test('number events map to the claim changes they imply', () => {
    const at = { number: '+1', siteId: 's' };
    const events: NumberEvent[] = [
      { type: 'NumberAllocated', data: { ...at, owner: ACME, isMain: true, ext: null } },
      { type: 'NumberAllocated', data: { ...at, owner: ACME, isMain: false, ext: null } },
      { type: 'MainNumberNominated', data: { ...at, owner: null } },
      { type: 'NumberDeallocated', data: { ...at, previousOwner: ACME, coolingOffUntil: null, wasMain: true } },
      { type: 'MainNumberNominationRemoved', data: { ...at, owner: ACME } },
    ];
    expect(claimChangesFor(events).map((c) => c.type)).toEqual(['ClaimMainNumber', 'ReleaseMainNumber', 'ReleaseMainNumber']);
  });
});
