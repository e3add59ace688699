import { PlatformError } from '@tnp/kernel';
import type { Caller, Role } from './principal';

/** What a request acts on, as far as the tenancy rules care. */
export type Scope =
  | { readonly kind: 'platform' }
  | { readonly kind: 'site'; readonly siteId: string }
  | { readonly kind: 'occupier'; readonly occupierId: string }
  | { readonly kind: 'number' };

/**
 * Role first, then tenancy: an operator acts only on its own sites, an occupier admin only on its
 * own company. Number-scoped reads are checked again once the number's site and owner are known.
 */
export const authorize = (caller: Caller, roles: readonly Role[], scope: Scope): void => {
  if (caller.role === 'platform') return;
  if (!roles.includes(caller.role)) throw new PlatformError('FORBIDDEN', `Role ${caller.role} may not do this`);
  switch (scope.kind) {
    case 'platform':
      throw new PlatformError('FORBIDDEN', 'Only the platform may do this');
    case 'site':
      if (caller.role === 'operator' && caller.sites.includes(scope.siteId)) return;
      throw new PlatformError('FORBIDDEN', `Not allowed to act on site ${scope.siteId}`);
    case 'occupier':
      if (caller.role === 'operator') return;
      if (caller.role === 'occupier-admin' && caller.occupierId === scope.occupierId) return;
      throw new PlatformError('FORBIDDEN', `Not allowed to act for occupier ${scope.occupierId}`);
    case 'number':
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
