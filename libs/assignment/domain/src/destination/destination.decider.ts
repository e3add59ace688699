import type { destinationEvents } from '@tnp/assignment-contracts';
import { assertNever, notFound, ruleViolated, type Command, type Decider, type EventsOf } from '@tnp/kernel';
import { AssignmentRule } from '../number-routing/assignment-rules';
import type { CatalogueType } from '../number-routing/number-routing.types';

/** A route, managed route or conference room of one tenant, and the numbers that point at it. */
type Key = { readonly tenant: string; readonly destinationId: string };

export type DestinationCommand =
  | Command<'CreateDestination', Key & { readonly kind: CatalogueType; readonly name: string }>
  | Command<'RenameDestination', Key & { readonly name: string }>
  | Command<'RemoveDestination', Key>
  | Command<'ReferenceDestination', Key & { readonly number: string }>
  | Command<'ReleaseDestination', Key & { readonly number: string }>;

export type DestinationEvent = EventsOf<typeof destinationEvents>;

export type DestinationState =
  | { readonly exists: false }
  | {
      readonly exists: true;
      readonly tenant: string;
      readonly kind: CatalogueType;
      readonly name: string;
      readonly removed: boolean;
      readonly referencedBy: readonly string[];
    };

/** Destination ids are the tenant's own: two tenants may use the same id, and neither sees the other's. */
export const destinationStreamId = (tenant: string, destinationId: string): string => `destination-${tenant}/${destinationId}`;

export const destinationDecider: Decider<DestinationCommand, DestinationEvent, DestinationState> = {
  initialState: () => ({ exists: false }),
  evolve: (state, event) => {
    if (event.type === 'DestinationCreated')
      return { exists: true, tenant: event.data.tenant, kind: event.data.kind, name: event.data.name, removed: false, referencedBy: [] };
    if (!state.exists) return state;
    switch (event.type) {
      case 'DestinationRenamed':
        return { ...state, name: event.data.name };
      case 'DestinationRemoved':
        return { ...state, removed: true };
      case 'DestinationReferenced':
        return { ...state, referencedBy: [...state.referencedBy.filter((n) => n !== event.data.number), event.data.number] };
      case 'DestinationReleased':
        return { ...state, referencedBy: state.referencedBy.filter((n) => n !== event.data.number) };
      default:
        return assertNever(event, 'destination event');
    }
  },
  decide: (command, state) => {
    const { tenant, destinationId } = command.data;
    const key = { tenant, destinationId };
    if (command.type === 'CreateDestination') {
      if (!state.exists) return [{ type: 'DestinationCreated', data: command.data }];
      if (!state.removed && state.tenant === tenant && state.kind === command.data.kind && state.name === command.data.name) return [];
      throw ruleViolated(AssignmentRule.DESTINATION_EXISTS, `Destination ${destinationId} already exists`);
    }
    if (!state.exists || state.removed || state.tenant !== tenant) {
      if (command.type === 'ReleaseDestination' || command.type === 'RemoveDestination') return [];
      throw notFound(`Destination ${destinationId} does not exist`);
    }
    switch (command.type) {
      case 'RenameDestination':
        return state.name === command.data.name ? [] : [{ type: 'DestinationRenamed', data: command.data }];
      case 'RemoveDestination':
        if (state.referencedBy.length > 0) {
          throw ruleViolated(
            AssignmentRule.DESTINATION_IN_USE,
            `Destination ${destinationId} is used by ${state.referencedBy.length} number(s): ${state.referencedBy.slice(0, 5).join(', ')}`,
          );
        }
        return [{ type: 'DestinationRemoved', data: key }];
      case 'ReferenceDestination':
        return state.referencedBy.includes(command.data.number) ? [] : [{ type: 'DestinationReferenced', data: command.data }];
      case 'ReleaseDestination':
        return state.referencedBy.includes(command.data.number) ? [{ type: 'DestinationReleased', data: command.data }] : [];
      default:
        return assertNever(command, 'destination command');
    }
  },
};
