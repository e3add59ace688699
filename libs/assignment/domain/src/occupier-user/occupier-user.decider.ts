import type { occupierUserEvents } from '@tnp/assignment-contracts';
import { assertNever, notFound, ruleViolated, type Command, type Decider, type EventsOf } from '@tnp/kernel';
import { AssignmentRule } from '../number-routing/assignment-rules';

/** A person of a tenant: the roster entry, the one number it holds, and the numbers routed to it. */
type Key = { readonly tenant: string; readonly userId: string };
type Name = { readonly firstName: string; readonly lastName: string };

export type OccupierUserCommand =
  | Command<'RegisterUser', Key & Name>
  | Command<'RenameUser', Key & Name>
  | Command<'RemoveUser', Key>
  | Command<'ClaimUserNumber', Key & { readonly number: string }>
  | Command<'ReleaseUserNumber', Key & { readonly number: string }>
  | Command<'ReferenceUser', Key & { readonly number: string }>
  | Command<'ReleaseUserReference', Key & { readonly number: string }>;

export type OccupierUserEvent = EventsOf<typeof occupierUserEvents>;

export type OccupierUserState =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly tenant: string;
      readonly removed: boolean;
      readonly firstName: string;
      readonly lastName: string;
      readonly holds: string | null;
      readonly routedFrom: readonly string[];
    };

/** User ids are the tenant's own: two tenants may use the same id, and neither sees the other's. */
export const occupierUserStreamId = (tenant: string, userId: string): string => `occupier-user-${tenant}/${userId}`;

export const occupierUserDecider: Decider<OccupierUserCommand, OccupierUserEvent, OccupierUserState> = {
  initialState: () => ({ exists: false }),
  evolve: (state, event) => {
    if (event.type === 'UserRegistered') {
      return {
        exists: true,
        tenant: event.data.tenant,
        removed: false,
        firstName: event.data.firstName,
        lastName: event.data.lastName,
        holds: null,
        routedFrom: [],
      };
    }
    if (!state.exists) return state;
    switch (event.type) {
      case 'UserRenamed':
        return { ...state, firstName: event.data.firstName, lastName: event.data.lastName };
      case 'UserRemoved':
        return { ...state, removed: true };
      case 'UserNumberClaimed':
        return { ...state, holds: event.data.number };
      case 'UserNumberReleased':
        return state.holds === event.data.number ? { ...state, holds: null } : state;
      case 'UserReferenced':
        return { ...state, routedFrom: [...state.routedFrom.filter((n) => n !== event.data.number), event.data.number] };
      case 'UserReferenceReleased':
        return { ...state, routedFrom: state.routedFrom.filter((n) => n !== event.data.number) };
      default:
        return assertNever(event, 'occupier user event');
    }
  },
  decide: (command, state) => {
    const { tenant, userId } = command.data;
    if (command.type === 'RegisterUser') {
      if (!state.exists) return [{ type: 'UserRegistered', data: command.data }];
      if (
        !state.removed &&
        state.tenant === tenant &&
        state.firstName === command.data.firstName &&
        state.lastName === command.data.lastName
      )
        return [];
      throw ruleViolated(AssignmentRule.USER_EXISTS, `User ${userId} already exists`);
    }
    if (!state.exists || state.removed || state.tenant !== tenant) {
      if (command.type === 'ReleaseUserNumber' || command.type === 'ReleaseUserReference' || command.type === 'RemoveUser') return [];
      throw notFound(`User ${userId} does not exist`);
    }
    switch (command.type) {
      case 'RenameUser':
        return state.firstName === command.data.firstName && state.lastName === command.data.lastName
          ? []
          : [{ type: 'UserRenamed', data: command.data }];
      case 'RemoveUser':
        if (state.holds !== null) {
          throw ruleViolated(AssignmentRule.USER_HAS_NUMBER, `User ${userId} holds ${state.holds}; unassign it first`);
        }
        return [{ type: 'UserRemoved', data: { tenant, userId } }];
      case 'ClaimUserNumber':
        if (state.holds === command.data.number) return [];
        if (state.holds !== null) {
          throw ruleViolated(
            AssignmentRule.USER_ALREADY_HAS_NUMBER,
            `User ${userId} already holds ${state.holds}; a user holds one number`,
          );
        }
        return [{ type: 'UserNumberClaimed', data: command.data }];
      case 'ReleaseUserNumber':
        return state.holds === command.data.number ? [{ type: 'UserNumberReleased', data: command.data }] : [];
      case 'ReferenceUser':
        return state.routedFrom.includes(command.data.number) ? [] : [{ type: 'UserReferenced', data: command.data }];
      case 'ReleaseUserReference':
        return state.routedFrom.includes(command.data.number) ? [{ type: 'UserReferenceReleased', data: command.data }] : [];
      default:
        return assertNever(command, 'occupier user command');
    }
  },
};
