import { PlatformError, type Reply } from '@tnp/kernel';
import type { Caller, Role } from './principal';

/** What a request acts on, as far as the tenancy rules care. */
export type Scope =
  | { readonly kind: 'platform' }
  | { readonly kind: 'site'; readonly siteId: string }
  | { readonly kind: 'occupier'; readonly occupierId: string }
  /** The resource's owner is known only to the service that holds it: the service decides. */
  | { readonly kind: 'resource' };

/** The sites an occupier is based at (where numbers are allocated to it). */
export type OccupierSites = (occupierId: string) => Promise<readonly string[]>;

const hidden = (what: string): PlatformError => new PlatformError('NOT_FOUND', `${what} is not among yours`);

/**
 * Role first (403: the route is not for this role), then tenancy (404: another tenant's resource
 * is not revealed). An operator acts on its own sites and on the occupiers based at them; an
 * occupier admin on its own company.
 */
export const authorize = async (caller: Caller, roles: readonly Role[], scope: Scope, occupierSites: OccupierSites): Promise<void> => {
  if (caller.role === 'platform') return;
  if (!roles.includes(caller.role)) throw new PlatformError('FORBIDDEN', `Role ${caller.role} may not do this`);
  switch (scope.kind) {
    case 'platform':
      throw new PlatformError('FORBIDDEN', 'Only the platform may do this');
    case 'site':
      if (caller.role === 'operator' && caller.sites.includes(scope.siteId)) return;
      throw hidden(`Site ${scope.siteId}`);
    case 'occupier':
      if (caller.role === 'occupier-admin' && caller.occupierId === scope.occupierId) return;
      if (caller.role === 'operator' && (await occupierSites(scope.occupierId)).some((site) => caller.sites.includes(site))) return;
      throw hidden(`Occupier ${scope.occupierId}`);
    case 'resource':
      return;
  }
};

/** After a number-scoped read: may this caller see a number at this site with this owner? */
export const canSeeNumber = (caller: Caller, siteId: string, occupierId: string | null): boolean => {
  switch (caller.role) {
    case 'platform':
      return true;
    case 'operator':
      return caller.sites.includes(siteId);
    case 'occupier-admin':
      return occupierId !== null && caller.occupierId === occupierId;
    case 'user':
      return false;
  }
};

/** Of an occupier's list, an operator sees only the items at its own sites. */
export const onCallerSites = <T extends { readonly siteId: string | null }>(
  caller: Caller,
  reply: Reply<{ readonly items: readonly T[] }>,
): Reply<{ readonly items: readonly T[] }> =>
  reply.ok && caller.role === 'operator'
    ? { ok: true, value: { ...reply.value, items: reply.value.items.filter((i) => i.siteId !== null && caller.sites.includes(i.siteId)) } }
    : reply;
