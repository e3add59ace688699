import { authorize, canSeeNumber, type OccupierSites } from './authorize';
import type { Caller } from './principal';

const caller = (over: Partial<Caller>): Caller => ({
  id: 'u',
  role: 'operator',
  sites: ['lon-1'],
  occupierId: null,
  tenant: null,
  ...over,
});

const basedAt: OccupierSites = async (occupierId) => ({ acme: ['lon-1', 'man-1'], globex: ['man-1'] })[occupierId] ?? [];
const refused = (code: string) => expect.objectContaining({ code });

describe('authorization', () => {
  test('the platform may do everything', async () => {
    await expect(authorize(caller({ role: 'platform', sites: [] }), [], { kind: 'platform' }, basedAt)).resolves.toBeUndefined();
  });

  test("an operator acts only on its own sites; another's is not revealed", async () => {
    await expect(authorize(caller({}), ['operator'], { kind: 'site', siteId: 'lon-1' }, basedAt)).resolves.toBeUndefined();
    await expect(authorize(caller({}), ['operator'], { kind: 'site', siteId: 'man-1' }, basedAt)).rejects.toEqual(refused('NOT_FOUND'));
    await expect(authorize(caller({}), ['operator'], { kind: 'platform' }, basedAt)).rejects.toEqual(refused('FORBIDDEN'));
  });

  test('an operator reaches an occupier only through a site the occupier is based at', async () => {
    const occupier = (occupierId: string) => ({ kind: 'occupier' as const, occupierId });
    await expect(authorize(caller({}), ['operator'], occupier('acme'), basedAt)).resolves.toBeUndefined();
    await expect(authorize(caller({}), ['operator'], occupier('globex'), basedAt)).rejects.toEqual(refused('NOT_FOUND'));
    await expect(authorize(caller({}), ['operator'], occupier('nobody'), basedAt)).rejects.toEqual(refused('NOT_FOUND'));
  });

  test('a role not listed for the route is refused, whatever the resource', async () => {
    await expect(authorize(caller({ role: 'user' }), ['operator'], { kind: 'site', siteId: 'lon-1' }, basedAt)).rejects.toEqual(
      refused('FORBIDDEN'),
    );
  });

  test('an occupier admin acts only for its own company', async () => {
    const admin = caller({ role: 'occupier-admin', sites: [], occupierId: 'acme' });
    await expect(authorize(admin, ['occupier-admin'], { kind: 'occupier', occupierId: 'acme' }, basedAt)).resolves.toBeUndefined();
    await expect(authorize(admin, ['occupier-admin'], { kind: 'occupier', occupierId: 'globex' }, basedAt)).rejects.toEqual(
      refused('NOT_FOUND'),
    );
    await expect(authorize(admin, ['operator', 'occupier-admin'], { kind: 'site', siteId: 'lon-1' }, basedAt)).rejects.toEqual(
      refused('NOT_FOUND'),
    );
  });

  test('number reads are limited to the site operator and the owning occupier', () => {
    expect(canSeeNumber(caller({}), 'lon-1', null)).toBe(true);
    expect(canSeeNumber(caller({}), 'man-1', 'acme')).toBe(false);
    expect(canSeeNumber(caller({ role: 'occupier-admin', occupierId: 'acme' }), 'man-1', 'acme')).toBe(true);
    expect(canSeeNumber(caller({ role: 'occupier-admin', occupierId: 'acme' }), 'lon-1', null)).toBe(false);
  });
});
