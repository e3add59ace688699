import { randomUUID } from 'node:crypto';
import { eventually, startServiceHarness, type ServiceHarness } from '@tnp/testing';
import { assignmentService } from '../../assignment/src/assignment.app';
import { numberInventoryService } from '../../number-inventory/src/number-inventory.app';
import { extensionDeviceService } from '../src/extension-device.app';

let inventory: ServiceHarness;
let assignment: ServiceHarness;
let ext: ServiceHarness;
const SITE = 'nyc-5';
const n = (i: number) => `+1212999${String(1000 + i)}`;

type Reply = { ok: boolean; value: any; error?: { code: string; rule?: string } };
const as = (harness: ServiceHarness, service: string, name: string, data: unknown): Promise<Reply> =>
  harness.raw(
    `${harness.config.NATS_SUBJECT_PREFIX}.cmd.${service}.${name}`,
    JSON.stringify({ commandId: randomUUID(), principal: { id: 'acme-admin', role: 'occupier-admin', tenantId: 'acme' }, data }),
  ) as Promise<Reply>;

beforeAll(async () => {
  inventory = await startServiceHarness(numberInventoryService, { label: 'ext_int' });
  const shared = { db: inventory.db, prefix: inventory.config.NATS_SUBJECT_PREFIX };
  assignment = await startServiceHarness(assignmentService, { label: 'ext_int', with: shared });
  ext = await startServiceHarness(extensionDeviceService, { label: 'ext_int', with: shared });
  await inventory.command('provision-numbers', { siteId: SITE, rangeName: 'X', range: { start: n(0), end: n(5) } });
  for (let i = 0; i < 4; i++) {
    await inventory.command('allocate-number', { siteId: SITE, number: n(i), owner: { type: 'occupier', occupierId: 'acme' } });
    await inventory.command('activate-number', { siteId: SITE, number: n(i) });
  }
  await assignment.command('register-user', { occupierId: 'acme', userId: 'u-grace', firstName: 'Grace', lastName: 'Hopper' });
}, 120_000);

afterAll(async () => {
  await ext?.stop();
  await assignment?.stop();
  await inventory?.stop();
});

describe('extension-device service', () => {
  test("extensions are for the occupier's registered users only, learned from assignment's events", async () => {
    expect(
      (
        await as(ext, 'extension-device', 'create-extension', {
          occupierId: 'acme',
          extensionId: 'x-nobody',
          key: '300',
          label: 'Nobody',
          assignee: { userId: 'u-nobody' },
        })
      ).error?.rule,
    ).toBe('USER_NOT_FOUND');
    await eventually(
      async () => {
        const reply = await as(ext, 'extension-device', 'create-extension', {
          occupierId: 'acme',
          extensionId: 'x-grace',
          key: '301',
          label: 'Grace',
          assignee: { userId: 'u-grace' },
          number: n(0),
        });
        expect(reply.ok).toBe(true);
      },
      { timeoutMs: 20_000 },
    );
  });

  test('an admin may evict a stale handset login explicitly; the evicted number is logged out with an event', async () => {
    await eventually(
      async () => expect((await as(ext, 'extension-device', 'login-handset', { number: n(1), phoneId: 'P-1' })).ok).toBe(true),
      { timeoutMs: 20_000 },
    );
    expect((await as(ext, 'extension-device', 'login-handset', { number: n(2), phoneId: 'P-1' })).error?.rule).toBe('HANDSET_IN_USE');
    expect((await as(ext, 'extension-device', 'login-handset', { number: n(2), phoneId: 'P-1', evict: true })).ok).toBe(true);
    const events = await ext.service.store.readStream(`device-number-${n(1)}`);
    expect(events.at(-1)).toMatchObject({ type: 'DeviceNumberLoggedOut', data: { phoneId: 'P-1', reason: 'evicted' } });
  });

  test("unassigning a number's user logs it out and clears its extension's forwarding", async () => {
    expect((await as(ext, 'extension-device', 'login-handset', { number: n(0), phoneId: 'P-9' })).ok).toBe(true);
    expect(
      (
        await as(ext, 'extension-device', 'configure-extension', {
          extensionId: 'x-grace',
          changes: { forwarding: { always: { extensions: ['302'] } } },
        })
      ).ok,
    ).toBe(true);
    expect((await as(assignment, 'assignment', 'assign-user', { number: n(0), userId: 'u-grace' })).ok).toBe(true);
    expect((await as(assignment, 'assignment', 'unassign-user', { number: n(0) })).ok).toBe(true);
    await eventually(
      async () => {
        const extension = await ext.service.store.readStream('extension-acme/x-grace');
        expect(extension.at(-1)).toMatchObject({ type: 'ExtensionForwardingCleared', data: { reason: 'number-unassigned' } });
        const number = await ext.service.store.readStream(`device-number-${n(0)}`);
        expect(number.at(-1)).toMatchObject({ type: 'DeviceNumberLoggedOut', data: { reason: 'number-unassigned' } });
      },
      { timeoutMs: 15_000 },
    );
  });
});
