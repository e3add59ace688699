import { z } from 'zod';
import { assertNever, notFound, PlatformError, ruleViolated, type DeepReadonly, type Principal } from '@tnp/kernel';

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

/** An inventory event as published, reduced to what downstream contexts read. */
export type InventoryFact = { readonly type: string; readonly data: Record<string, unknown>; readonly revision: number };

/** The tenant a number's settings belong to: its occupier, or the site operator. */
export const tenantOf = (owner: Owner): string => (owner.type === 'operator' ? 'operator' : owner.occupierId);

export const isInService = (observed: ObservedNumber | null): boolean => observed?.status === 'ACTIVE' || observed?.status === 'ASSIGNED';

/** Folds one inventory event into what is known of the number; undefined when it tells nothing new. */
export const observeInventory = (observed: ObservedNumber | null, fact: InventoryFact): ObservedNumber | undefined => {
  if (observed && fact.revision <= observed.inventoryRevision) return undefined;
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

export type DepartureReason = 'number-deactivated' | 'number-unassigned' | 'number-deallocated';

/** Why a number leaves behind what downstream contexts attached to it, when inventory reports this fact. */
export const departureReason = (before: ObservedNumber | null, fact: InventoryFact, after: ObservedNumber): DepartureReason | null => {
  if (fact.type === 'NumberDeallocated') return 'number-deallocated';
  if (fact.type === 'NumberUnassigned') return 'number-unassigned';
  if (isInService(before) && !isInService(after)) return 'number-deactivated';
  return null;
};
