import { assertNever, ruleViolated, sameValue, type CommandMetadata, type Decider } from '@tnp/kernel';
import { assertCanEditNumber, isInService as inService, observeInventory, tenantOf, type OwnedNumber } from '@tnp/number-lifecycle';

export { observeInventory, tenantOf };
import { AssignmentRule } from './assignment-rules';
import type {
  CallSettings,
  Destination,
  InventoryFact,
  NumberRoutingCommand,
  NumberRoutingEvent,
  NumberRoutingState,
  RoutingContext,
  Target,
} from './number-routing.types';

export const initialNumberRoutingState = (): NumberRoutingState => ({
  observed: null,
  destination: { type: 'none' },
  settings: null,
  user: null,
  displayName: null,
});

export const evolveNumberRouting = (state: NumberRoutingState, event: NumberRoutingEvent): NumberRoutingState => {
  switch (event.type) {
    case 'NumberLifecycleObserved':
      return { ...state, observed: event.data.observed };
    case 'NumberRouted':
      return { ...state, destination: event.data.destination, settings: event.data.settings };
    case 'NumberRoutingCleared':
      return { ...state, destination: { type: 'none' }, settings: null };
    case 'NumberUserAssignmentRequested':
      return { ...state, user: { userId: event.data.userId, pending: true } };
    case 'NumberUserAssigned':
      return { ...state, user: { userId: event.data.userId, pending: false } };
    case 'NumberUserAssignmentRejected':
    case 'NumberUserUnassigned':
      return { ...state, user: null };
    case 'NumberDisplayNameSet':
      return { ...state, displayName: event.data.displayName };
    case 'NumberDisplayNameCleared':
      return { ...state, displayName: null };
    default:
      return assertNever(event, 'number routing event');
  }
};

export const decideNumberRouting = (
  command: NumberRoutingCommand,
  state: NumberRoutingState,
  context: RoutingContext,
): NumberRoutingEvent[] => {
  const { number } = command.data;
  switch (command.type) {
    case 'ObserveInventory':
      return decideObservation(number, state, command.data.fact);

    case 'RouteNumber': {
      const observed = assertCanEdit(state, number, command.metadata);
      assertInServiceAndSettled(state, number);
      const tenant = tenantOf(observed.owner);
      assertDestination(command.data.destination, tenant, context);
      assertSettings(command.data.settings, tenant, context);
      const destination = withExtension(command.data.destination, context);
      if (sameValue(state.destination, destination) && sameValue(state.settings, command.data.settings)) return [];
      return [
        {
          type: 'NumberRouted',
          data: {
            number,
            occupierId: observed.owner.type === 'occupier' ? observed.owner.occupierId : null,
            destination,
            settings: command.data.settings,
          },
        },
      ];
    }

    case 'RequestUserAssignment': {
      const observed = assertCanEdit(state, number, command.metadata);
      if (observed.isMain)
        throw ruleViolated(AssignmentRule.MAIN_NUMBER_NOT_ASSIGNABLE, `${number} is a main number and cannot be assigned to a user`);
      const { userId } = command.data;
      if (state.user) {
        if (state.user.userId === userId) return [];
        throw ruleViolated(AssignmentRule.NUMBER_ALREADY_ASSIGNED, `${number} is already assigned to another user`);
      }
      if (observed.status !== 'ACTIVE')
        throw ruleViolated(AssignmentRule.NUMBER_NOT_ACTIVE, `${number} is ${observed.status}; only ACTIVE numbers can be assigned`);
      const user = context.user;
      if (!user?.exists || user.occupierId !== tenantOf(observed.owner))
        throw ruleViolated(AssignmentRule.USER_NOT_FOUND, `User ${userId} does not exist`);
      if (user.holds !== null && user.holds !== number) {
        throw ruleViolated(AssignmentRule.USER_ALREADY_HAS_NUMBER, `User ${userId} already holds ${user.holds}; a user holds one number`);
      }
      return [{ type: 'NumberUserAssignmentRequested', data: { number, userId } }];
    }

    case 'CompleteUserAssignment':
      return state.user?.pending && state.user.userId === command.data.userId ? [{ type: 'NumberUserAssigned', data: command.data }] : [];

    case 'RejectUserAssignment':
      return state.user?.pending && state.user.userId === command.data.userId
        ? [{ type: 'NumberUserAssignmentRejected', data: command.data }]
        : [];

    case 'UnassignUser': {
      assertCanEdit(state, number, command.metadata);
      if (state.user?.pending) throw ruleViolated(AssignmentRule.NUMBER_PENDING, `${number} has a change in progress; try again shortly`);
      return state.user ? [{ type: 'NumberUserUnassigned', data: { number, userId: state.user.userId } }] : [];
    }

    case 'SetDisplayName':
      assertCanEdit(state, number, command.metadata);
      assertInServiceAndSettled(state, number);
      return sameValue(state.displayName, command.data.displayName) ? [] : [{ type: 'NumberDisplayNameSet', data: command.data }];

    case 'ClearDisplayName':
      assertCanEdit(state, number, command.metadata);
      return state.displayName ? [{ type: 'NumberDisplayNameCleared', data: { number } }] : [];

    case 'ClearRouting':
      return state.destination.type === 'user'
        ? [{ type: 'NumberRoutingCleared', data: { number, previous: state.destination, reason: command.data.reason } }]
        : [];

    default:
      return assertNever(command, 'number routing command');
  }
};

const decideObservation = (number: string, state: NumberRoutingState, fact: InventoryFact): NumberRoutingEvent[] => {
  const observed = observeInventory(state.observed, fact);
  if (!observed) return [];
  const events: NumberRoutingEvent[] = [{ type: 'NumberLifecycleObserved', data: { number, observed } }];
  if (!inService(observed) && state.destination.type !== 'none') {
    events.push({
      type: 'NumberRoutingCleared',
      data: {
        number,
        previous: state.destination,
        reason: fact.type === 'NumberDeallocated' ? 'number-deallocated' : 'number-deactivated',
      },
    });
  }
  if (fact.type === 'NumberDeallocated' && state.displayName) events.push({ type: 'NumberDisplayNameCleared', data: { number } });
  const user = state.user;
  if (user?.pending && fact.type === 'NumberAssigned' && fact.data['userId'] === user.userId) {
    events.push({ type: 'NumberUserAssigned', data: { number, userId: user.userId } });
  } else if (user?.pending && !inService(observed)) {
    events.push({ type: 'NumberUserAssignmentRejected', data: { number, userId: user.userId, reason: 'number left service' } });
  } else if (user && !user.pending && fact.type === 'NumberUnassigned') {
    events.push({ type: 'NumberUserUnassigned', data: { number, userId: user.userId } });
  }
  return events;
};

const assertCanEdit = (state: NumberRoutingState, number: string, metadata: CommandMetadata): OwnedNumber =>
  assertCanEditNumber(state.observed, number, metadata.principal, AssignmentRule.MAIN_NUMBER_READ_ONLY);

const assertInServiceAndSettled = (state: NumberRoutingState, number: string): void => {
  if (!inService(state.observed)) throw ruleViolated(AssignmentRule.NUMBER_NOT_ACTIVE, `${number} is not ACTIVE`);
  if (state.user?.pending) throw ruleViolated(AssignmentRule.NUMBER_PENDING, `${number} has a change in progress; try again shortly`);
};

const assertTarget = (target: Target | undefined, tenant: string, kind: Target['kind'], what: string): void => {
  if (!target?.exists)
    throw ruleViolated(kind === 'user' ? AssignmentRule.USER_NOT_FOUND : AssignmentRule.DESTINATION_NOT_FOUND, `${what} does not exist`);
  if (target.occupierId !== tenant) throw ruleViolated(AssignmentRule.DESTINATION_NOT_OWNED, `${what} belongs to another occupier`);
  if (target.kind !== kind) throw ruleViolated(AssignmentRule.DESTINATION_TYPE_MISMATCH, `${what} is a ${target.kind}, not a ${kind}`);
};

const assertDestination = (destination: Destination, tenant: string, context: RoutingContext): void => {
  switch (destination.type) {
    case 'none':
    case 'call-forwarding':
    case 'fax':
      return;
    case 'user':
      return assertTarget(context.destination, tenant, 'user', `User ${destination.userId}`);
    case 'route':
    case 'managed-route':
      return assertTarget(context.destination, tenant, destination.type, `Destination ${destination.destinationId}`);
    case 'conference-room':
      if (!context.conferenceBridge)
        throw ruleViolated(
          AssignmentRule.CONFERENCE_BRIDGE_REQUIRED,
          'Numbers reach conference rooms only on accounts with the conference bridge feature',
        );
      assertTarget(context.destination, tenant, 'conference-room', `Conference room ${destination.destinationId}`);
      if (destination.greetingId !== null && (!context.greeting?.exists || context.greeting.occupierId !== tenant)) {
        throw ruleViolated(AssignmentRule.GREETING_NOT_FOUND, `Greeting ${destination.greetingId} does not exist`);
      }
      return;
    default:
      return assertNever(destination, 'destination');
  }
};

/** "User" points the number at one extension: the one named, or the user's only one. */
const withExtension = (destination: Destination, context: RoutingContext): Destination => {
  if (destination.type !== 'user') return destination;
  const extensions = context.userExtensions ?? [];
  const named = destination.extensionId;
  if (named !== undefined) {
    if (!extensions.includes(named))
      throw ruleViolated(AssignmentRule.USER_EXTENSION_NOT_FOUND, `User ${destination.userId} has no extension ${named}`);
    return destination;
  }
  const [only, ...others] = extensions;
  if (only === undefined)
    throw ruleViolated(AssignmentRule.USER_HAS_NO_EXTENSION, `User ${destination.userId} has no extension for the number to ring`);
  if (others.length > 0)
    throw ruleViolated(
      AssignmentRule.USER_EXTENSION_REQUIRED,
      `User ${destination.userId} has ${extensions.length} extensions (${extensions.join(', ')}): name the one the number rings`,
    );
  return { ...destination, extensionId: only };
};

const assertSettings = (settings: CallSettings, tenant: string, context: RoutingContext): void => {
  if (settings.locationSiteId !== null && !context.occupierSites.includes(settings.locationSiteId)) {
    throw ruleViolated(AssignmentRule.LOCATION_NOT_OCCUPIER_SITE, `Location ${settings.locationSiteId} is not one of the occupier's sites`);
  }
  if (settings.emergencyRouteId !== null) {
    const route = context.emergencyRoute;
    if (!route?.exists || route.occupierId !== tenant || route.kind !== 'route') {
      throw ruleViolated(
        AssignmentRule.EMERGENCY_ROUTE_INVALID,
        `Emergency route ${settings.emergencyRouteId} is not a route of this occupier`,
      );
    }
  }
};

export const numberRoutingDecider: Decider<NumberRoutingCommand, NumberRoutingEvent, NumberRoutingState, RoutingContext> = {
  initialState: initialNumberRoutingState,
  evolve: evolveNumberRouting,
  decide: decideNumberRouting,
};
