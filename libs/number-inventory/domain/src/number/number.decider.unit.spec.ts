import type { CommandMetadata } from '@tnp/kernel';
import { decideNumber, evolveNumber, initialNumberState } from './number.decider';
import type { NumberCommand, NumberDecisionContext, NumberEvent, NumberState, Owner } from './number.types';

const NUMBER = '+442071230001';
const SITE = 'site-1';
const OTHER_SITE = 'site-2';
const ACME: Owner = { type: 'occupier', occupierId: 'acme' };
const GLOBEX: Owner = { type: 'occupier', occupierId: 'globex' };
const OPERATOR: Owner = { type: 'operator' };
const NOW = '2026-03-01T09:00:00.000Z';
const at = { number: NUMBER, siteId: SITE };
const noMain: NumberDecisionContext = { ownerMainNumber: null, coolingOffDays: 90 };

const metadata = (now = NOW): CommandMetadata => ({
  commandId: 'cmd-1',
  now,
  correlationId: 'corr-1',
  principal: { id: 'op-1', role: 'operator' },
});

type CommandOf<T extends NumberCommand['type']> = Extract<NumberCommand, { type: T }>;
const command = <T extends NumberCommand['type']>(type: T, data: Partial<CommandOf<T>['data']> = {}, now = NOW): NumberCommand =>
  ({ type, data: { ...at, ...data }, metadata: metadata(now) }) as NumberCommand;

const provisioned = (kind: 'standard' | 'ivr' | 'hunt-group' = 'standard'): NumberEvent => ({
  type: 'NumberProvisioned',
  data: { ...at, ext: '201', kind, rangeName: 'Main range', portedIn: false, portedFrom: null },
});
const allocated = (owner: Owner = ACME, isMain = false): NumberEvent => ({
  type: 'NumberAllocated',
  data: { ...at, owner, isMain, ext: '201' },
});
const activated = (owner: Owner = ACME): NumberEvent => ({ type: 'NumberActivated', data: { ...at, owner } });
const deactivated = (owner: Owner = ACME): NumberEvent => ({ type: 'NumberDeactivated', data: { ...at, owner } });
const nominated = (owner: Owner | null = null): NumberEvent => ({ type: 'MainNumberNominated', data: { ...at, owner } });
const assigned = (userId = 'user-1'): NumberEvent => ({ type: 'NumberAssigned', data: { ...at, owner: ACME, userId } });
const locked: NumberEvent = { type: 'NumberLocked', data: { ...at, reason: 'RAN' } };
const deallocated = (coolingOffUntil: string | null, previousOwner: Owner = ACME): NumberEvent => ({
  type: 'NumberDeallocated',
  data: { ...at, previousOwner, coolingOffUntil, wasMain: false },
});

const given = (...events: NumberEvent[]): NumberState => events.reduce(evolveNumber, initialNumberState());

const expectRefusal = (fn: () => unknown, code: string, rule?: string): void => {
  try {
    fn();
  } catch (error) {
    expect(error).toMatchObject(rule ? { code, details: { rule } } : { code });
    return;
  }
  throw new Error(`expected the command to be refused with ${rule ?? code}`);
};

describe('number decider', () => {
  describe('provisioning', () => {
    test('a new number is provisioned AVAILABLE at its site', () => {
      const events = decideNumber(
        command('ProvisionNumber', { ext: '201', kind: 'standard', rangeName: 'Main range', portedIn: true, portedFrom: 'BT' }),
        given(),
        noMain,
      );
      expect(events).toEqual([
        {
          type: 'NumberProvisioned',
          data: { ...at, ext: '201', kind: 'standard', rangeName: 'Main range', portedIn: true, portedFrom: 'BT' },
        },
      ]);
      expect(given(...events)).toMatchObject({ status: 'AVAILABLE', owner: null, locked: false, isMain: false });
    });

    test('provisioning again at the same site changes nothing', () => {
      expect(decideNumber(command('ProvisionNumber', { kind: 'standard', rangeName: 'R' }), given(provisioned()), noMain)).toEqual([]);
    });

    test('a number is unique across the platform', () => {
      expectRefusal(
        () => decideNumber(command('ProvisionNumber', { siteId: OTHER_SITE, kind: 'standard' }), given(provisioned()), noMain),
        'RULE_VIOLATED',
        'PROVISIONED_AT_OTHER_SITE',
      );
    });

    test('a command for a number at another site is NOT_FOUND', () => {
      expectRefusal(() => decideNumber(command('ActivateNumber', { siteId: OTHER_SITE }), given(provisioned()), noMain), 'NOT_FOUND');
      expectRefusal(() => decideNumber(command('ActivateNumber'), given(), noMain), 'NOT_FOUND');
    });
  });

  describe('allocation', () => {
    test('an AVAILABLE number is allocated and becomes RESERVED', () => {
      const events = decideNumber(command('AllocateNumber', { owner: ACME }), given(provisioned()), noMain);
      expect(events).toEqual([allocated(ACME)]);
      expect(given(provisioned(), ...events)).toMatchObject({ status: 'RESERVED', owner: ACME });
    });

    test('the operator can be the owner', () => {
      expect(decideNumber(command('AllocateNumber', { owner: OPERATOR }), given(provisioned()), noMain)).toEqual([allocated(OPERATOR)]);
    });

    test('allocating again to the same owner is a no-op', () => {
      expect(decideNumber(command('AllocateNumber', { owner: ACME }), given(provisioned(), allocated(ACME)), noMain)).toEqual([]);
    });

    test('a number allocated to someone else is NOT_AVAILABLE', () => {
      expectRefusal(
        () => decideNumber(command('AllocateNumber', { owner: GLOBEX }), given(provisioned(), allocated(ACME)), noMain),
        'INVALID_TRANSITION',
        'NOT_AVAILABLE',
      );
    });

    test('a locked number cannot be allocated', () => {
      expectRefusal(
        () => decideNumber(command('AllocateNumber', { owner: ACME }), given(provisioned(), locked), noMain),
        'RULE_VIOLATED',
        'NUMBER_LOCKED',
      );
    });

    test('unlocking makes it allocatable again', () => {
      const unlocked = given(provisioned(), locked, ...decideNumber(command('UnlockNumber'), given(provisioned(), locked), noMain));
      expect(decideNumber(command('AllocateNumber', { owner: ACME }), unlocked, noMain)).toEqual([allocated(ACME)]);
    });

    test('during cooling-off nobody can have the number, its previous owner and the operator included', () => {
      const state = given(provisioned(), deallocated('2026-05-01T00:00:00.000Z', ACME));
      for (const owner of [GLOBEX, ACME, { type: 'operator' } as const])
        expectRefusal(() => decideNumber(command('AllocateNumber', { owner }), state, noMain), 'RULE_VIOLATED', 'IN_COOLING_OFF');
    });

    test('a site that lets previous owners reclaim gives the number back to its previous owner only, during cooling-off', () => {
      const state = given(provisioned(), deallocated('2026-05-01T00:00:00.000Z', ACME));
      const reclaiming = { ...noMain, previousOwnerMayReclaim: true };
      expectRefusal(() => decideNumber(command('AllocateNumber', { owner: GLOBEX }), state, reclaiming), 'RULE_VIOLATED', 'IN_COOLING_OFF');
      expect(decideNumber(command('AllocateNumber', { owner: ACME }), state, reclaiming)).toEqual([allocated(ACME)]);
    });

    test('after cooling-off ends anyone can have the number', () => {
      const state = given(provisioned(), deallocated('2026-02-01T00:00:00.000Z', ACME));
      expect(decideNumber(command('AllocateNumber', { owner: GLOBEX }), state, noMain)).toEqual([allocated(GLOBEX)]);
    });

    test('a main number cannot go to an owner that already has a main number at the site', () => {
      const state = given(provisioned(), nominated(null));
      expectRefusal(
        () => decideNumber(command('AllocateNumber', { owner: ACME }), state, { ...noMain, ownerMainNumber: '+442071230099' }),
        'RULE_VIOLATED',
        'OWNER_HAS_MAIN_NUMBER',
      );
      expect(decideNumber(command('AllocateNumber', { owner: ACME }), state, noMain)).toEqual([allocated(ACME, true)]);
    });
  });

  describe('deallocation', () => {
    test('a RESERVED number never in service returns to AVAILABLE without cooling-off', () => {
      const events = decideNumber(command('DeallocateNumber'), given(provisioned(), allocated()), noMain);
      expect(events).toEqual([deallocated(null)]);
      expect(given(provisioned(), allocated(), ...events)).toMatchObject({ status: 'AVAILABLE', owner: null, previousOwner: ACME });
    });

    test('a number that had been in service cools off for the site period', () => {
      const state = given(provisioned(), allocated(), activated(), deactivated());
      const events = decideNumber(command('DeallocateNumber'), state, { ...noMain, coolingOffDays: 30 });
      expect(events).toEqual([deallocated('2026-03-31T09:00:00.000Z')]);
    });

    test('an ACTIVE or ASSIGNED number cannot be deallocated', () => {
      expectRefusal(
        () => decideNumber(command('DeallocateNumber'), given(provisioned(), allocated(), activated()), noMain),
        'INVALID_TRANSITION',
        'NUMBER_IN_SERVICE',
      );
      expectRefusal(
        () => decideNumber(command('DeallocateNumber'), given(provisioned(), allocated(), activated(), assigned()), noMain),
        'INVALID_TRANSITION',
        'NUMBER_IN_SERVICE',
      );
    });

    test('deallocating an AVAILABLE number is a no-op', () => {
      expect(decideNumber(command('DeallocateNumber'), given(provisioned()), noMain)).toEqual([]);
    });

    test('deallocating a main number records that it was main, so its claim is released', () => {
      const events = decideNumber(command('DeallocateNumber'), given(provisioned(), nominated(null), allocated(ACME, true)), noMain);
      expect(events).toEqual([{ type: 'NumberDeallocated', data: { ...at, previousOwner: ACME, coolingOffUntil: null, wasMain: true } }]);
    });
  });

  describe('activation', () => {
    test('a RESERVED number is activated', () => {
      const events = decideNumber(command('ActivateNumber'), given(provisioned(), allocated()), noMain);
      expect(events).toEqual([activated()]);
      expect(given(provisioned(), allocated(), ...events)).toMatchObject({ status: 'ACTIVE', hasBeenInService: true });
    });

    test('an unallocated number cannot be activated', () => {
      expectRefusal(() => decideNumber(command('ActivateNumber'), given(provisioned()), noMain), 'INVALID_TRANSITION', 'NOT_ALLOCATED');
    });

    test('activating an ACTIVE number is a no-op', () => {
      expect(decideNumber(command('ActivateNumber'), given(provisioned(), allocated(), activated()), noMain)).toEqual([]);
    });

    test('deactivation returns an ACTIVE number to RESERVED with the same owner', () => {
      const state = given(provisioned(), allocated(), activated());
      const events = decideNumber(command('DeactivateNumber'), state, noMain);
      expect(events).toEqual([deactivated()]);
      expect(given(provisioned(), allocated(), activated(), ...events)).toMatchObject({ status: 'RESERVED', owner: ACME });
    });

    test('an ASSIGNED number cannot be deactivated', () => {
      expectRefusal(
        () => decideNumber(command('DeactivateNumber'), given(provisioned(), allocated(), activated(), assigned()), noMain),
        'INVALID_TRANSITION',
        'NUMBER_ASSIGNED',
      );
    });

    test('an AVAILABLE number cannot be deactivated; a RESERVED one already is', () => {
      expectRefusal(() => decideNumber(command('DeactivateNumber'), given(provisioned()), noMain), 'INVALID_TRANSITION', 'NOT_ACTIVE');
      expect(decideNumber(command('DeactivateNumber'), given(provisioned(), allocated()), noMain)).toEqual([]);
    });
  });

  describe('main number', () => {
    test('an AVAILABLE number can be nominated', () => {
      expect(decideNumber(command('NominateMainNumber'), given(provisioned()), noMain)).toEqual([nominated(null)]);
    });

    test('a RESERVED number can be nominated when its owner has no main number at the site', () => {
      expect(decideNumber(command('NominateMainNumber'), given(provisioned(), allocated()), noMain)).toEqual([nominated(ACME)]);
    });

    test('a RESERVED number cannot be nominated when its owner already has one', () => {
      expectRefusal(
        () =>
          decideNumber(command('NominateMainNumber'), given(provisioned(), allocated()), { ...noMain, ownerMainNumber: '+442071230009' }),
        'RULE_VIOLATED',
        'OWNER_HAS_MAIN_NUMBER',
      );
    });

    test.each(['ivr', 'hunt-group'] as const)('a %s number can never be a main number', (kind) => {
      expectRefusal(
        () => decideNumber(command('NominateMainNumber'), given(provisioned(kind)), noMain),
        'RULE_VIOLATED',
        'MAIN_NUMBER_KIND_NOT_ALLOWED',
      );
    });

    test('an ACTIVE number cannot be nominated, nor have its nomination removed', () => {
      expectRefusal(
        () => decideNumber(command('NominateMainNumber'), given(provisioned(), allocated(), activated()), noMain),
        'INVALID_TRANSITION',
        'NUMBER_IN_SERVICE',
      );
      expectRefusal(
        () =>
          decideNumber(
            command('RemoveMainNumberNomination'),
            given(provisioned(), nominated(null), allocated(ACME, true), activated()),
            noMain,
          ),
        'INVALID_TRANSITION',
        'NUMBER_IN_SERVICE',
      );
    });

    test('the nomination is removed while AVAILABLE or RESERVED; removing twice is a no-op', () => {
      expect(decideNumber(command('RemoveMainNumberNomination'), given(provisioned(), nominated(null)), noMain)).toEqual([
        { type: 'MainNumberNominationRemoved', data: { ...at, owner: null } },
      ]);
      expect(decideNumber(command('RemoveMainNumberNomination'), given(provisioned(), allocated(), nominated(ACME)), noMain)).toEqual([
        { type: 'MainNumberNominationRemoved', data: { ...at, owner: ACME } },
      ]);
      expect(decideNumber(command('RemoveMainNumberNomination'), given(provisioned()), noMain)).toEqual([]);
    });

    test('nominating twice is a no-op', () => {
      expect(decideNumber(command('NominateMainNumber'), given(provisioned(), nominated(null)), noMain)).toEqual([]);
    });
  });

  describe('locks', () => {
    test('locking and unlocking are idempotent', () => {
      expect(decideNumber(command('LockNumber', { reason: 'RAN' }), given(provisioned()), noMain)).toEqual([locked]);
      expect(decideNumber(command('LockNumber', { reason: 'RAN' }), given(provisioned(), locked), noMain)).toEqual([]);
      expect(decideNumber(command('UnlockNumber'), given(provisioned()), noMain)).toEqual([]);
    });
  });

  describe('user assignment', () => {
    test('an ACTIVE number is assigned to a user and back', () => {
      const state = given(provisioned(), allocated(), activated());
      const events = decideNumber(command('MarkNumberAssigned', { userId: 'user-1' }), state, noMain);
      expect(events).toEqual([assigned('user-1')]);
      const back = decideNumber(command('MarkNumberUnassigned'), given(provisioned(), allocated(), activated(), ...events), noMain);
      expect(back).toEqual([{ type: 'NumberUnassigned', data: { ...at, owner: ACME, userId: 'user-1' } }]);
    });

    test('only an ACTIVE number can be assigned, and to one user at a time', () => {
      expectRefusal(
        () => decideNumber(command('MarkNumberAssigned', { userId: 'u' }), given(provisioned(), allocated()), noMain),
        'INVALID_TRANSITION',
        'NOT_ACTIVE',
      );
      expectRefusal(
        () =>
          decideNumber(
            command('MarkNumberAssigned', { userId: 'other' }),
            given(provisioned(), allocated(), activated(), assigned('user-1')),
            noMain,
          ),
        'RULE_VIOLATED',
        'ASSIGNED_TO_OTHER_USER',
      );
      expect(
        decideNumber(
          command('MarkNumberAssigned', { userId: 'user-1' }),
          given(provisioned(), allocated(), activated(), assigned('user-1')),
          noMain,
        ),
      ).toEqual([]);
    });
  });
});
