import type { numberRoutingEvents } from '@tnp/assignment-contracts';
import type { Command, EventsOf } from '@tnp/kernel';

import type { InventoryFact, ObservedNumber, Owner } from '@tnp/number-lifecycle';

export type { InventoryFact, ObservedNumber, Owner };

export const RING_PATTERNS = ['standard', 'short-short', 'short-long', 'long-short', 'long-long', 'triple'] as const;
export type RingPattern = (typeof RING_PATTERNS)[number];

export type CallSettings = {
  readonly locationSiteId: string | null;
  readonly prependCallerId: string | null;
  readonly distinctiveRing: RingPattern | null;
  readonly emergencyRouteId: string | null;
  readonly recordInbound: boolean;
};

export type CatalogueType = 'route' | 'managed-route' | 'conference-room';

export type Destination =
  | { readonly type: 'none' }
  | { readonly type: 'user'; readonly userId: string; readonly extensionId?: string }
  | { readonly type: 'route'; readonly destinationId: string }
  | { readonly type: 'managed-route'; readonly destinationId: string }
  | { readonly type: 'conference-room'; readonly destinationId: string; readonly pinlessEntry: boolean; readonly greetingId: string | null }
  | { readonly type: 'call-forwarding'; readonly forwardTo: string }
  | { readonly type: 'fax' };

export type UserAssignment = { readonly userId: string; readonly pending: boolean };
export type DisplayName = { readonly first: string; readonly second: string };

export type NumberRoutingState = {
  readonly observed: ObservedNumber | null;
  readonly destination: Destination;
  readonly settings: CallSettings | null;
  readonly user: UserAssignment | null;
  readonly displayName: DisplayName | null;
};

type At = { readonly number: string };

export type NumberRoutingCommand =
  | Command<'ObserveInventory', At & { readonly fact: InventoryFact }>
  | Command<'RouteNumber', At & { readonly destination: Destination; readonly settings: CallSettings }>
  | Command<'RequestUserAssignment', At & { readonly userId: string }>
  | Command<'CompleteUserAssignment', At & { readonly userId: string }>
  | Command<'RejectUserAssignment', At & { readonly userId: string; readonly reason: string }>
  | Command<'UnassignUser', At>
  | Command<'SetDisplayName', At & { readonly displayName: DisplayName }>
  | Command<'ClearDisplayName', At>
  | Command<'ClearRouting', At & { readonly reason: 'user-removed' }>;

export type RoutingClearedReason = 'number-deactivated' | 'number-deallocated' | 'user-removed';

export type NumberRoutingEvent = EventsOf<typeof numberRoutingEvents>;

/** Facts about the targets a routing command names, looked up by the handler before deciding. */
export type Target = {
  readonly exists: boolean;
  readonly occupierId: string | null;
  readonly kind: CatalogueType | 'user' | 'greeting' | null;
};

export type RoutingContext = {
  readonly destination?: Target;
  readonly emergencyRoute?: Target;
  readonly greeting?: Target;
  /** The sites where the number's occupier has numbers: the allowed locations. */
  readonly occupierSites: readonly string[];
  /** For user assignment: whether the user exists, whose it is, and the number it holds. */
  readonly user?: Target & { readonly holds: string | null };
  /** Whether the number's occupier has the conference bridge (conference rooms need it). */
  readonly conferenceBridge?: boolean;
  /** For a user destination: the extensions the occupier has for that user (extension-device keeps them). */
  readonly userExtensions?: readonly string[];
};

export const numberRoutingStreamId = (number: string): string => `number-routing-${number}`;

export const destinationTargetOf = (destination: Destination): { readonly kind: 'user' | CatalogueType; readonly id: string } | null => {
  switch (destination.type) {
    case 'user':
      return { kind: 'user', id: destination.userId };
    case 'route':
    case 'managed-route':
    case 'conference-room':
      return { kind: destination.type, id: destination.destinationId };
    case 'none':
    case 'call-forwarding':
    case 'fax':
      return null;
  }
};
