import { jetstreamManager } from '@nats-io/jetstream';
import { Client } from 'pg';
import { jetStreamNameFor } from '@tnp/service-runtime';
import { eventually } from '@tnp/testing';
import { startBillingProcess, type BillingProcess } from './support/billing-process';
import { startPlatform, type Platform } from './support/platform-harness';

/**
 * The billing example (examples/billing) against the platform: a separate process that follows
 * number-inventory's events with the subscriber SDK. Killed mid-stream and started again, it must
 * still have billed every activation exactly once, checked against what the platform published.
 */
const SITE = 'bill-1';
const NUMBERS = 60;
const n = (i: number) => `+1214555${String(1000 + i)}`;
const at = (i: number, action: string) => `/v1/sites/${SITE}/numbers/${encodeURIComponent(n(i))}/${action}`;
const SCHEMA = 'billing_e2e';

let p: Platform;
let billing: BillingProcess | undefined;
let db: Client;
const t: Record<string, string> = {};

const billingEnv = () => ({
  DATABASE_URL: p.inventory.db.url,
  NATS_URL: p.inventory.config.NATS_URL,
  NATS_SUBJECT_PREFIX: p.inventory.config.NATS_SUBJECT_PREFIX,
  BILLING_SCHEMA: SCHEMA,
});

beforeAll(async () => {
  p = await startPlatform('e2e_billing');
  t['platform'] = await p.token({ sub: 'essensys', role: 'platform' });
  t['operator'] = await p.token({ sub: 'op', role: 'operator', sites: [SITE] });
  db = new Client({ connectionString: p.inventory.db.url });
  await db.connect();
}, 60_000);

afterAll(async () => {
  await billing?.kill('SIGKILL');
  await db?.end();
  await p?.stop();
});

const billedCount = async (): Promise<number> =>
  Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${SCHEMA}.billed_activations`)).rows[0]?.n ?? 0);

/** What number-inventory published: the independent record, read straight from its JetStream stream. */
const publishedActivations = async (): Promise<{ activated: string[]; deactivated: string[] }> => {
  const stream = jetStreamNameFor('number-inventory', p.inventory.config.NATS_SUBJECT_PREFIX);
  const jsm = await jetstreamManager(p.inventory.nc);
  const info = await jsm.streams.info(stream);
  const activated: string[] = [];
  const deactivated: string[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
    const message = await jsm.streams.getMessage(stream, { seq });
    const event = message?.json<{ id: string; type: string }>();
    if (event?.type.endsWith('.NumberActivated.v1')) activated.push(event.id);
    if (event?.type.endsWith('.NumberDeactivated.v1')) deactivated.push(event.id);
  }
  return { activated, deactivated };
};

describe('the billing example on the subscriber SDK', () => {
  test('bills every activation exactly once and keeps the billable numbers, across a kill and restart of the example', async () => {
    const { call } = p;
    billing = await startBillingProcess(billingEnv());
    expect(
      (
        await call('POST', `/v1/sites/${SITE}/numbers/provision`, {
          token: t['platform'],
          body: { rangeName: 'BILL', range: { start: n(0), end: n(NUMBERS - 1) }, extFromLastDigits: 4 },
        })
      ).status,
    ).toBe(200);
    const activate = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const owner = i % 3 === 0 ? { type: 'operator' } : { type: 'occupier', occupierId: i % 3 === 1 ? 'acme' : 'globex' };
        expect((await call('POST', at(i, 'allocate'), { token: t['operator'], body: { owner } })).status).toBe(200);
        expect((await call('POST', at(i, 'activate'), { token: t['operator'] })).status).toBe(200);
      }
    };
    const activations = activate(0, NUMBERS);

    // Killed while activations are still arriving, and started again at once.
    await eventually(async () => expect(await billedCount()).toBeGreaterThanOrEqual(5), { timeoutMs: 20_000 });
    await billing.kill('SIGKILL');
    const billedAtKill = await billedCount();
    billing = await startBillingProcess(billingEnv());
    await activations;
    for (let i = 0; i < 10; i++) expect((await call('POST', at(i, 'deactivate'), { token: t['operator'] })).status).toBe(200);
    expect(billedAtKill).toBeLessThan(NUMBERS);

    // The relay publishes a moment after each answer: wait until the stream holds all of them.
    const published = await eventually(async () => {
      const found = await publishedActivations();
      expect([found.activated.length, found.deactivated.length]).toEqual([NUMBERS, 10]);
      return found;
    });
    await eventually(async () => expect(await billedCount()).toBe(NUMBERS), { timeoutMs: 30_000 });

    const billed = await db.query<{ event_id: string; number: string; account: string }>(
      `SELECT event_id, number, account FROM ${SCHEMA}.billed_activations ORDER BY number`,
    );
    expect(billed.rows.map((r) => r.event_id).sort()).toEqual([...published.activated].sort());
    expect(billed.rows.map((r) => r.number)).toEqual(Array.from({ length: NUMBERS }, (_, i) => n(i)));
    expect(billed.rows.map((r) => r.account)).toEqual(
      Array.from({ length: NUMBERS }, (_, i) => (i % 3 === 0 ? 'operator' : i % 3 === 1 ? 'acme' : 'globex')),
    );
    await eventually(async () => {
      const billable = await db.query<{ number: string }>(`SELECT number FROM ${SCHEMA}.billable_numbers WHERE billable ORDER BY number`);
      expect(billable.rows.map((r) => r.number)).toEqual(Array.from({ length: NUMBERS - 10 }, (_, i) => n(i + 10)));
    });
    const inbox = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${SCHEMA}.inbox_events`);
    expect(Number(inbox.rows[0]?.n)).toBe(NUMBERS + 10);
  }, 120_000);
});
