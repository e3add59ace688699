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

  test("unassigning a number's user keeps its handset login and its extension's forwarding; deactivating it clears both", async () => {
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
    const statuses = async () =>
      (await ext.service.store.readStream(`device-number-${n(0)}`))
        .filter((e) => e.type === 'DeviceNumberObserved')
        .map((e) => (e.data as { observed: { status: string } }).observed.status);
    // The unassignment has been observed: ASSIGNED, then ACTIVE again.
    await eventually(async () => expect((await statuses()).slice(-2)).toEqual(['ASSIGNED', 'ACTIVE']), { timeoutMs: 15_000 });
    const loggedOut = (await ext.service.store.readStream(`device-number-${n(0)}`)).filter((e) => e.type === 'DeviceNumberLoggedOut');
    expect(loggedOut).toEqual([]);
    const cleared = (await ext.service.store.readStream('extension-acme/x-grace')).filter((e) => e.type === 'ExtensionForwardingCleared');
    expect(cleared).toEqual([]);

    await inventory.command('deactivate-number', { siteId: SITE, number: n(0) });
    await eventually(
      async () => {
        const extension = await ext.service.store.readStream('extension-acme/x-grace');
        expect(extension.at(-1)).toMatchObject({ type: 'ExtensionForwardingCleared', data: { reason: 'number-deactivated' } });
        const number = await ext.service.store.readStream(`device-number-${n(0)}`);
        expect(number.filter((e) => e.type === 'DeviceNumberLoggedOut')).toEqual([
          expect.objectContaining({ data: expect.objectContaining({ reason: 'number-deactivated' }) }),
        ]);
      },
      { timeoutMs: 15_000 },
    );
    await inventory.command('activate-number', { siteId: SITE, number: n(0) });
  });

  test('concurrent activations never take more device licences than there are: each round exactly that many succeed', async () => {
    const operator = { id: 'op', role: 'operator', sites: [SITE] };
    const licences = { 'ip-phone': 2, 'mobile-app': 0, 'desktop-app': 0 };
    const set = await ext.raw(
      `${ext.config.NATS_SUBJECT_PREFIX}.cmd.extension-device.set-device-licences`,
      JSON.stringify({ commandId: randomUUID(), principal: operator, data: { occupierId: 'acme', licences } }),
    );
    expect(set).toMatchObject({ ok: true });
    const ids = Array.from({ length: 6 }, (_, i) => `x-race-${i}`);
    // extension-device learns the user from assignment's events: the first creation may have to wait for it.
    for (const [i, extensionId] of ids.entries()) {
      await eventually(async () => {
        const created = await as(ext, 'extension-device', 'create-extension', {
          occupierId: 'acme',
          extensionId,
          key: String(320 + i),
          label: `Race ${i}`,
          assignee: { userId: 'u-grace' },
        });
        expect(created).toMatchObject({ ok: true });
      });
    }
    for (let round = 0; round < 3; round++) {
      const replies = await Promise.all(
        ids.map((extensionId) =>
          as(ext, 'extension-device', 'activate-device', { extensionId, type: 'ip-phone', deviceId: `phone-${round}-${extensionId}` }),
        ),
      );
      const won = ids.filter((_, i) => replies[i]?.ok);
      expect({ round, won: won.length, refused: replies.filter((r) => !r.ok).map((r) => r.error?.rule) }).toEqual({
        round,
        won: 2,
        refused: Array(4).fill('DEVICE_LICENCE_REQUIRED'),
      });
      // The independent record: the extensions' own streams say which devices were activated.
      const activated: string[] = [];
      for (const id of ids) {
        const events = await ext.service.store.readStream(`extension-acme/${id}`);
        const active = events.reduce(
          (on, e) => (e.type === 'ExtensionDeviceActivated' ? true : e.type === 'ExtensionDeviceDeactivated' ? false : on),
          false,
        );
        if (active) activated.push(id);
      }
      expect(activated.sort()).toEqual([...won].sort());
      for (const extensionId of won)
        expect((await as(ext, 'extension-device', 'deactivate-device', { extensionId, type: 'ip-phone' })).ok).toBe(true);
    }
  });

  test('a caller who typed too many wrong PINs waits, on every extension; other callers are not held back', async () => {
    const guesser = { id: 'guesser', role: 'occupier-admin', tenantId: 'acme' };
    const verify = (principal: object, pin: string) =>
      ext.raw(
        `${ext.config.NATS_SUBJECT_PREFIX}.cmd.extension-device.verify-pin`,
        JSON.stringify({ commandId: randomUUID(), principal, data: { extensionId: 'x-grace', pin } }),
      ) as Promise<Reply>;
    const rules: (string | undefined)[] = [];
    // Two wrong PINs at a time (three would lock the extension), with a reset in between: five in all.
    for (const batch of [2, 2, 1]) {
      for (let i = 0; i < batch; i++) rules.push((await verify(guesser, '000001')).error?.rule);
      expect((await as(ext, 'extension-device', 'reset-pin', { extensionId: 'x-grace' })).ok).toBe(true);
    }
    expect(rules).toEqual(Array(5).fill('PIN_INCORRECT'));
    const before = (await ext.service.store.readStream('extension-acme/x-grace')).length;
    const held = await verify(guesser, '000001');
    expect(held.error).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', rule: 'PIN_ATTEMPTS_PER_CALLER', retryable: true });
    expect((await ext.service.store.readStream('extension-acme/x-grace')).length).toBe(before);
    expect((await verify({ id: 'someone-else', role: 'occupier-admin', tenantId: 'acme' }, '000001')).error?.rule).toBe('PIN_INCORRECT');
  });

  test('the default PIN is sealed at rest: neither its table nor the command log holds it', async () => {
    const pin = (await ext.query<{ defaultPin: string }>('default-pin', { tenant: 'acme', extensionId: 'x-grace' })) as Reply;
    expect(pin.value.defaultPin).toMatch(/^\d{6}$/);
    const stored = (await ext.db.query(`SELECT pin FROM extension_device.default_pins`)) as { pin: string }[];
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((r) => r.pin).join()).not.toContain(pin.value.defaultPin);
    const logged = (await ext.db.query(
      `SELECT count(*)::int AS n FROM ${ext.config.EVENT_STORE_SCHEMA}.command_log WHERE reply::text LIKE $1`,
      [`%${pin.value.defaultPin}%`],
    )) as { n: number }[];
    expect(logged[0]?.n).toBe(0);
    expect(
      (await ext.db.query(`SELECT count(*)::int AS n FROM ${ext.config.EVENT_STORE_SCHEMA}.command_log`)) as { n: number }[],
    ).not.toEqual([{ n: 0 }]);
  });
});
