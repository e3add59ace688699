import { eventually } from '@tnp/testing';
import { startPlatform, expectOk as ok, type Platform } from './support/platform-harness';

/**
 * Voice services and automatic allocation (site telephony): an occupier given voice services at a
 * site where it has no reserved numbers gets available numbers allocated with them, atomically.
 */
const SITE = 'voice-1';
const EMPTY = 'voice-empty';
const n = (i: number) => `+44207555${String(2000 + i)}`;
const VOICE = (site: string, occupier: string) => `/v1/sites/${site}/occupiers/${occupier}/voice-services`;

let p: Platform;
const t: Record<string, string> = {};
const statusOf = async (i: number) => (await p.call('GET', `/v1/numbers/${encodeURIComponent(n(i))}`, { token: t['platform'] })).body;

beforeAll(async () => {
  p = await startPlatform('e2e_voice');
  t['platform'] = await p.token({ sub: 'essensys', role: 'platform' });
  t['operator'] = await p.token({ sub: 'op-voice', role: 'operator', sites: [SITE, EMPTY] });
  ok(
    await p.call('POST', `/v1/sites/${SITE}/numbers/provision`, {
      token: t['platform'],
      body: { rangeName: 'Voice', range: { start: n(0), end: n(4) } },
    }),
    'provision',
  );
  ok(
    await p.call('POST', `/v1/sites/${SITE}/numbers/${encodeURIComponent(n(4))}/allocate`, {
      token: t['operator'],
      body: { owner: { type: 'occupier', occupierId: 'globex' } },
    }),
    'globex has a number',
  );
  // The site list decides whether an occupier has numbers at the site: wait until it shows globex's.
  await eventually(async () => expect(await statusOf(4)).toMatchObject({ allocatedTo: { occupierId: 'globex' } }));
}, 60_000);

afterAll(async () => {
  await p?.stop();
});

describe('voice services', () => {
  test('an occupier with no numbers at the site gets available ones allocated with its voice services', async () => {
    const added = ok(await p.call('PUT', VOICE(SITE, 'acme'), { token: t['operator'], body: { numbers: 2 } }), 'add').body;
    expect(added).toMatchObject({ active: true, allocated: [n(0), n(1)] });
    expect(added.eventIds).toHaveLength(3);
    await eventually(async () =>
      expect(await statusOf(0)).toMatchObject({ status: 'RESERVED', allocatedTo: { type: 'occupier', occupierId: 'acme' } }),
    );
    // Again: nothing more, the numbers stay.
    expect(ok(await p.call('PUT', VOICE(SITE, 'acme'), { token: t['operator'], body: {} }), 'again').body).toEqual({
      active: true,
      allocated: [],
      eventIds: [],
    });
  });

  test('an occupier that already has numbers reserved at the site keeps them and gets none', async () => {
    const added = ok(await p.call('PUT', VOICE(SITE, 'globex'), { token: t['operator'], body: { numbers: 3 } }), 'globex').body;
    expect(added).toMatchObject({ active: true, allocated: [] });
    expect(added.eventIds).toHaveLength(1);
  });

  test('too few available numbers refuses the whole request and writes nothing', async () => {
    const refused = await p.call('PUT', VOICE(EMPTY, 'initech'), { token: t['operator'], body: {} });
    expect(refused.body).toMatchObject({ code: 'RULE_VIOLATED', rule: 'INSUFFICIENT_AVAILABLE_NUMBERS' });
    expect(ok(await p.call('GET', VOICE(EMPTY, 'initech'), { token: t['operator'] }), 'view').body).toMatchObject({ active: false });
  });

  test('removing voice services keeps the numbers allocated; the view says what the occupier has', async () => {
    ok(await p.call('DELETE', VOICE(SITE, 'acme'), { token: t['operator'] }), 'remove');
    await eventually(async () =>
      expect(ok(await p.call('GET', VOICE(SITE, 'acme'), { token: t['operator'] }), 'view').body).toEqual({
        siteId: SITE,
        occupierId: 'acme',
        active: false,
        allocatedNumbers: 2,
      }),
    );
    expect(await statusOf(1)).toMatchObject({ status: 'RESERVED' });
    const elsewhere = await p.token({ sub: 'op-else', role: 'operator', sites: ['elsewhere'] });
    expect((await p.call('PUT', VOICE(SITE, 'acme'), { token: elsewhere, body: {} })).status).toBe(404);
  });
});
