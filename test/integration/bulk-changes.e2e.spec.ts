import { randomUUID } from 'node:crypto';
import { eventually } from '@tnp/testing';
import { startPlatform, type Platform } from './support/platform-harness';

/**
 * Bulk changes through the REST API: one request changes many numbers of a site, each decided by
 * the single-number rules with its own outcome; a dry run answers the same and writes nothing;
 * the request is idempotent by its key.
 */
const SITE = 'bulk-1';
const n = (i: number) => `+44207555${String(1000 + i)}`;
const BULK = `/v1/sites/${SITE}/numbers/bulk`;

let p: Platform;
const t: Record<string, string> = {};

beforeAll(async () => {
  p = await startPlatform('e2e_bulk');
  t['platform'] = await p.token({ sub: 'essensys', role: 'platform' });
  t['operator'] = await p.token({ sub: 'op', role: 'operator', sites: [SITE] });
  t['other'] = await p.token({ sub: 'op2', role: 'operator', sites: ['elsewhere'] });
  const provisioned = await p.call('POST', `/v1/sites/${SITE}/numbers/provision`, {
    token: t['platform'],
    body: { rangeName: 'Bulk', range: { start: n(0), end: n(19) } },
  });
  expect(provisioned.status).toBe(200);
  const single = await p.call('POST', `/v1/sites/${SITE}/numbers/${encodeURIComponent(n(0))}/allocate`, {
    token: t['operator'],
    body: { owner: { type: 'occupier', occupierId: 'globex' } },
  });
  expect(single.status).toBe(200);
}, 60_000);

afterAll(async () => {
  await p?.stop();
});

/** The events stored, once the log shows every commit (an open transaction anywhere holds readers back). */
const storedEvents = () =>
  eventually(async () => {
    const store = p.inventory.service.store;
    const all = await store.readAll({ maxCount: 100_000 });
    expect(all.at(-1)?.logPosition).toEqual(await store.committedHead?.());
    return all.length;
  });
const statusOf = async (i: number) =>
  (await p.call('GET', `/v1/numbers/${encodeURIComponent(n(i))}`, { token: t['platform'] })).body as {
    status: string;
    allocatedTo: unknown;
  };

describe('bulk changes with dry run', () => {
  test('a dry run answers each number as the change would, and writes nothing; the change then does exactly that, once per key', async () => {
    const body = { action: 'allocate', range: { start: n(0), end: n(9) }, owner: { type: 'occupier', occupierId: 'acme' } };
    const before = await storedEvents();
    const dry = await p.call('POST', BULK, { token: t['operator'], body: { ...body, dryRun: true } });
    expect(dry.status).toBe(207);
    expect(dry.body).toMatchObject({
      status: 'PARTIAL',
      dryRun: true,
      action: 'allocate',
      counts: { done: 9, unchanged: 0, refused: 1 },
      events: 0,
    });
    expect(dry.body.results[0]).toEqual({ number: n(0), outcome: 'refused', code: 'INVALID_TRANSITION', rule: 'NOT_AVAILABLE' });
    expect(dry.body.results.slice(1).map((r: { outcome: string }) => r.outcome)).toEqual(Array(9).fill('done'));
    expect(await storedEvents()).toBe(before);
    expect((await statusOf(1)).status).toBe('AVAILABLE');

    const key = randomUUID();
    const real = await p.call('POST', BULK, { token: t['operator'], body, headers: { 'idempotency-key': key } });
    expect(real.status).toBe(207);
    expect({ ...real.body, events: 0 }).toEqual({ ...dry.body, dryRun: false });
    expect(real.body.events).toBe(9);
    expect(await storedEvents()).toBe(before + 9);
    await eventually(async () => expect(await statusOf(9)).toMatchObject({ status: 'RESERVED', allocatedTo: { occupierId: 'acme' } }));

    // The same request again under its key: the first answer, nothing appended again.
    const afterReal = await storedEvents();
    const replayed = await p.call('POST', BULK, { token: t['operator'], body, headers: { 'idempotency-key': key } });
    expect(replayed.body).toEqual(real.body);
    expect(await storedEvents()).toBe(afterReal);

    // A new request for the same change: nothing left to do but the refusal.
    const again = await p.call('POST', BULK, { token: t['operator'], body });
    expect(again.body).toMatchObject({ status: 'PARTIAL', counts: { done: 0, unchanged: 9, refused: 1 }, events: 0 });
  });

  test('COMPLETE when none is refused, FAILED when all are; lock and unlock are the platform’s', async () => {
    const activated = await p.call('POST', BULK, { token: t['operator'], body: { action: 'activate', numbers: [n(1), n(2), n(2), n(3)] } });
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ status: 'COMPLETE', counts: { done: 3, unchanged: 0, refused: 0 } });
    expect(activated.body.results.map((r: { number: string }) => r.number)).toEqual([n(1), n(2), n(3)]);

    const failed = await p.call('POST', BULK, {
      token: t['operator'],
      body: { action: 'deactivate', range: { start: n(15), end: n(17) } },
    });
    expect(failed.status).toBe(409);
    expect(failed.body).toMatchObject({ status: 'FAILED', counts: { done: 0, unchanged: 0, refused: 3 } });
    expect(failed.body.results[0]).toMatchObject({ outcome: 'refused', rule: 'NOT_ACTIVE' });

    const lock = { action: 'lock', numbers: [n(18), n(19)], reason: 'held for porting' };
    expect((await p.call('POST', BULK, { token: t['operator'], body: lock })).status).toBe(403);
    const locked = await p.call('POST', BULK, { token: t['platform'], body: lock });
    expect(locked.body).toMatchObject({ status: 'COMPLETE', counts: { done: 2 } });
    const allocateLocked = await p.call('POST', BULK, {
      token: t['operator'],
      body: { action: 'allocate', numbers: [n(18)], owner: { type: 'operator' }, dryRun: true },
    });
    expect(allocateLocked.body.results).toEqual([{ number: n(18), outcome: 'refused', code: 'RULE_VIOLATED', rule: 'NUMBER_LOCKED' }]);
  });

  test('bad input names the field; another operator’s site is not revealed; numbers of another site are refused as not found', async () => {
    const noOwner = await p.call('POST', BULK, { token: t['operator'], body: { action: 'allocate', numbers: [n(4)] } });
    expect(noOwner.status).toBe(400);
    expect(JSON.stringify(noOwner.body)).toContain('owner');
    const both = await p.call('POST', BULK, {
      token: t['operator'],
      body: { action: 'activate', numbers: [n(4)], range: { start: n(4), end: n(5) } },
    });
    expect(both.status).toBe(400);
    const tooMany = Array.from({ length: 10_001 }, (_, i) => `+4420800${String(i).padStart(5, '0')}`);
    expect((await p.call('POST', BULK, { token: t['operator'], body: { action: 'activate', numbers: tooMany } })).status).toBe(400);
    expect((await p.call('POST', BULK, { token: t['other'], body: { action: 'activate', numbers: [n(4)] } })).status).toBe(404);
    const foreign = await p.call('POST', BULK, { token: t['operator'], body: { action: 'activate', numbers: ['+442079999999'] } });
    expect(foreign.body.results).toEqual([{ number: '+442079999999', outcome: 'refused', code: 'NOT_FOUND' }]);
  });

  test('a CSV import provisions and updates numbers with a result per row; a dry run writes nothing; a refused row changes nothing', async () => {
    const m = (i: number) => `+44207666${String(1000 + i)}`;
    const IMPORT = `/v1/sites/${SITE}/numbers/import`;
    const csv = [
      'number,range_name,owner,status,main',
      `${m(0)},Imported,occupier:initech,active,yes`,
      `${m(1)},Imported,occupier:initech,active,no`,
      `${m(2)},Imported,,,`,
      `${m(3)},,occupier:initech,,`,
      `not-a-number,Imported,,,`,
      `${m(4)},Imported,occupier:initech,active,yes`,
      `${n(0)},,occupier:globex,,`,
    ].join('\n');
    const send = (token: string | undefined, query = '') =>
      p.call('POST', `${IMPORT}${query}`, { token, raw: csv, contentType: 'text/csv' });
    const expected = [
      { row: 1, number: m(0), outcome: 'done', changes: ['provisioned', 'allocated', 'made-main', 'activated'] },
      { row: 2, number: m(1), outcome: 'done', changes: ['provisioned', 'allocated', 'activated'] },
      { row: 3, number: m(2), outcome: 'done', changes: ['provisioned'] },
      { row: 4, number: m(3), outcome: 'refused', changes: [], code: 'VALIDATION_FAILED', field: 'range_name' },
      { row: 5, number: 'not-a-number', outcome: 'refused', changes: [], code: 'VALIDATION_FAILED', field: 'number' },
      // initech's main number is taken by row 1: this row is refused whole, so m(4) is not even provisioned.
      { row: 6, number: m(4), outcome: 'refused', changes: [], code: 'RULE_VIOLATED', rule: 'OWNER_HAS_MAIN_NUMBER' },
      { row: 7, number: n(0), outcome: 'unchanged', changes: [] },
    ];
    const before = await storedEvents();
    const dry = await send(t['platform'], '?dryRun=true');
    expect({ status: dry.status, body: dry.body }).toMatchObject({
      status: 207,
      body: { status: 'PARTIAL', dryRun: true, counts: { done: 3, unchanged: 1, refused: 3 }, events: 0 },
    });
    expect(dry.body.results).toEqual(expected.map((r) => expect.objectContaining(r)));
    expect(await storedEvents()).toBe(before);
    // Provisioning is the platform's: an operator's import refuses the rows that would provision.
    const byOperator = await send(t['operator'], '?dryRun=true');
    expect(byOperator.body.results[0]).toMatchObject({ outcome: 'refused', code: 'FORBIDDEN' });

    const real = await send(t['platform']);
    expect(real.body).toMatchObject({ status: 'PARTIAL', dryRun: false, counts: { done: 3, unchanged: 1, refused: 3 } });
    expect(real.body.results).toEqual(dry.body.results);
    await eventually(async () => {
      const view = (await p.call('GET', `/v1/numbers/${encodeURIComponent(m(0))}`, { token: t['platform'] })).body;
      expect(view).toMatchObject({ status: 'ACTIVE', isMain: true });
    });
    expect((await p.call('GET', `/v1/numbers/${encodeURIComponent(m(4))}`, { token: t['platform'] })).status).toBe(404);
    // The same file again: every row already is as it says.
    const again = await send(t['platform']);
    expect(again.body.counts).toEqual({ done: 0, unchanged: 4, refused: 3 });

    // A row with more cells than the header is refused alone; one that leaves its last cells out is read as empty.
    const ragged = await p.call('POST', `${IMPORT}?dryRun=true`, {
      token: t['platform'],
      raw: `number,range_name,status\n${m(8)},Imported,active,extra\n${m(9)},Imported`,
      contentType: 'text/csv',
    });
    expect(ragged.body.results).toEqual([
      expect.objectContaining({ row: 1, outcome: 'refused', code: 'VALIDATION_FAILED', field: '(row)' }),
      expect.objectContaining({ row: 2, outcome: 'done', changes: ['provisioned'] }),
    ]);
    const badHeader = await p.call('POST', IMPORT, {
      token: t['platform'],
      raw: 'number,colour\n+442076661000,red',
      contentType: 'text/csv',
    });
    expect(badHeader.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'csv' }] });
    expect((await p.call('POST', IMPORT, { token: t['other'], raw: csv, contentType: 'text/csv' })).status).toBe(404);
  });
});
