import { authorize, canSeeNumber } from './authorize';
import type { Caller } from './principal';

const caller = (over: Partial<Caller>): Caller => ({
  id: 'u',
  role: 'operator',
  sites: ['lon-1'],
  occupierId: null,
  tenant: null,
  ...over,
});
const refused = (fn: () => void) => expect(fn).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));

describe('authorization', () => {
  test('the platform may do everything', () => {
    expect(() => authorize(caller({ role: 'platform', sites: [] }), [], { kind: 'platform' })).not.toThrow();
  });

  test('an operator acts only on its own sites', () => {
    expect(() => authorize(caller({}), ['operator'], { kind: 'site', siteId: 'lon-1' })).not.toThrow();
    refused(() => authorize(caller({}), ['operator'], { kind: 'site', siteId: 'man-1' }));
    refused(() => authorize(caller({}), ['operator'], { kind: 'platform' }));
  });

  test('a role not listed for the route is refused', () => {
    refused(() => authorize(caller({ role: 'user' }), ['operator'], { kind: 'site', siteId: 'lon-1' }));
  });

  test('an occupier admin acts only for its own company', () => {
    const admin = caller({ role: 'occupier-admin', sites: [], occupierId: 'acme' });
    expect(() => authorize(admin, ['occupier-admin'], { kind: 'occupier', occupierId: 'acme' })).not.toThrow();
    refused(() => authorize(admin, ['occupier-admin'], { kind: 'occupier', occupierId: 'globex' }));
    refused(() => authorize(admin, ['operator', 'occupier-admin'], { kind: 'site', siteId: 'lon-1' }));
  });

  test('number reads are limited to the site operator and the owning occupier', () => {
    expect(canSeeNumber(caller({}), 'lon-1', null)).toBe(true);
    expect(canSeeNumber(caller({}), 'man-1', 'acme')).toBe(false);
    expect(canSeeNumber(caller({ role: 'occupier-admin', occupierId: 'acme' }), 'man-1', 'acme')).toBe(true);
    expect(canSeeNumber(caller({ role: 'occupier-admin', occupierId: 'acme' }), 'lon-1', null)).toBe(false);
  });
});
