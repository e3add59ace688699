import { z } from 'zod';
import {
  assertNever,
  EventContract,
  notFound,
  PlatformError,
  ruleViolated,
  type DeepReadonly,
  type EventsOf,
  type Principal,
} from '@tnp/kernel';
import { numberEvents, numberInventoryEvents } from '@tnp/number-inventory-contracts';

type NumberEvent = EventsOf<typeof numberEvents>;

/**
 * The number lifecycle as downstream contexts see it: folded from number-inventory's published
 * events, which are the only way they learn it.
 */
export const observedOwnerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('operator') }),
  z.object({ type: z.literal('occupier'), occupierId: z.string() }),
]);
export type Owner = DeepReadonly<z.output<typeof observedOwnerSchema>>;

/** As downstream events carry it (…NumberObserved): read leniently, new fields may come. */
export const observedNumberSchema = z.object({
  siteId: z.string(),
  owner: observedOwnerSchema.nullable(),
  status: z.enum(['AVAILABLE', 'RESERVED', 'ACTIVE', 'ASSIGNED']),
  isMain: z.boolean(),
  ext: z.string().nullable(),
  inventoryRevision: z.number().int().describe('The number-inventory stream revision this view is at'),
});
export type ObservedNumber = DeepReadonly<z.output<typeof observedNumberSchema>>;

export const OBSERVED_EXAMPLE: ObservedNumber = {
  siteId: 'lon-1',
  owner: { type: 'occupier', occupierId: 'acme' },
  status: 'ACTIVE',
  isMain: false,
  ext: '001',
  inventoryRevision: 2,
};

/** A number-inventory event as published (typed by its contract), with its stream revision. */
export type InventoryFact = NumberEvent & { readonly revision: number };

const inventoryContract = new EventContract(numberInventoryEvents);

/**
 * A number-inventory event received by a downstream context, checked against number-inventory's
 * published schema (older versions upcast): undefined for events of other aggregates or of types
 * this build does not know; an EventContractError for data that breaks the contract.
 */
export const inventoryFactOf = (event: {
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
  readonly streamrevision: number;
}): InventoryFact | undefined => {
  if (!(event.type in numberEvents)) return undefined;
  const decoded = inventoryContract.decode(event.type, event.version, event.data);
  return decoded ? ({ ...decoded, revision: event.streamrevision } as InventoryFact) : undefined;
};

/** The tenant a number's settings belong to: its occupier, or the site operator. */
export const tenantOf = (owner: Owner): string => (owner.type === 'operator' ? 'operator' : owner.occupierId);

export const isInService = (observed: ObservedNumber | null): boolean => observed?.status === 'ACTIVE' || observed?.status === 'ASSIGNED';

/** Folds one inventory event into what is known of the number; undefined when it tells nothing new. */
export const observeInventory = (observed: ObservedNumber | null, fact: InventoryFact): ObservedNumber | undefined => {
  if (observed && fact.revision <= observed.inventoryRevision) return undefined;
  const at = (changes: Partial<ObservedNumber>): ObservedNumber | undefined =>
    observed ? { ...observed, ...changes, inventoryRevision: fact.revision } : undefined;
  switch (fact.type) {
    case 'NumberAllocated':
      return {
        siteId: fact.data.siteId,
        owner: fact.data.owner,
        status: 'RESERVED',
        isMain: fact.data.isMain,
        ext: fact.data.ext,
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

export type OwnedNumber = ObservedNumber & { readonly owner: Owner };

/**
 * Who may change a number's settings: its occupier's admins (never its main number, which is
 * read-only for them), its site's operator, the platform and internal systems.
 */
export const assertCanEditNumber = (
  observed: ObservedNumber | null,
  number: string,
  principal: Principal,
  mainNumberRule: string,
): OwnedNumber => {
  if (!observed?.owner) throw notFound(`${number} is not allocated`);
  switch (principal.role) {
    case 'platform':
    case 'system':
      break;
    case 'operator':
      if (!principal.sites?.includes(observed.siteId)) throw notFound(`${number} is not at your sites`);
      break;
    case 'occupier-admin':
      if (observed.owner.type !== 'occupier' || observed.owner.occupierId !== principal.tenantId) throw notFound(`${number} is not yours`);
      if (observed.isMain) throw ruleViolated(mainNumberRule, `${number} is a main number; main numbers are read-only`);
      break;
    case 'user':
      throw new PlatformError('FORBIDDEN', 'Users cannot change number settings');
    default:
      return assertNever(principal.role, 'role');
  }
  return observed as OwnedNumber;
};

export type DepartureReason = 'number-deactivated' | 'number-deallocated';

/**
 * Why a number leaves behind what downstream contexts attached to it (its handset login, its
 * forwarding), when inventory reports this fact: only when it leaves service. A number whose user
 * is unassigned stays active and keeps its device and features.
 */
export const departureReason = (before: ObservedNumber | null, fact: InventoryFact, after: ObservedNumber): DepartureReason | null => {
  if (fact.type === 'NumberDeallocated') return 'number-deallocated';
  if (isInService(before) && !isInService(after)) return 'number-deactivated';
  return null;
};
