import type { Command, EventsOf } from '@tnp/kernel';
import type { numberEvents } from '@tnp/number-inventory-contracts';

export type Owner = { readonly type: 'operator' } | { readonly type: 'occupier'; readonly occupierId: string };

export type NumberKind = 'standard' | 'ivr' | 'hunt-group' | 'remote-access-voicemail';

export type NumberStatus = 'AVAILABLE' | 'RESERVED' | 'ACTIVE' | 'ASSIGNED';

export const NUMBER_STATUSES: readonly NumberStatus[] = ['AVAILABLE', 'RESERVED', 'ACTIVE', 'ASSIGNED'];

type At = { readonly number: string; readonly siteId: string };

type ProvisionedAt = At & {
  readonly ext: string | null;
  readonly kind: NumberKind;
  readonly rangeName: string;
  readonly portedIn: boolean;
  readonly portedFrom: string | null;
};

export type NumberCommand =
  | Command<'ProvisionNumber', ProvisionedAt>
  | Command<'LockNumber', At & { readonly reason: string | null }>
  | Command<'UnlockNumber', At>
  | Command<'AllocateNumber', At & { readonly owner: Owner }>
  | Command<'DeallocateNumber', At>
  | Command<'ActivateNumber', At>
  | Command<'DeactivateNumber', At>
  | Command<'NominateMainNumber', At>
  | Command<'RemoveMainNumberNomination', At>
  | Command<'MarkNumberAssigned', At & { readonly userId: string }>
  | Command<'MarkNumberUnassigned', At>;

/** Derived from the published schemas (the contract), so code and documents cannot drift apart. */
export type NumberEvent = EventsOf<typeof numberEvents>;

export type ProvisionedNumber = {
  readonly exists: true;
  readonly number: string;
  readonly siteId: string;
  readonly ext: string | null;
  readonly kind: NumberKind;
  readonly rangeName: string;
  readonly portedIn: boolean;
  readonly portedFrom: string | null;
  readonly status: NumberStatus;
  readonly owner: Owner | null;
  readonly previousOwner: Owner | null;
  readonly coolingOffUntil: string | null;
  readonly locked: boolean;
  readonly isMain: boolean;
  readonly hasBeenInService: boolean;
  readonly assignedUserId: string | null;
};

export type NumberState = { readonly exists: false } | ProvisionedNumber;

/** What the number decider needs to know beyond its own stream. */
export type NumberDecisionContext = {
  /** The main number the relevant owner already holds at this site, if any. */
  readonly ownerMainNumber: string | null;
  readonly coolingOffDays: number;
  /** The site lets a previous owner take a number back while it cools off (off by default). */
  readonly previousOwnerMayReclaim?: boolean;
};

export const ownerKey = (owner: Owner): string => (owner.type === 'operator' ? 'operator' : `occupier:${owner.occupierId}`);

export const sameOwner = (a: Owner | null, b: Owner | null): boolean => a !== null && b !== null && ownerKey(a) === ownerKey(b);

export const numberStreamId = (number: string): string => `number-${number}`;

export const isInService = (status: NumberStatus): boolean => status === 'ACTIVE' || status === 'ASSIGNED';
