import { assertNever, invalidTransition, notFound, ruleViolated, type Decider } from '@tnp/kernel';
import { NumberRule } from './number-rules';
import {
  isInService,
  sameOwner,
  type NumberCommand,
  type NumberDecisionContext,
  type NumberEvent,
  type NumberState,
  type Owner,
  type ProvisionedNumber,
} from './number.types';

const DAY_MS = 86_400_000;

export const initialNumberState = (): NumberState => ({ exists: false });

export const evolveNumber = (state: NumberState, event: NumberEvent): NumberState => {
  if (event.type === 'NumberProvisioned') {
    const { number, siteId, ext, kind, rangeName, portedIn, portedFrom } = event.data;
    return {
      exists: true,
      number,
      siteId,
      ext,
      kind,
      rangeName,
      portedIn,
      portedFrom,
      status: 'AVAILABLE',
      owner: null,
      previousOwner: null,
      coolingOffUntil: null,
      locked: false,
      isMain: false,
      hasBeenInService: false,
      assignedUserId: null,
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'NumberLocked':
      return { ...state, locked: true };
    case 'NumberUnlocked':
      return { ...state, locked: false };
    case 'NumberAllocated':
      return { ...state, status: 'RESERVED', owner: event.data.owner, coolingOffUntil: null };
    case 'NumberDeallocated':
      return {
        ...state,
        status: 'AVAILABLE',
        owner: null,
        previousOwner: event.data.previousOwner,
        coolingOffUntil: event.data.coolingOffUntil,
        hasBeenInService: false,
      };
    case 'NumberActivated':
      return { ...state, status: 'ACTIVE', hasBeenInService: true };
    case 'NumberDeactivated':
      return { ...state, status: 'RESERVED' };
    case 'MainNumberNominated':
      return { ...state, isMain: true };
    case 'MainNumberNominationRemoved':
      return { ...state, isMain: false };
    case 'NumberAssigned':
      return { ...state, status: 'ASSIGNED', assignedUserId: event.data.userId };
    case 'NumberUnassigned':
      return { ...state, status: 'ACTIVE', assignedUserId: null };
    default:
      return assertNever(event, 'number event');
  }
};

export const decideNumber = (command: NumberCommand, state: NumberState, context: NumberDecisionContext): NumberEvent[] => {
  const { number, siteId } = command.data;
  if (command.type === 'ProvisionNumber') {
    if (!state.exists) return [{ type: 'NumberProvisioned', data: command.data }];
    if (state.siteId === siteId) return [];
    throw ruleViolated(NumberRule.PROVISIONED_AT_OTHER_SITE, `${number} is already provisioned at another site`);
  }
  if (!state.exists || state.siteId !== siteId) {
    throw notFound(`${number} is not provisioned at site ${siteId}`);
  }
  const at = { number, siteId };
  const now = command.metadata.now;

  switch (command.type) {
    case 'LockNumber':
      return state.locked ? [] : [{ type: 'NumberLocked', data: { ...at, reason: command.data.reason } }];

    case 'UnlockNumber':
      return state.locked ? [{ type: 'NumberUnlocked', data: at }] : [];

    case 'AllocateNumber': {
      const { owner } = command.data;
      if (state.status !== 'AVAILABLE') {
        if (sameOwner(state.owner, owner)) return [];
        throw invalidTransition(NumberRule.NOT_AVAILABLE, `${number} is ${state.status} and allocated to someone else`);
      }
      if (state.locked) throw ruleViolated(NumberRule.NUMBER_LOCKED, `${number} is locked by the platform`);
      if (isCoolingOff(state, now) && !(context.previousOwnerMayReclaim && sameOwner(state.previousOwner, owner))) {
        throw ruleViolated(
          NumberRule.IN_COOLING_OFF,
          context.previousOwnerMayReclaim
            ? `${number} is cooling off until ${state.coolingOffUntil} and can go back only to its previous owner`
            : `${number} is cooling off until ${state.coolingOffUntil} and cannot be allocated until then`,
        );
      }
      if (state.isMain) assertOwnerHasNoOtherMainNumber(state, context);
      return [{ type: 'NumberAllocated', data: { ...at, owner, isMain: state.isMain, ext: state.ext } }];
    }

    case 'DeallocateNumber': {
      if (state.status === 'AVAILABLE') return [];
      if (isInService(state.status)) {
        throw invalidTransition(NumberRule.NUMBER_IN_SERVICE, `${number} is ${state.status}; deactivate it first`);
      }
      const coolingOffUntil = state.hasBeenInService ? new Date(Date.parse(now) + context.coolingOffDays * DAY_MS).toISOString() : null;
      return [
        {
          type: 'NumberDeallocated',
          data: { ...at, previousOwner: ownerOf(state), coolingOffUntil, wasMain: state.isMain },
        },
      ];
    }

    case 'ActivateNumber':
      if (isInService(state.status)) return [];
      if (state.status === 'AVAILABLE') {
        throw invalidTransition(NumberRule.NOT_ALLOCATED, `${number} must be allocated before it can be activated`);
      }
      return [{ type: 'NumberActivated', data: { ...at, owner: ownerOf(state) } }];

    case 'DeactivateNumber':
      if (state.status === 'RESERVED') return [];
      if (state.status === 'AVAILABLE') throw invalidTransition(NumberRule.NOT_ACTIVE, `${number} is not active`);
      if (state.status === 'ASSIGNED') {
        throw invalidTransition(NumberRule.NUMBER_ASSIGNED, `${number} is assigned to a user; unassign it first`);
      }
      return [{ type: 'NumberDeactivated', data: { ...at, owner: ownerOf(state) } }];

    case 'NominateMainNumber':
      if (state.isMain) return [];
      if (state.kind === 'ivr' || state.kind === 'hunt-group') {
        throw ruleViolated(NumberRule.MAIN_NUMBER_KIND_NOT_ALLOWED, `${number} is a ${state.kind} number and cannot be a main number`);
      }
      if (isInService(state.status)) {
        throw invalidTransition(
          NumberRule.NUMBER_IN_SERVICE,
          `${number} is ${state.status}; only AVAILABLE or RESERVED numbers can be nominated`,
        );
      }
      if (state.owner) assertOwnerHasNoOtherMainNumber(state, context);
      return [{ type: 'MainNumberNominated', data: { ...at, owner: state.owner } }];

    case 'RemoveMainNumberNomination':
      if (!state.isMain) return [];
      if (isInService(state.status)) {
        throw invalidTransition(NumberRule.NUMBER_IN_SERVICE, `${number} is ${state.status}; deactivate it before removing the nomination`);
      }
      return [{ type: 'MainNumberNominationRemoved', data: { ...at, owner: state.owner } }];

    case 'MarkNumberAssigned': {
      const { userId } = command.data;
      if (state.status === 'ASSIGNED') {
        if (state.assignedUserId === userId) return [];
        throw ruleViolated(NumberRule.ASSIGNED_TO_OTHER_USER, `${number} is assigned to another user`);
      }
      if (state.status !== 'ACTIVE') throw invalidTransition(NumberRule.NOT_ACTIVE, `${number} must be ACTIVE to be assigned`);
      return [{ type: 'NumberAssigned', data: { ...at, owner: ownerOf(state), userId } }];
    }

    case 'MarkNumberUnassigned':
      if (state.status !== 'ASSIGNED' || state.assignedUserId === null) return [];
      return [{ type: 'NumberUnassigned', data: { ...at, owner: ownerOf(state), userId: state.assignedUserId } }];

    default:
      return assertNever(command, 'number command');
  }
};

export const isCoolingOff = (state: ProvisionedNumber, now: string): boolean =>
  state.coolingOffUntil !== null && Date.parse(state.coolingOffUntil) > Date.parse(now);

const assertOwnerHasNoOtherMainNumber = (state: ProvisionedNumber, context: NumberDecisionContext): void => {
  if (context.ownerMainNumber !== null && context.ownerMainNumber !== state.number) {
    throw ruleViolated(
      NumberRule.OWNER_HAS_MAIN_NUMBER,
      `The owner already has main number ${context.ownerMainNumber} at site ${state.siteId}`,
    );
  }
};

const ownerOf = (state: ProvisionedNumber): Owner => {
  if (!state.owner) throw new Error(`${state.number} is ${state.status} without an owner`);
  return state.owner;
};

export const numberDecider: Decider<NumberCommand, NumberEvent, NumberState, NumberDecisionContext> = {
  initialState: initialNumberState,
  evolve: evolveNumber,
  decide: decideNumber,
};
