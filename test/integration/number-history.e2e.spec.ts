import { eventually } from '@tnp/testing';
import { expectOk as ok, startPlatform, type Platform } from './support/platform-harness';

/**
 * The history of a number across every context, and its state at any past instant, through the
 * REST API: a number held by acme (inventory, assignment, fax, extension-device and call-flow
 * all record something), then given back and allocated to globex.
 */
const SITE = 'hist-1';
const N = '+442075550101';
const enc = encodeURIComponent;
const HISTORY = `/v1/numbers/${enc(N)}/history`;

type Entry = {
  context: string;
  type: string;
  recordedAt: string;
  principal: { id: string; role: string } | null;
  command: string | null;
  commandId: string;
  correlationId: string;
  data: Record<string, unknown>;
  why: { reason: string | null; causedBy: { context: string; type: string; eventId: string } | null };
};

let p: Platform;
const t: Record<string, string> = {};
let heldByAcme = '';

const atSite = (action: string) => `/v1/sites/${SITE}/numbers/${enc(N)}/${action}`;

const wholeHistory = async (token: string, limit = 1000): Promise<Entry[]> => {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  do {
    const reply = ok(await p.call('GET', `${HISTORY}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token }), 'history page');
    expect(reply.body.unavailable).toEqual([]);
    entries.push(...(reply.body.entries as Entry[]));
    cursor = reply.body.nextCursor as string | null;
  } while (cursor);
  return entries;
};

beforeAll(async () => {
  p = await startPlatform('e2e_history');
  t['platform'] = await p.token({ sub: 'essensys', role: 'platform' });
  t['operator'] = await p.token({ sub: 'op-hist', role: 'operator', sites: [SITE] });
  t['elsewhere'] = await p.token({ sub: 'op-else', role: 'operator', sites: ['elsewhere'] });
  t['acme'] = await p.token({ sub: 'acme-admin', role: 'occupier-admin', occupierId: 'acme' });
  t['globex'] = await p.token({ sub: 'globex-admin', role: 'occupier-admin', occupierId: 'globex' });

  ok(await p.call('PUT', `/v1/sites/${SITE}/settings`, { token: t['platform'], body: { coolingOffDays: 0 } }), 'settings');
  ok(
    await p.call('POST', `/v1/sites/${SITE}/numbers/provision`, { token: t['platform'], body: { rangeName: 'History', numbers: [N] } }),
    'provision',
  );
  ok(
    await p.call('POST', atSite('allocate'), { token: t['operator'], body: { owner: { type: 'occupier', occupierId: 'acme' } } }),
    'allocate',
  );
  ok(await p.call('POST', atSite('activate'), { token: t['operator'] }), 'activate');
  // Each context learns of the activation from inventory's events: retry until it has.
  await eventually(async () =>
    ok(await p.call('PUT', `/v1/numbers/${enc(N)}/display-name`, { token: t['acme'], body: { first: 'Acme desk' } }), 'display name'),
  );
  await eventually(async () =>
    ok(await p.call('PUT', `/v1/numbers/${enc(N)}/fax`, { token: t['acme'], body: { settings: { outboundCallerId: true } } }), 'fax'),
  );
  await eventually(async () =>
    ok(await p.call('PUT', `/v1/numbers/${enc(N)}/handset`, { token: t['acme'], body: { phoneId: 'PH-HIST-1', evict: true } }), 'handset'),
  );
  await eventually(async () =>
    ok(
      await p.call('PUT', `/v1/numbers/${enc(N)}/service-number`, { token: t['operator'], body: { name: 'Acme sales' } }),
      'service number',
    ),
  );
  heldByAcme = new Date().toISOString();
  while (Date.now() <= Date.parse(heldByAcme)) await new Promise((resolve) => setImmediate(resolve)); // later changes are recorded after it

  ok(await p.call('POST', atSite('deactivate'), { token: t['operator'] }), 'deactivate');
  ok(await p.call('POST', atSite('deallocate'), { token: t['operator'] }), 'deallocate');
  ok(
    await p.call('POST', atSite('allocate'), { token: t['operator'], body: { owner: { type: 'occupier', occupierId: 'globex' } } }),
    'reallocate',
  );
  ok(await p.call('POST', atSite('activate'), { token: t['operator'] }), 'activate again');
  await eventually(async () =>
    ok(
      await p.call('PUT', `/v1/numbers/${enc(N)}/display-name`, { token: t['globex'], body: { first: 'Globex desk' } }),
      'globex display name',
    ),
  );
  // Wait for every context's reaction to the hand-over to be recorded.
  await eventually(async () => {
    const entries = await wholeHistory(t['operator']!);
    expect(entries.filter((e) => e.context === 'extension-device' && e.type === 'DeviceNumberLoggedOut')).toHaveLength(1);
    expect(entries.filter((e) => e.context === 'call-flow' && e.type === 'ServiceNumberReleased')).toHaveLength(1);
  });
}, 90_000);

afterAll(async () => {
  await p?.stop();
});

describe("a number's history across contexts", () => {
  test('one timeline, oldest first, across all five contexts: what, when, by whom, through which command, and why', async () => {
    const entries = await wholeHistory(t['operator']!);
    expect(new Set(entries.map((e) => e.context))).toEqual(
      new Set(['number-inventory', 'assignment', 'fax', 'extension-device', 'call-flow']),
    );
    const times = entries.map((e) => Date.parse(e.recordedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const inventory = entries.filter((e) => e.context === 'number-inventory').map((e) => e.type);
    expect(inventory).toEqual([
      'NumberProvisioned',
      'NumberAllocated',
      'NumberActivated',
      'NumberDeactivated',
      'NumberDeallocated',
      'NumberAllocated',
      'NumberActivated',
    ]);

    const allocation = entries.find((e) => e.type === 'NumberAllocated')!;
    expect(allocation).toMatchObject({ principal: { id: 'op-hist', role: 'operator' }, command: 'AllocateNumber' });
    expect(allocation.commandId).toEqual(expect.any(String));
    const faxChange = entries.find((e) => e.context === 'fax' && e.principal?.id === 'acme-admin')!;
    expect(faxChange).toMatchObject({ principal: { role: 'occupier-admin' }, command: 'ConfigureFax' });

    // A context's own reaction says which change in another context it followed from.
    const logout = entries.find((e) => e.type === 'DeviceNumberLoggedOut')!;
    expect(logout.principal?.role).toBe('system');
    expect(logout.why.causedBy).toMatchObject({ context: 'number-inventory', type: expect.stringMatching(/^NumberDea/) });
    const deactivation = entries.find((e) => e.type === 'NumberDeactivated' || e.type === 'NumberDeallocated')!;
    expect(entries.filter((e) => e.why.causedBy?.eventId && e.correlationId === deactivation.correlationId).length).toBeGreaterThan(0);
  });

  test('pages of any size add up to the whole timeline, each entry once', async () => {
    const whole = await wholeHistory(t['platform']!);
    const paged = await wholeHistory(t['platform']!, 3);
    expect(paged.map((e) => `${e.context}/${e.type}/${e.recordedAt}`)).toEqual(whole.map((e) => `${e.context}/${e.type}/${e.recordedAt}`));
    expect((await p.call('GET', `${HISTORY}?cursor=not-a-cursor`, { token: t['platform'] })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'cursor' }],
    });
  });

  test('an occupier sees only the period it held the number; an operator only numbers at its sites', async () => {
    const all = await wholeHistory(t['operator']!);
    const acme = await wholeHistory(t['acme']!);
    const globex = await wholeHistory(t['globex']!);
    expect(acme.length).toBeGreaterThan(0);
    expect(globex.length).toBeGreaterThan(0);
    expect(acme.length + globex.length).toBeLessThan(all.length); // provisioning is neither's
    const key = (e: Entry) => `${e.context}/${e.type}/${e.recordedAt}/${e.commandId}`;
    expect(acme.map(key).filter((k) => globex.map(key).includes(k))).toEqual([]);

    expect(acme.filter((e) => e.context === 'number-inventory').map((e) => e.type)).toEqual([
      'NumberAllocated',
      'NumberActivated',
      'NumberDeactivated',
      'NumberDeallocated',
    ]);
    expect(acme.some((e) => e.principal?.id === 'globex-admin')).toBe(false);
    // The consequences of giving the number back are acme's, even recorded a moment after.
    expect(acme.some((e) => e.type === 'DeviceNumberLoggedOut')).toBe(true);

    expect(globex.filter((e) => e.context === 'number-inventory').map((e) => e.type)).toEqual(['NumberAllocated', 'NumberActivated']);
    expect(globex.some((e) => e.principal?.id === 'acme-admin')).toBe(false);
    expect(JSON.stringify(globex)).not.toMatch(/Acme desk|Acme sales|PH-HIST-1|"occupierId":"acme"/);

    expect((await p.call('GET', HISTORY, { token: t['elsewhere'] })).status).toBe(404);
    const never = await p.token({ sub: 'initech-admin', role: 'occupier-admin', occupierId: 'initech' });
    expect((await p.call('GET', HISTORY, { token: never })).status).toBe(404);
  });

  test('the CSV export has the same entries as the paged history, in the caller’s scope', async () => {
    const acme = await wholeHistory(t['acme']!);
    const csv = await p.call('GET', `${HISTORY}.csv`, { token: t['acme'] });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Recorded at,Context,Change,By,Role,Command,Command id,Correlation id,Reason,Caused by,Details');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(
      acme.map((e) => `${e.recordedAt},${e.context},${e.type}`),
    );
  });
});

describe("a number's state at any instant", () => {
  type States = Record<string, { streamId: string; revision: number; state: Record<string, unknown> }[]>;
  const stateAt = async (token: string, at: string) => p.call('GET', `/v1/numbers/${enc(N)}/state?at=${enc(at)}`, { token });

  test('while acme held it, every context as it stood then; now, as it stands now', async () => {
    const then = ok(await stateAt(t['operator']!, heldByAcme), 'state then').body as { contexts: States; siteId: string };
    expect(then.siteId).toBe(SITE);
    expect(JSON.stringify(then.contexts['number-inventory'])).toContain('"occupierId":"acme"');
    expect(JSON.stringify(then.contexts['assignment'])).toContain('Acme desk');
    expect(JSON.stringify(then.contexts['fax'])).toContain('"outboundCallerId":true');
    expect(JSON.stringify(then.contexts['extension-device'])).toContain('PH-HIST-1');
    expect(JSON.stringify(then.contexts['call-flow'])).toContain('Acme sales');

    const now = ok(await stateAt(t['operator']!, new Date().toISOString()), 'state now').body as { contexts: States };
    expect(JSON.stringify(now.contexts['number-inventory'])).toContain('"occupierId":"globex"');
    expect(JSON.stringify(now.contexts['assignment'])).toContain('Globex desk');
    expect(JSON.stringify(now.contexts['extension-device'])).not.toContain('PH-HIST-1');

    const before = ok(await stateAt(t['operator']!, '2000-01-01T00:00:00Z'), 'state before').body as { contexts: States };
    expect(Object.values(before.contexts).flat()).toEqual([]);
  });

  test('an occupier reads the state only at instants it held the number', async () => {
    expect((await stateAt(t['acme']!, heldByAcme)).status).toBe(200);
    expect((await stateAt(t['acme']!, new Date().toISOString())).status).toBe(404);
    expect((await stateAt(t['globex']!, heldByAcme)).status).toBe(404);
    expect((await stateAt(t['globex']!, new Date().toISOString())).status).toBe(200);
    expect((await stateAt(t['operator']!, 'yesterday')).body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'at' }] });
  });
});
