import { randomUUID } from 'node:crypto';
import { eventually } from '@tnp/testing';
import { mintToken } from '../../services/gateway/src/auth/jwt';
import type { Gateway } from '../../services/gateway/src/gateway.app';
import { E2E_JWT, startTestGateway } from './support/test-gateway';
import { startHarness, type Harness } from '../../services/number-inventory/test/number-inventory-harness';

const jwt = E2E_JWT;
let inventory: Harness;
let gateway: Gateway | undefined;

beforeAll(async () => {
  inventory = await startHarness('gw_shutdown');
  const provisioned = await inventory.command<{ provisioned: number }>('provision-numbers', {
    siteId: 'big',
    rangeName: 'R',
    range: { start: '+442000000000', end: '+442000009999' },
  });
  expect(provisioned).toMatchObject({ ok: true, value: { provisioned: 10_000 } });
  await eventually(
    async () =>
      expect((await inventory.db.query(`SELECT count(*)::int AS n FROM number_inventory.site_numbers`))[0]).toEqual({ n: 10_000 }),
    { timeoutMs: 30_000 },
  );
});
afterAll(async () => {
  await gateway?.stop();
  await inventory?.stop();
});

test('a stop ends after the shutdown grace even while a client holds a download open without reading it', async () => {
  gateway = await startTestGateway(inventory, { SHUTDOWN_GRACE_MS: '300' });
  const url = new URL(`${await gateway.url()}/v1/sites/big/numbers.csv`);
  const token = await mintToken({ sub: randomUUID(), role: 'platform' }, jwt);
  // The client reads the first chunk, then stops reading: the response cannot finish.
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  expect((await reader.read()).done).toBe(false);
  const started = Date.now();
  await Promise.race([
    gateway.stop(),
    new Promise((_, reject) => setTimeout(() => reject(new Error('the gateway did not stop within 10 s')), 10_000).unref()),
  ]);
  gateway = undefined;
  // It gave the download its grace before closing the connection (a stop with nothing in flight
  // takes a few milliseconds; without the grace's cut it never ended).
  expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  await reader.cancel();
});
