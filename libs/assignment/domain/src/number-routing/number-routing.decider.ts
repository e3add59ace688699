import { assertNever, notFound, PlatformError, ruleViolated, type CommandMetadata, type Decider } from '@tnp/kernel';
import { AssignmentRule } from './assignment-rules';
import type {
  CallSettings,
  Destination,
  InventoryFact,
  NumberRoutingCommand,
  NumberRoutingEvent,
  NumberRoutingState,
  ObservedNumber,
  Owner,
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

/** The tenant a number's destinations and users belong to: its occupier, or the site operator. */
export const tenantOf = (owner: Owner): string => (owner.type === 'operator' ? 'operator' : owner.occupierId);

const inService = (observed: ObservedNumber | null): boolean => observed?.status === 'ACTIVE' || observed?.status === 'ASSIGNED';

/** Folds one inventory event into what this context knows of the number; undefined when it tells nothing new. */
export const observeInventory = (observed: ObservedNumber | null, fact: InventoryFact): ObservedNumber | undefined => {
  const data = fact.data;
  const at = (changes: Partial<ObservedNumber>): ObservedNumber | undefined =>
    observed ? { ...observed, ...changes, inventoryRevision: fact.revision } : undefined;
  switch (fact.type) {
    case 'NumberAllocated':
      return {
        siteId: String(data['siteId']),
        owner: data['owner'] as Owner,
        status: 'RESERVED',
        isMain: data['isMain'] === true,
        ext: (data['ext'] as string | null | undefined) ?? null,
        inventoryRevision: fact.revision,
      };
    case 'NumberActivated':
    case 'NumberUnassigned':
      return at({ status: 'ACTIVE' });
    case 'NumberDeactivated':
      return at({ status: 'RESERVED' });
    case 'NumberDeallocated':
      return at({ status: 'AVAILABLE', owner: null });
    case 'NumberAssigned':
      return at({ status: 'ASSIGNED' });
    case 'MainNumberNominated':
      return at({ isMain: true });
    case 'MainNumberNominationRemoved':
      return at({ isMain: false });
    default:
      return undefined;
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
      if (sameJson(state.destination, command.data.destination) && sameJson(state.settings, command.data.settings)) return [];
      return [
        {
          type: 'NumberRouted',
          data: {
            number,
            occupierId: observed.owner.type === 'occupier' ? observed.owner.occupierId : null,
            destination: command.data.destination,
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
      return sameJson(state.displayName, command.data.displayName) ? [] : [{ type: 'NumberDisplayNameSet', data: command.data }];

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
  if (state.observed && fact.revision <= state.observed.inventoryRevision) return [];
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

type OwnedNumber = ObservedNumber & { readonly owner: Owner };

/** Who may change a number: its occupier's admins (not its main number), its site's operator, the platform. */
const assertCanEdit = (state: NumberRoutingState, number: string, metadata: CommandMetadata): OwnedNumber => {
  const observed = state.observed;
  if (!observed?.owner) throw notFound(`${number} is not allocated`);
  const { principal } = metadata;
  switch (principal.role) {
    case 'platform':
    case 'system':
      break;
    case 'operator':
      if (!principal.sites?.includes(observed.siteId)) throw notFound(`${number} is not at your sites`);
      break;
    case 'occupier-admin':
      if (observed.owner.type !== 'occupier' || observed.owner.occupierId !== principal.tenantId) throw notFound(`${number} is not yours`);
      if (observed.isMain)
        throw ruleViolated(AssignmentRule.MAIN_NUMBER_READ_ONLY, `${number} is a main number; main numbers are read-only`);
      break;
    case 'user':
      throw new PlatformError('FORBIDDEN', 'Users cannot change number routing');
    default:
      return assertNever(principal.role, 'role');
  }
  return observed as OwnedNumber;
};

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
      assertTarget(context.destination, tenant, 'conference-room', `Conference room ${destination.destinationId}`);
      if (destination.greetingId !== null && (!context.greeting?.exists || context.greeting.occupierId !== tenant)) {
        throw ruleViolated(AssignmentRule.GREETING_NOT_FOUND, `Greeting ${destination.greetingId} does not exist`);
      }
      return;
    default:
      return assertNever(destination, 'destination');
  }
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

/** Value equality that ignores key order (stored JSON comes back with its keys reordered). */
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
};

export const numberRoutingDecider: Decider<NumberRoutingCommand, NumberRoutingEvent, NumberRoutingState, RoutingContext> = {
  initialState: initialNumberRoutingState,
  evolve: evolveNumberRouting,
  decide: decideNumberRouting,
};
