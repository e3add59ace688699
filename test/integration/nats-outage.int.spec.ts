import { createLogger } from '@tnp/platform';
import { eventually, PrivateNats, startServiceHarness, type ServiceHarness } from '@tnp/testing';
import { mintToken } from '../../services/gateway/src/auth/jwt';
import { startGateway, type Gateway } from '../../services/gateway/src/gateway.app';
import { gatewayConfigSchema } from '../../services/gateway/src/gateway.config';
import { numberInventoryService } from '../../services/number-inventory/src/number-inventory.app';

const jwt = { secret: 'outage-secret-outage-secret-outage-0000', issuer: 'telephony-platform', audience: 'telephony-api' };

let nats: PrivateNats;
let inventory: ServiceHarness;
let gateway: Gateway;
let base: string;
let serviceUrl: string;
let token: string;

/** A command through the REST API, with how long the answer took. */
const lock = async (number: string) => {
  const started = performance.now();
  const response = await fetch(`${base}/v1/sites/out-1/numbers/${encodeURIComponent(number)}/lock`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ reason: 'outage test' }),
  });
  return { status: response.status, body: (await response.json()) as { code?: string }, ms: performance.now() - started };
};
const ready = async (url: string) => (await fetch(`${url}/health/ready`)).status;

beforeAll(async () => {
  // A NATS server of this suite's own: stopping it leaves the shared one alone.
  nats = await PrivateNats.start();
  inventory = await startServiceHarness(numberInventoryService, { label: 'outage', env: { NATS_URL: nats.url } });
  gateway = await startGateway(
    gatewayConfigSchema.parse({
      NATS_URL: nats.url,
      NATS_SUBJECT_PREFIX: inventory.config.NATS_SUBJECT_PREFIX,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      JWT_SECRET: jwt.secret,
    }),
    createLogger('gateway', 'silent'),
  );
  base = await gateway.url();
  serviceUrl = (await inventory.service.http.getUrl()).replace('[::1]', '127.0.0.1');
  token = await mintToken({ sub: 'essensys', role: 'platform' }, jwt);
  expect(
    (
      await inventory.command('provision-numbers', {
        siteId: 'out-1',
        rangeName: 'R',
        range: { start: '+442079460000', end: '+442079460009' },
      })
    ).ok,
  ).toBe(true);
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await inventory?.stop();
  await nats?.destroy();
});

describe('a NATS outage', () => {
  test('answers 503 retryable at once while NATS is down, and every part is ready again within 5 s of its return', async () => {
    expect((await lock('+442079460001')).status).toBe(200);

    await nats.stopServer();
    await eventually(async () => expect(await ready(serviceUrl)).toBe(503), { timeoutMs: 15_000 });
    expect(await ready(base)).toBe(503);
    const duringOutage = await lock('+442079460002');
    expect(duringOutage).toMatchObject({ status: 503, body: { code: 'UNAVAILABLE' } });
    expect(duringOutage.ms).toBeLessThan(1000);
    // Longer than the reconnect attempts nats.js makes by default (10 × 2 s), which used to close the connections for good.
    await new Promise((resolve) => setTimeout(resolve, 21_000));
    expect(await ready(serviceUrl)).toBe(503);
    expect((await fetch(`${serviceUrl}/health/live`)).status).toBe(200);

    await nats.startServer();
    const back = performance.now();
    await eventually(
      async () => {
        expect(await ready(serviceUrl)).toBe(200);
        expect(await ready(base)).toBe(200);
      },
      { timeoutMs: 5000, intervalMs: 50 },
    );
    expect(performance.now() - back).toBeLessThan(5000);
    expect((await lock('+442079460003')).status).toBe(200);
  }, 60_000);

  test('a request to a service with no replica running is answered 503 within 1 s, not after the request timeout', async () => {
    await inventory.service.stop();
    const answer = await lock('+442079460004');
    expect(answer).toMatchObject({ status: 503, body: { code: 'UNAVAILABLE' } });
    expect(answer.ms).toBeLessThan(1000);
  });
});
