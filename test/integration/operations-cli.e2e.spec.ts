import { Client } from 'pg';
import type { OperationsStatus } from '@tnp/service-runtime';
import { eventually } from '@tnp/testing';
import { freePort, type ChildService } from './support/child-service';
import { startSchedulerProcess } from './support/scheduler-process';
import { runOps } from './support/ops-cli';
import { startPlatform, type Platform } from './support/platform-harness';

/**
 * The operations CLI (`npm run ops`, built to dist/tools/ops.js) as an SRE runs it, in its own
 * process against running services: where every relay, projection and reaction stands, the
 * scheduler's due and late timers, and the bearer token the operations endpoints demand.
 */
const TOKEN = 'ops-token-for-the-e2e-suite-0123456789';
const SITE = 'ops-1';

let p: Platform;
let scheduler: ChildService | undefined;
let schedulerUrl = '';
const urls: Record<string, string> = {};

const urlOf = async (harness: { service: { http: { getUrl: () => Promise<string> } } }): Promise<string> =>
  (await harness.service.http.getUrl()).replace('[::1]', '127.0.0.1');

beforeAll(async () => {
  p = await startPlatform('e2e_ops', { env: { OPERATIONS_TOKEN: TOKEN } });
  urls['TNP_NUMBER_INVENTORY_URL'] = await urlOf(p.inventory);
  urls['TNP_ASSIGNMENT_URL'] = await urlOf(p.assignment);
  urls['TNP_FAX_URL'] = await urlOf(p.fax);
  urls['TNP_EXTENSION_DEVICE_URL'] = await urlOf(p.extensions);
  urls['TNP_CALL_FLOW_URL'] = await urlOf(p.callFlow);
  const port = await freePort();
  scheduler = await startSchedulerProcess(p.inventory, { port, env: { OPERATIONS_TOKEN: TOKEN } });
  schedulerUrl = `http://127.0.0.1:${port}`;
  urls['TNP_SCHEDULER_URL'] = schedulerUrl;
}, 90_000);

afterAll(async () => {
  await scheduler?.kill();
  await p?.stop();
});

const ops = (args: string[], token: string | null = TOKEN) => runOps(args, { ...urls, ...(token ? { TNP_OPERATIONS_TOKEN: token } : {}) });

test('status: relay, projection and each reaction at the head after a provisioning, for every service', async () => {
  const token = await p.token({ sub: 'essensys', role: 'platform' });
  const numbers = Array.from({ length: 25 }, (_, i) => `+44207946${String(3000 + i)}`);
  const provisioned = await p.call('POST', `/v1/sites/${SITE}/numbers/provision`, { token, body: { rangeName: 'Ops', numbers } });
  expect(provisioned.status).toBe(200);

  const inventory = await eventually(
    async () => {
      const { code, out } = await ops(['status', '--service', 'number-inventory', '--json']);
      expect(code).toBe(0);
      const status = JSON.parse(out) as OperationsStatus;
      expect(status.head.position).toBeGreaterThanOrEqual(numbers.length);
      expect(status.followers.map((f) => [f.kind, f.name, f.state, f.position === status.head.position])).toEqual([
        ['relay', 'relay', 'caught-up', true],
        ['projection', 'site-telephony', 'caught-up', true],
      ]);
      return status;
    },
    { timeoutMs: 20_000 },
  );
  expect(inventory.followers.every((f) => f.lagEvents === 0)).toBe(true);

  const assignment = await eventually(
    async () => {
      const status = JSON.parse((await ops(['status', '--service', 'assignment', '--json'])).out) as OperationsStatus;
      const lifecycle = status.reactions.find((r) => r.durable === 'assignment-number-lifecycle');
      expect(lifecycle).toMatchObject({ state: 'caught-up', pending: 0, deadLetters: 0 });
      return status;
    },
    { timeoutMs: 20_000 },
  );
  expect(assignment.reactions.every((r) => r.state !== 'unreachable')).toBe(true);

  const everything = await ops(['status']);
  expect(everything.code).toBe(0);
  for (const service of ['number-inventory', 'assignment', 'fax', 'extension-device', 'call-flow', 'scheduler'])
    expect(everything.out).toContain(`${service}: log head`);
  expect(everything.out).toMatch(/reaction scheduler-timers \(from \S+CALL_FLOW_EVENTS\): \d+ pending/);
  expect(everything.out).toMatch(/timers: \d+ pending, \d+ due, \d+ late, \d+ firing/);
}, 90_000);

test('timers: a switch held back past its instant shows as due and late, with its id', async () => {
  const db = new Client({ connectionString: p.inventory.db.url });
  await db.connect();
  try {
    // A timer in backoff after a failed attempt: due 30 s ago, not to be tried again for a minute.
    await db.query(
      `INSERT INTO scheduler.timers (id, number, schedule_id, due_at, status, attempts, not_before)
       VALUES ('+442079463999/ops-late', '+442079463999', 'ops-late', now() - interval '30 seconds', 'pending', 2, now() + interval '60 seconds')`,
    );
    const late = await ops(['timers', '--state', 'late']);
    expect(late.code).toBe(0);
    expect(late.out).toContain('scheduler: 1 late timers');
    expect(late.out).toMatch(/\+442079463999\/ops-late due \S+, pending, 2 attempts/);
    const status = JSON.parse((await ops(['status', '--service', 'scheduler', '--json'])).out) as OperationsStatus;
    expect(status['timers']).toMatchObject({ due: 1, late: 1, firing: 0, lateAfterSeconds: 5 });
    expect((await ops(['timers', '--state', 'firing'])).out).toContain('scheduler: 0 firing timers');
  } finally {
    await db.query(`DELETE FROM scheduler.timers WHERE id = '+442079463999/ops-late'`);
    await db.end();
  }
});

test('the operations endpoints refuse a request without the operations token, and the CLI says so', async () => {
  const bare = await fetch(`${schedulerUrl}/operations/status`);
  expect(bare.status).toBe(401);
  expect(((await bare.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
  const wrong = await fetch(`${urls['TNP_NUMBER_INVENTORY_URL']}/operations/projections/site-telephony/rebuild`, {
    method: 'POST',
    headers: { authorization: 'Bearer not-the-operations-token' },
  });
  expect(wrong.status).toBe(401);
  // Health and metrics stay open to the kubelet and Prometheus.
  expect((await fetch(`${schedulerUrl}/health/live`)).status).toBe(200);
  const refused = await ops(['status', '--service', 'fax'], null);
  expect(refused.code).toBe(1);
  expect(refused.out).toContain('401');
});
