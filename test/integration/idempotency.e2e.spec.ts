import { startTracing } from '@tnp/platform';
import { capturedLogger } from '@tnp/testing';
import { startPlatform, type Call, type Platform } from './support/platform-harness';

/**
 * Idempotency-Key as draft-ietf-httpapi-idempotency-key-header has it, through the gateway to the
 * services on real PostgreSQL and NATS: a key is bound to its caller and to the request it came
 * with, replays that request's answer, refuses another request (422), makes a duplicate wait
 * while the first runs (409), and is free again once its window (IDEMPOTENCY_TTL_MS) has passed.
 */

const TTL_MS = 4000;
const SITE = 'idem-1';
const number = (i: number) => `+4420794700${String(i).padStart(2, '0')}`;
const atSite = (i: number, action: string) => `/v1/sites/${SITE}/numbers/${encodeURIComponent(number(i))}/${action}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const { lines: gatewayLines, logger: gatewayLogger } = capturedLogger();

let platform: Platform;
let stopTracing: () => Promise<void>;
let platformToken: string;
let operatorToken: string;

beforeAll(async () => {
  // As a service starts it (no exporter): spans still get ids, so x-trace-id and the logs carry them.
  stopTracing = startTracing({ serviceName: 'idempotency-e2e' });
  platform = await startPlatform('idempotency', { env: { IDEMPOTENCY_TTL_MS: String(TTL_MS), COMMAND_LEASE_MS: '5000' }, gatewayLogger });
  platformToken = await platform.token({ sub: 'essensys', role: 'platform' });
  operatorToken = await platform.token({ sub: 'op-idem', role: 'operator', sites: [SITE] });
  const provisioned = await platform.call('POST', `/v1/sites/${SITE}/numbers/provision`, {
    token: platformToken,
    body: { rangeName: 'Idempotency', range: { start: number(0), end: number(19) } },
  });
  expect(provisioned.body).toMatchObject({ provisioned: 20 });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await stopTracing?.();
});

const as = (token: string, key: string | undefined, body?: unknown) => ({
  token,
  ...(body !== undefined ? { body } : {}),
  ...(key ? { headers: { 'idempotency-key': key } } : {}),
});
const eventTypes = async (i: number) => (await platform.inventory.service.store.readStream(`number-${number(i)}`)).map((e) => e.type);
const refusal = (call: Call) => ({ status: call.status, code: call.body?.code });

describe('Idempotency-Key through the gateway', () => {
  test('the same request again answers the first answer and appends nothing twice', async () => {
    const first = await platform.call('PUT', atSite(1, 'lock'), as(platformToken, 'lock-1', { reason: 'voicemail' }));
    const again = await platform.call('PUT', atSite(1, 'lock'), as(platformToken, 'lock-1', { reason: 'voicemail' }));
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await eventTypes(1)).toEqual(['NumberProvisioned', 'NumberLocked']);
  });

  test('the same key with another body, another number or on another route answers 422 and changes nothing', async () => {
    await platform.call('PUT', atSite(2, 'lock'), as(platformToken, 'lock-2', { reason: 'voicemail' }));
    const otherBody = await platform.call('PUT', atSite(2, 'lock'), as(platformToken, 'lock-2', { reason: 'fax line' }));
    expect(refusal(otherBody)).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    const otherNumber = await platform.call('PUT', atSite(3, 'lock'), as(platformToken, 'lock-2', { reason: 'voicemail' }));
    expect(refusal(otherNumber)).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    const otherRoute = await platform.call('DELETE', atSite(2, 'lock'), as(platformToken, 'lock-2'));
    expect(refusal(otherRoute)).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    const otherCommand = await platform.call('POST', atSite(3, 'allocate'), as(platformToken, 'lock-2', { owner: { type: 'operator' } }));
    expect(refusal(otherCommand)).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(otherCommand.body.message).toMatch(/use a new Idempotency-Key/);
    expect(await eventTypes(2)).toEqual(['NumberProvisioned', 'NumberLocked']);
    expect(await eventTypes(3)).toEqual(['NumberProvisioned']);
    // The key is the caller's: another caller's same key is another request altogether.
    const operators = await platform.call('POST', atSite(3, 'allocate'), as(operatorToken, 'lock-2', { owner: { type: 'operator' } }));
    expect(operators.status).toBe(200);
    expect(await eventTypes(3)).toEqual(['NumberProvisioned', 'NumberAllocated']);
  });

  test('the same key on a route another service serves answers 422 too, and that service runs nothing', async () => {
    expect((await platform.call('PUT', atSite(9, 'lock'), as(platformToken, 'cross-9', { reason: 'voicemail' }))).status).toBe(200);
    const fax = await platform.call(
      'PUT',
      `/v1/numbers/${encodeURIComponent(number(9))}/fax`,
      as(platformToken, 'cross-9', { settings: { outboundCallerId: true } }),
    );
    expect(refusal(fax)).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(fax.body.message).toMatch(/lockNumber, not configureFax/);
    const rows = (await platform.inventory.db.query(
      `SELECT count(*)::int AS n FROM ${platform.fax.config.EVENT_STORE_SCHEMA}.command_log`,
    )) as { n: number }[];
    expect(rows[0]?.n).toBe(0);
    // The same route again is the first request again.
    expect((await platform.call('PUT', atSite(9, 'lock'), as(platformToken, 'cross-9', { reason: 'voicemail' }))).status).toBe(200);
  });

  test('over NATS the same rules and the same codes: a command id reused with other data answers IDEMPOTENCY_KEY_REUSED', async () => {
    const commandId = `nats-${Date.now()}`;
    const first = await platform.inventory.command('lock-number', { siteId: SITE, number: number(4) }, { commandId });
    expect(first.ok).toBe(true);
    expect(await platform.inventory.command('lock-number', { siteId: SITE, number: number(4) }, { commandId })).toEqual(first);
    expect(await platform.inventory.command('lock-number', { siteId: SITE, number: number(5) }, { commandId })).toMatchObject({
      ok: false,
      error: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
    expect(await platform.inventory.command('unlock-number', { siteId: SITE, number: number(4) }, { commandId })).toMatchObject({
      ok: false,
      error: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
    expect(await eventTypes(5)).toEqual(['NumberProvisioned']);
  });

  test('concurrent duplicates: one runs; the others wait for it (409, retryable) or replay its answer', async () => {
    const calls = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => platform.call('PUT', atSite(6, 'lock'), as(platformToken, 'lock-6', { reason: 'race' }))),
    );
    const ok = calls.filter((c) => c.status === 200);
    const waiting = calls.filter((c) => c.status !== 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const c of ok) expect(c.body).toEqual(ok[0]?.body);
    for (const c of waiting) {
      expect(c.status).toBe(409);
      expect(c.body).toMatchObject({ code: 'CONCURRENCY_CONFLICT', rule: 'COMMAND_IN_PROGRESS', retryable: true });
      expect(c.headers.get('retry-after')).toBe('1');
    }
    expect(await eventTypes(6)).toEqual(['NumberProvisioned', 'NumberLocked']);
    const later = await platform.call('PUT', atSite(6, 'lock'), as(platformToken, 'lock-6', { reason: 'race' }));
    expect(later.body).toEqual(ok[0]?.body);
  });

  test('once the window has passed, the key runs again', async () => {
    const key = 'lock-7-expiring';
    expect((await platform.call('PUT', atSite(7, 'lock'), as(platformToken, key, { reason: 'first' }))).status).toBe(200);
    expect((await platform.call('DELETE', atSite(7, 'lock'), as(platformToken, undefined))).status).toBe(200);
    // Within the window: a replay, the number stays unlocked.
    expect((await platform.call('PUT', atSite(7, 'lock'), as(platformToken, key, { reason: 'first' }))).status).toBe(200);
    expect(await eventTypes(7)).toEqual(['NumberProvisioned', 'NumberLocked', 'NumberUnlocked']);
    await sleep(TTL_MS + 500);
    const again = await platform.call('PUT', atSite(7, 'lock'), as(platformToken, key, { reason: 'first' }));
    expect(again.status).toBe(200);
    expect(await eventTypes(7)).toEqual(['NumberProvisioned', 'NumberLocked', 'NumberUnlocked', 'NumberLocked']);
    // And another request may use it now.
    await sleep(TTL_MS + 500);
    expect((await platform.call('PUT', atSite(8, 'lock'), as(platformToken, key, { reason: 'second' }))).status).toBe(200);
  }, 30_000);

  test('a service that cannot be reached answers 503 retryable, and the gateway logs it with the trace id', async () => {
    await platform.fax.stop();
    gatewayLines.length = 0;
    const response = await platform.call('PUT', `/v1/numbers/${encodeURIComponent(number(9))}/fax`, {
      token: platformToken,
      body: { settings: { inboundDetection: true } },
    });
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
    expect(response.headers.get('retry-after')).toBe('1');
    const traceId = response.headers.get('x-trace-id');
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(gatewayLines).toEqual([
      expect.objectContaining({
        level: 40,
        code: 'UNAVAILABLE',
        route: 'configureFax',
        trace_id: traceId,
        err: expect.objectContaining({ message: expect.any(String) }),
      }),
    ]);
  });
});
