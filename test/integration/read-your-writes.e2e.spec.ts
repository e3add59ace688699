import { parseConsistencyToken } from '@tnp/kernel';
import { startPlatform, type Call, type Platform } from './support/platform-harness';

/**
 * Read-your-writes across contexts (ADR 0025): a command's answer carries a consistency token;
 * a request that sends it back is answered once the context it reaches has processed that far,
 * or 503 (retryable) with the lag once the wait's bound has passed.
 */
const SITE = 'ryw-1';
const n = (i: number) => `+1213555${String(1000 + i)}`;
const at = (i: number, action: string) => `/v1/sites/${SITE}/numbers/${encodeURIComponent(n(i))}/${action}`;
const routing = (i: number) => `/v1/numbers/${encodeURIComponent(n(i))}/routing`;
const ROUTE = { destination: { type: 'call-forwarding', forwardTo: '5557778888' } };
const WAIT_MS = 3000;

let p: Platform;
const t: Record<string, string> = {};

const tokenOf = (reply: Call): string => {
  const token = reply.headers.get('consistency-token');
  if (!token) throw new Error(`no consistency token in the answer (${reply.status} ${reply.text})`);
  return token;
};
const withToken = (token: string) => ({ 'consistency-token': token });

beforeAll(async () => {
  p = await startPlatform('e2e_ryw', { env: { CONSISTENCY_WAIT_MS: String(WAIT_MS) } });
  t['platform'] = await p.token({ sub: 'essensys', role: 'platform' });
  t['operator'] = await p.token({ sub: 'op', role: 'operator', sites: [SITE] });
  t['acme'] = await p.token({ sub: 'acme-admin', role: 'occupier-admin', occupierId: 'acme' });
  const provisioned = await p.call('POST', `/v1/sites/${SITE}/numbers/provision`, {
    token: t['platform'],
    body: { rangeName: 'RYW', range: { start: n(0), end: n(99) }, extFromLastDigits: 4 },
  });
  expect(provisioned.status).toBe(200);
}, 60_000);

afterAll(async () => {
  await p?.stop();
});

const allocateAndActivate = async (i: number, token?: string): Promise<string> => {
  const allocated = await p.call('POST', at(i, 'allocate'), {
    token: t['operator'],
    body: { owner: { type: 'occupier', occupierId: 'acme' } },
    ...(token ? { headers: withToken(token) } : {}),
  });
  expect({ i, status: allocated.status, body: allocated.body }).toMatchObject({ i, status: 200 });
  const activated = await p.call('POST', at(i, 'activate'), { token: t['operator'], headers: withToken(tokenOf(allocated)) });
  expect({ i, status: activated.status, body: activated.body }).toMatchObject({ i, status: 200 });
  return tokenOf(activated);
};

describe('read-your-writes with the consistency token', () => {
  test('a command answers with where it left its log, merged with the token sent; a malformed token is refused naming the header', async () => {
    const first = await allocateAndActivate(0);
    const mark = parseConsistencyToken(first).get('number-inventory');
    expect(mark).toEqual({ transactionId: expect.any(Number), position: expect.any(Number) });

    // A later command moves the token on; a token naming another service keeps that entry.
    const merged = `${first},fax@1.1`;
    const next = await p.call('POST', at(1, 'allocate'), {
      token: t['operator'],
      body: { owner: { type: 'occupier', occupierId: 'acme' } },
      headers: withToken(merged),
    });
    expect(next.status).toBe(200);
    const moved = parseConsistencyToken(tokenOf(next));
    expect(moved.get('fax')).toEqual({ transactionId: 1, position: 1 });
    expect(moved.get('number-inventory')!.transactionId).toBeGreaterThan(mark!.transactionId);

    // A no-op and a refusal write nothing: the token sent comes back unchanged.
    const again = await p.call('POST', at(0, 'activate'), { token: t['operator'], headers: withToken(first) });
    expect(again.status).toBe(200);
    expect(tokenOf(again)).toBe(first);
    const refused = await p.call('POST', at(50, 'activate'), { token: t['operator'], headers: withToken(first) });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'INVALID_TRANSITION' });
    expect(tokenOf(refused)).toBe(first);

    for (const bad of ['number-inventory', 'number-inventory@x.1', 'Number@1.2', `number-inventory@1.2;drop`]) {
      const reply = await p.call('GET', `/v1/sites/${SITE}/numbers?pageSize=1`, { token: t['operator'], headers: withToken(bad) });
      expect({ bad, status: reply.status, body: reply.body }).toMatchObject({
        bad,
        status: 400,
        body: { code: 'VALIDATION_FAILED', fields: [{ path: 'Consistency-Token' }] },
      });
    }
  });

  test('with assignment behind: routing without the token is 404; with it, 503 retryable naming the lag, then 200 once assignment catches up', async () => {
    const reactions = p.assignment.service.reactions;
    expect(reactions.length).toBeGreaterThan(0);
    await Promise.all(reactions.map((r) => r.stop()));
    let token: string;
    try {
      token = await allocateAndActivate(10);

      const blind = await p.call('PUT', routing(10), { token: t['acme'], body: ROUTE });
      expect({ status: blind.status, code: blind.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });

      const started = Date.now();
      const held = await p.call('PUT', routing(10), { token: t['acme'], body: ROUTE, headers: withToken(token) });
      expect(Date.now() - started).toBeGreaterThanOrEqual(WAIT_MS - 50);
      expect(held.status).toBe(503);
      expect(held.headers.get('retry-after')).toBe('1');
      expect(held.body).toMatchObject({
        code: 'UNAVAILABLE',
        rule: 'CONSISTENCY_NOT_REACHED',
        retryable: true,
        lag: [{ follower: 'reaction:assignment-number-lifecycle', events: expect.any(Number) }],
      });
      expect(held.body.lag[0].events).toBeGreaterThan(0);
    } finally {
      for (const r of reactions) r.start();
    }
    const caughtUp = await p.call('PUT', routing(10), { token: t['acme'], body: ROUTE, headers: withToken(token) });
    expect({ status: caughtUp.status, body: caughtUp.body }).toMatchObject({ status: 200 });
  }, 30_000);

  test('activating numbers and setting their routing with the token never sees a 404, behind a backlog of other events', async () => {
    const backlog = await p.call('POST', `/v1/sites/${SITE}/numbers/provision`, {
      token: t['platform'],
      body: { rangeName: 'RYW-BULK', range: { start: '+12135560000', end: '+12135562999' }, extFromLastDigits: 4 },
    });
    expect(backlog.status).toBe(200);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, async (_, k) => {
        const i = 20 + k;
        const token = await allocateAndActivate(i, tokenOf(backlog));
        const routed = await p.call('PUT', routing(i), { token: t['acme'], body: ROUTE, headers: withToken(token) });
        const listed = await p.call('GET', `/v1/sites/${SITE}/numbers?search=${encodeURIComponent(n(i).slice(1))}`, {
          token: t['operator'],
          headers: withToken(token),
        });
        return { i, routed: routed.status, status: listed.body.items?.[0]?.status as string | undefined };
      }),
    );
    expect(outcomes).toEqual(outcomes.map(({ i }) => ({ i, routed: 200, status: 'ACTIVE' })));
  }, 60_000);
});
