import type { Destination, NumberRoutingEvent } from './number-routing.types';
import { destinationTargetOf } from './number-routing.types';

/** A change to the bookkeeping of what a number points at, on the target's own stream. */
export type TargetChange = {
  readonly action: 'reference' | 'release';
  readonly kind: NonNullable<ReturnType<typeof destinationTargetOf>>['kind'];
  readonly id: string;
  readonly number: string;
};

/** The references to take and give back when a number's routing moves from `previous` through `events`. */
export const targetChangesFor = (number: string, previous: Destination, events: readonly NumberRoutingEvent[]): TargetChange[] => {
  let current = previous;
  const changes: TargetChange[] = [];
  for (const event of events) {
    if (event.type !== 'NumberRouted' && event.type !== 'NumberRoutingCleared') continue;
    const next: Destination = event.type === 'NumberRouted' ? event.data.destination : { type: 'none' };
    const before = destinationTargetOf(current);
    const after = destinationTargetOf(next);
    if (before?.kind !== after?.kind || before?.id !== after?.id) {
      if (before) changes.push({ action: 'release', ...before, number });
      if (after) changes.push({ action: 'reference', ...after, number });
    }
    current = next;
  }
  return changes;
};

/** The user claims a number's assignment events take or give back. */
export type UserClaimChange = { readonly action: 'claim' | 'release'; readonly userId: string; readonly number: string };

export const userClaimChangesFor = (events: readonly NumberRoutingEvent[]): UserClaimChange[] =>
  events.flatMap((event): UserClaimChange[] => {
    switch (event.type) {
      case 'NumberUserAssignmentRequested':
        return [{ action: 'claim', userId: event.data.userId, number: event.data.number }];
      case 'NumberUserAssignmentRejected':
      case 'NumberUserUnassigned':
        return [{ action: 'release', userId: event.data.userId, number: event.data.number }];
      default:
        return [];
    }
  });
