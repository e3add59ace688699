import { eventually } from '@tnp/testing';
import { expectOk as ok, startPlatform, type Platform } from './support/platform-harness';

/**
 * Usage limits through the REST API: call-detail records count against the month of the
 * occupier's time zone (New York here), the period resets at local midnight on the first day of
 * the month, and reaching the limit is an event, once per period.
 */
const SITE = 'usage-1';
const N = '+12125550140';
const USAGE = '/v1/occupiers/acme/extensions/ext-usage/usage';

let p: Platform;
const t: Record<string, string> = {};

const cdr = (callId: string, minutes: number, endedAt: string) =>
  p.call('POST', USAGE, { token: t['platform'], body: { callId, minutes, endedAt } });
const usageAt = async (at: string) => ok(await p.call('GET', `${USAGE}?at=${encodeURIComponent(at)}`, { token: t['acme'] }), 'usage').body;
const usageEvents = async () =>
  (await p.extensions.service.store.readStream('extension-usage-acme/ext-usage')).map(
    (e) => `${e.type} ${String((e.data as { period: string }).period)}`,
  );

beforeAll(async () => {
  p = await startPlatform('e2e_usage');
  t['platform'] = await p.token({ sub: 'essensys', role: 'platform' });
  t['operator'] = await p.token({ sub: 'op-usage', role: 'operator', sites: [SITE] });
  t['acme'] = await p.token({ sub: 'acme-admin', role: 'occupier-admin', occupierId: 'acme' });
  const at = (action: string) => `/v1/sites/${SITE}/numbers/${encodeURIComponent(N)}/${action}`;
  ok(
    await p.call('POST', `/v1/sites/${SITE}/numbers/provision`, { token: t['platform'], body: { rangeName: 'Usage', numbers: [N] } }),
    'provision',
  );
  ok(await p.call('POST', at('allocate'), { token: t['operator'], body: { owner: { type: 'occupier', occupierId: 'acme' } } }), 'allocate');
  ok(await p.call('POST', at('activate'), { token: t['operator'] }), 'activate');
  ok(
    await p.call('POST', '/v1/occupiers/acme/users', { token: t['acme'], body: { userId: 'u-usage', firstName: 'Uma', lastName: 'Sage' } }),
    'user',
  );
  await eventually(
    async () =>
      ok(
        await p.call('POST', '/v1/occupiers/acme/extensions', {
          token: t['acme'],
          body: { extensionId: 'ext-usage', key: '301', label: 'Uma', assignee: { userId: 'u-usage' }, number: N },
        }),
        'extension',
      ),
    { timeoutMs: 20_000 },
  );
  ok(
    await p.call('PATCH', '/v1/extensions/ext-usage/settings', {
      token: t['acme'],
      body: { usageLimit: { type: 'monthly', minutes: 100 } },
    }),
    'limit',
  );
}, 90_000);

afterAll(async () => {
  await p?.stop();
});

describe('usage limits', () => {
  test('usage counts in the occupier’s month and resets at local midnight on the first, across a UTC month boundary', async () => {
    ok(await p.call('PUT', '/v1/occupiers/acme/time-zone', { token: t['acme'], body: { timeZone: 'America/New_York' } }), 'time zone');

    // 23:30 and 23:50 on 31 March in New York: already 1 April in UTC, still March for acme.
    ok(await cdr('cdr-1', 60, '2026-03-31T23:30:00-04:00'), 'first call');
    ok(await cdr('cdr-2', 50, '2026-03-31T23:50:00-04:00'), 'second call');
    const again = ok(await cdr('cdr-2', 50, '2026-03-31T23:50:00-04:00'), 'the same record again');
    expect(again.body.eventIds).toEqual([]);

    expect(await usageAt('2026-04-01T03:59:59Z')).toEqual({
      extensionId: 'ext-usage',
      timeZone: 'America/New_York',
      period: '2026-03',
      startsAt: '2026-03-01T05:00:00.000Z',
      resetsAt: '2026-04-01T04:00:00.000Z',
      usedMinutes: 110,
      limit: { type: 'monthly', minutes: 100 },
      remainingMinutes: 0,
      limitReached: true,
    });
    // At local midnight the period resets.
    expect(await usageAt('2026-04-01T04:00:00Z')).toMatchObject({
      period: '2026-04',
      startsAt: '2026-04-01T04:00:00.000Z',
      resetsAt: '2026-05-01T04:00:00.000Z',
      usedMinutes: 0,
      remainingMinutes: 100,
      limitReached: false,
    });
    ok(await cdr('cdr-3', 10, '2026-04-01T00:10:00-04:00'), 'a call in April');
    expect(await usageAt('2026-04-02T12:00:00Z')).toMatchObject({ period: '2026-04', usedMinutes: 10, limitReached: false });

    // The limit was reached once, in March; the duplicate record counted nothing.
    expect(await usageEvents()).toEqual([
      'ExtensionUsageRecorded 2026-03',
      'ExtensionUsageRecorded 2026-03',
      'ExtensionUsageLimitReached 2026-03',
      'ExtensionUsageRecorded 2026-04',
    ]);
  });

  test('bad input is refused by field or rule, and only the platform feeds usage', async () => {
    expect(
      (await p.call('PUT', '/v1/occupiers/acme/time-zone', { token: t['acme'], body: { timeZone: 'Mars/Olympus_Mons' } })).body,
    ).toMatchObject({
      code: 'RULE_VIOLATED',
      rule: 'UNKNOWN_TIME_ZONE',
    });
    expect((await cdr('cdr-x', -5, '2026-04-02T12:00:00Z')).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'minutes' }],
    });
    expect((await cdr('cdr-y', 5, 'yesterday')).body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'endedAt' }] });
    expect(
      (
        await p.call('POST', '/v1/occupiers/acme/extensions/ext-none/usage', {
          token: t['platform'],
          body: { callId: 'c', minutes: 1, endedAt: '2026-04-02T12:00:00Z' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await p.call('POST', USAGE, { token: t['acme'], body: { callId: 'c', minutes: 1, endedAt: '2026-04-02T12:00:00Z' } })).status,
    ).toBe(403);
    const other = await p.token({ sub: 'globex-admin', role: 'occupier-admin', occupierId: 'globex' });
    expect((await p.call('GET', USAGE, { token: other })).status).toBe(404);
  });
});
