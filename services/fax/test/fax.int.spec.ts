import { randomUUID } from 'node:crypto';
import { eventually, startServiceHarness, type ServiceHarness } from '@tnp/testing';
import { assignmentService } from '../../assignment/src/assignment.app';
import { numberInventoryService } from '../../number-inventory/src/number-inventory.app';
import { faxService } from '../src/fax.app';

let inventory: ServiceHarness;
let assignment: ServiceHarness;
let fax: ServiceHarness;
const SITE = 'nyc-2';
const n = (i: number) => `+1212666${String(1000 + i)}`;

type Reply<T = unknown> = { ok: boolean; value: T; error?: { code: string; rule?: string; fields?: { path: string }[] } };
/** A fax command as acme's occupier admin, whose tenant the service checks ownership against. */
const asAcme = (name: string, data: unknown): Promise<Reply> =>
  fax.raw(
    `${fax.config.NATS_SUBJECT_PREFIX}.cmd.fax.${name}`,
    JSON.stringify({ commandId: randomUUID(), principal: { id: 'acme-admin', role: 'occupier-admin', tenantId: 'acme' }, data }),
  ) as Promise<Reply>;

beforeAll(async () => {
  inventory = await startServiceHarness(numberInventoryService, { label: 'fax_int' });
  const shared = { db: inventory.db, prefix: inventory.config.NATS_SUBJECT_PREFIX };
  assignment = await startServiceHarness(assignmentService, { label: 'fax_int', with: shared });
  fax = await startServiceHarness(faxService, { label: 'fax_int', with: shared });
  await inventory.command('provision-numbers', { siteId: SITE, rangeName: 'Fax', range: { start: n(0), end: n(9) } });
  for (let i = 0; i < 6; i++) {
    await inventory.command('allocate-number', {
      siteId: SITE,
      number: n(i),
      owner: { type: 'occupier', occupierId: i < 5 ? 'acme' : 'globex' },
    });
    await inventory.command('activate-number', { siteId: SITE, number: n(i) });
  }
  await eventually(
    async () => {
      const reply = await fax.query<{ tenant: string }>('get-fax-settings', { number: n(5) });
      expect(reply.ok && reply.value.tenant).toBe('globex');
    },
    { timeoutMs: 30_000 },
  );
}, 120_000);

afterAll(async () => {
  await fax?.stop();
  await assignment?.stop();
  await inventory?.stop();
});

describe('fax service', () => {
  test("configures an occupier's number, listed as an outbound eFax caller ID", async () => {
    const reply = await asAcme('configure-fax', { number: n(0), settings: { outboundCallerId: true, inboundDetection: true } });
    expect(reply.ok).toBe(true);
    await eventually(async () => {
      const list = await fax.query<{ numbers: { number: string }[] }>('list-outbound-caller-ids', { occupierId: 'acme' });
      expect(list.ok && list.value.numbers.map((x) => x.number)).toEqual([n(0)]);
    });
    const settings = await fax.query<{ mode: string; settings: { detectionWaitSeconds: number; t38: boolean } }>('get-fax-settings', {
      number: n(0),
    });
    expect(settings.ok && settings.value).toMatchObject({ mode: 'voice-and-fax', settings: { detectionWaitSeconds: 5, t38: true } });
  });

  test("another tenant's number is not found; a minimum above the maximum is refused by field", async () => {
    expect((await asAcme('configure-fax', { number: n(5), settings: {} })).error).toMatchObject({ code: 'NOT_FOUND' });
    const bad = await asAcme('configure-fax', { number: n(1), settings: { minRate: 14400, maxRate: 9600 } });
    expect(bad.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'data.settings.minRate' })] });
  });

  test('a number routed to fax in assignment is fax-only', async () => {
    await asAcme('configure-fax', { number: n(2), settings: { outboundCallerId: false } });
    const routed = await assignment.raw(
      `${assignment.config.NATS_SUBJECT_PREFIX}.cmd.assignment.route-number`,
      JSON.stringify({
        commandId: randomUUID(),
        principal: { id: 'a', role: 'occupier-admin', tenantId: 'acme' },
        data: { number: n(2), destination: { type: 'fax' } },
      }),
    );
    expect(routed).toMatchObject({ ok: true });
    await eventually(async () => {
      const settings = await fax.query<{ mode: string }>('get-fax-settings', { number: n(2) });
      expect(settings.ok && settings.value.mode).toBe('fax-only');
    });
  });

  test('deactivating a number clears its fax settings with an event', async () => {
    expect((await inventory.command('deactivate-number', { siteId: SITE, number: n(0) })).ok).toBe(true);
    await eventually(async () => {
      const events = await fax.service.store.readStream(`fax-number-${n(0)}`);
      expect(events.at(-1)).toMatchObject({ type: 'FaxSettingsCleared', data: { reason: 'number-deactivated' } });
      const list = await fax.query<{ numbers: unknown[] }>('list-outbound-caller-ids', { occupierId: 'acme' });
      expect(list.ok && list.value.numbers).toEqual([]);
    });
  });
});
