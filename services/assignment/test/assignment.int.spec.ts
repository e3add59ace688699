import { randomUUID } from 'node:crypto';
import { eventually, startServiceHarness, type ServiceHarness } from '@tnp/testing';
import type { OccupierNumberView } from '@tnp/assignment-contracts';
import { numberInventoryService } from '../../number-inventory/src/number-inventory.app';
import { extensionDeviceService } from '../../extension-device/src/extension-device.app';
import { AssignUserHandler } from '../src/assign-user/assign-user.handler';
import { InventoryClient } from '../src/assign-user/inventory-client';
import { pendingAssignmentSweeper } from '../src/assign-user/pending-assignment.sweeper';
import { assignmentService } from '../src/assignment.app';

let inventory: ServiceHarness;
let assignment: ServiceHarness;
/** A "user" destination rings one of the user's extensions, which extension-device keeps. */
let extensions: ServiceHarness;
const SITE = 'nyc-1';
const n = (i: number) => `+1212555${String(1000 + i)}`;

beforeAll(async () => {
  inventory = await startServiceHarness(numberInventoryService, { label: 'assign_int' });
  assignment = await startServiceHarness(assignmentService, {
    label: 'assign_int',
    with: { db: inventory.db, prefix: inventory.config.NATS_SUBJECT_PREFIX },
  });
  extensions = await startServiceHarness(extensionDeviceService, {
    label: 'assign_int',
    with: { db: inventory.db, prefix: inventory.config.NATS_SUBJECT_PREFIX },
  });
  await inventory.command('provision-numbers', {
    siteId: SITE,
    rangeName: 'NYC',
    range: { start: n(0), end: n(59) },
    extFromLastDigits: 4,
  });
  for (let i = 0; i < 50; i++) {
    await inventory.command('allocate-number', {
      siteId: SITE,
      number: n(i),
      owner: { type: 'occupier', occupierId: i < 45 ? 'acme' : 'globex' },
    });
    if (i !== 9) await inventory.command('activate-number', { siteId: SITE, number: n(i) });
  }
  await eventually(async () => expect((await listAcme()).items).toHaveLength(45), { timeoutMs: 30_000 });
  for (const [userId, firstName, lastName] of [
    ['u-ada', 'Ada', 'Lovelace'],
    ['u-alan', 'Alan', 'Turing'],
    ['u-grace', 'Grace', 'Hopper'],
  ] as const) {
    await assignment.command('register-user', { occupierId: 'acme', userId, firstName, lastName });
  }
  await assignment.command('create-destination', { occupierId: 'acme', destinationId: 'acme-sales', kind: 'route', name: 'Sales' });
  await assignment.command('create-destination', {
    occupierId: 'acme',
    destinationId: 'acme-room',
    kind: 'conference-room',
    name: 'Board room',
  });
  await assignment.command('create-destination', {
    occupierId: 'globex',
    destinationId: 'globex-sales',
    kind: 'route',
    name: 'Globex sales',
  });
}, 120_000);

afterAll(async () => {
  await extensions?.stop();
  await assignment?.stop();
  await inventory?.stop();
});

const listAcme = async () => {
  const reply = await (assignment.raw(
    `${assignment.config.NATS_SUBJECT_PREFIX}.qry.assignment.list-occupier-numbers`,
    JSON.stringify({ data: { occupierId: 'acme' } }),
  ) as Promise<{ ok: boolean; value: { items: OccupierNumberView[] } }>);
  return reply.value;
};
const row = async (number: string) => (await listAcme()).items.find((i) => i.number === number);
const ruleOf = (reply: { ok: boolean; error?: { rule?: string; code: string } }) =>
  reply.ok ? 'OK' : (reply.error?.rule ?? reply.error?.code);

/** Acts as acme's occupier admin, whose tenant the service checks number ownership against. */
const admin = <T>(name: string, data: unknown, commandId?: string) =>
  assignment.raw(
    `${assignment.config.NATS_SUBJECT_PREFIX}.cmd.assignment.${name}`,
    JSON.stringify({
      commandId: commandId ?? randomUUID(),
      principal: { id: 'acme-admin', role: 'occupier-admin', tenantId: 'acme' },
      data,
    }),
  ) as Promise<{ ok: boolean; value: T; error?: { code: string; rule?: string; fields?: { path: string }[] } }>;

describe('assignment service', () => {
  test('routes an active number to a route with call settings, shown in the portal list', async () => {
    const reply = await admin('route-number', {
      number: n(0),
      destination: { type: 'route', destinationId: 'acme-sales' },
      settings: {
        locationSiteId: SITE,
        prependCallerId: 'Sales',
        distinctiveRing: 'triple',
        emergencyRouteId: 'acme-sales',
        recordInbound: true,
      },
    });
    expect(reply.ok).toBe(true);
    await eventually(async () =>
      expect((await row(n(0)))?.routing).toEqual({
        type: 'route',
        destinationId: 'acme-sales',
        destinationName: 'Sales',
        extensionId: null,
        forwardTo: null,
      }),
    );
  });

  test('refuses what the rules forbid, each with its rule', async () => {
    // Another company's destination id names nothing among this company's own.
    expect(ruleOf(await admin('route-number', { number: n(1), destination: { type: 'route', destinationId: 'globex-sales' } }))).toBe(
      'DESTINATION_NOT_FOUND',
    );
    expect(ruleOf(await admin('route-number', { number: n(9), destination: { type: 'fax' } }))).toBe('NUMBER_NOT_ACTIVE');
    expect(ruleOf(await admin('route-number', { number: n(1), destination: { type: 'route', destinationId: 'acme-room' } }))).toBe(
      'DESTINATION_TYPE_MISMATCH',
    );
    expect(ruleOf(await admin('route-number', { number: n(1), destination: { type: 'fax' }, settings: { locationSiteId: 'lon-1' } }))).toBe(
      'LOCATION_NOT_OCCUPIER_SITE',
    );
    expect(ruleOf(await admin('route-number', { number: n(46), destination: { type: 'fax' } }))).toBe('NOT_FOUND');
    const tooLong = await admin('route-number', { number: n(1), destination: { type: 'fax' }, settings: { prependCallerId: 'Sales!' } });
    expect(tooLong.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ path: 'data.settings.prependCallerId' })],
    });
    expect(ruleOf(await admin('remove-destination', { occupierId: 'acme', destinationId: 'acme-sales' }))).toBe('DESTINATION_IN_USE');
  });

  test('call forwarding takes the national form of the number’s country and stores E.164', async () => {
    expect((await admin('route-number', { number: n(2), destination: { type: 'call-forwarding', forwardTo: '5557778888' } })).ok).toBe(
      true,
    );
    await eventually(async () => expect((await row(n(2)))?.routing.forwardTo).toBe('+15557778888'));
    const bad = await admin('route-number', { number: n(2), destination: { type: 'call-forwarding', forwardTo: '12345' } });
    expect(bad.error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  test('assigns a user through number-inventory; a user holds one number', async () => {
    expect((await admin('assign-user', { number: n(3), userId: 'u-ada' })).ok).toBe(true);
    const inventoryView = await inventory.query<{ status: string; assignedUserId: string }>('get-number', { number: n(3) });
    await eventually(async () => {
      const view = await inventory.query<{ status: string; assignedUserId: string }>('get-number', { number: n(3) });
      expect(view).toMatchObject({ ok: true, value: { status: 'ASSIGNED', assignedUserId: 'u-ada' } });
    });
    expect(inventoryView.ok).toBe(true);
    expect(ruleOf(await admin('assign-user', { number: n(4), userId: 'u-ada' }))).toBe('USER_ALREADY_HAS_NUMBER');
    expect(ruleOf(await admin('assign-user', { number: n(9), userId: 'u-alan' }))).toBe('NUMBER_NOT_ACTIVE');
    await eventually(async () => expect((await row(n(3)))?.assignedTo).toEqual({ type: 'user', userId: 'u-ada', name: 'Ada Lovelace' }));
    expect((await admin('set-display-name', { number: n(3), first: 'Front', second: 'Desk' })).ok).toBe(true);
    await eventually(async () => expect((await row(n(3)))?.assignedTo).toEqual({ type: 'user', userId: 'u-ada', name: 'Front Desk' }));
  });

  test('deactivating a number in inventory clears its routing with its own event and frees the destination', async () => {
    await admin('route-number', { number: n(5), destination: { type: 'route', destinationId: 'acme-sales' } });
    await admin('route-number', { number: n(0), destination: { type: 'fax' } });
    expect((await inventory.command('deactivate-number', { siteId: SITE, number: n(5) })).ok).toBe(true);
    await eventually(async () => {
      const events = await assignment.service.store.readStream(`number-routing-${n(5)}`);
      expect(events.map((e) => e.type)).toContain('NumberRoutingCleared');
    });
    await eventually(async () => expect(await row(n(5))).toMatchObject({ status: 'reserved', routing: { type: 'none' } }));
    expect((await admin('remove-destination', { occupierId: 'acme', destinationId: 'acme-sales' })).ok).toBe(true);
  });

  test('removing a user clears the routing of numbers pointing at it', async () => {
    await eventually(async () => {
      const created = await extensions.raw(
        `${extensions.config.NATS_SUBJECT_PREFIX}.cmd.extension-device.create-extension`,
        JSON.stringify({
          commandId: randomUUID(),
          principal: { id: 'acme-admin', role: 'occupier-admin', tenantId: 'acme' },
          data: { occupierId: 'acme', extensionId: 'x-grace', key: '301', label: 'Grace', assignee: { userId: 'u-grace' } },
        }),
      );
      expect(created).toMatchObject({ ok: true });
    });
    await eventually(async () =>
      expect((await admin('route-number', { number: n(6), destination: { type: 'user', userId: 'u-grace' } })).ok).toBe(true),
    );
    expect((await admin('remove-user', { occupierId: 'acme', userId: 'u-grace' })).ok).toBe(true);
    const events = await assignment.service.store.readStream(`number-routing-${n(6)}`);
    expect(events.at(-1)).toMatchObject({ type: 'NumberRoutingCleared', data: { reason: 'user-removed' } });
  });

  test('a conference room takes an uploaded WAV greeting; other files are refused by content', async () => {
    const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(64)]);
    const uploaded = await admin<{ contentType: string }>('upload-greeting', {
      occupierId: 'acme',
      greetingId: 'welcome',
      contentBase64: wav.toString('base64'),
    });
    expect(uploaded).toMatchObject({ ok: true, value: { contentType: 'audio/wav' } });
    const pdf = await admin('upload-greeting', {
      occupierId: 'acme',
      greetingId: 'bad',
      contentBase64: Buffer.from('%PDF-1.7 hello').toString('base64'),
    });
    expect(pdf.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    const room = { type: 'conference-room', destinationId: 'acme-room', pinlessEntry: true, greetingId: 'welcome' };
    // Conference rooms need the account's conference bridge.
    expect(ruleOf(await admin('route-number', { number: n(7), destination: room }))).toBe('CONFERENCE_BRIDGE_REQUIRED');
    expect((await assignment.command('set-account-features', { occupierId: 'acme', conferenceBridge: true })).ok).toBe(true);
    const routed = await admin('route-number', { number: n(7), destination: room });
    expect(routed.ok).toBe(true);
    expect(
      ruleOf(
        await admin('route-number', {
          number: n(8),
          destination: { type: 'conference-room', destinationId: 'acme-room', greetingId: 'nope' },
        }),
      ),
    ).toBe('GREETING_NOT_FOUND');
  });

  test('an assignment racing a deactivation never leaves a deactivated number assigned, nor an assigned one deactivated', async () => {
    const users = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'];
    for (const userId of users)
      await assignment.command('register-user', { occupierId: 'acme', userId, firstName: 'Race', lastName: userId });
    const numbers = users.map((_, i) => n(20 + i));
    const outcomes = await Promise.all(
      numbers.map(async (number, i) => {
        const [assigned, deactivated] = await Promise.all([
          admin('assign-user', { number, userId: users[i] }),
          inventory.command('deactivate-number', { siteId: SITE, number }),
        ]);
        return { number, assigned: assigned.ok, deactivated: deactivated.ok };
      }),
    );
    for (const outcome of outcomes) expect(outcome.assigned).not.toBe(outcome.deactivated);
    await eventually(
      async () => {
        for (const { number, assigned } of outcomes) {
          const inv = await inventory.query<{ status: string }>('get-number', { number });
          expect(inv.ok && inv.value.status).toBe(assigned ? 'ASSIGNED' : 'RESERVED');
          const view = await row(number);
          expect(view?.status).toBe(assigned ? 'active' : 'reserved');
          expect(view?.assignedTo?.type ?? null).toBe(assigned ? 'user' : null);
        }
      },
      { timeoutMs: 20_000 },
    );
  });

  test('an assignment left pending when number-inventory was unreachable is finished by the sweeper', async () => {
    await assignment.command('register-user', { occupierId: 'acme', userId: 'u-late', firstName: 'Late', lastName: 'Comer' });
    const metadata = {
      commandId: randomUUID(),
      now: new Date().toISOString(),
      correlationId: 'c',
      principal: { id: 'acme-admin', role: 'occupier-admin' as const, tenantId: 'acme' },
    };
    const unreachable = new AssignUserHandler(assignment.service.store, new InventoryClient(assignment.nc, 'nowhere', 300));
    await expect(unreachable.assign({ number: n(30), userId: 'u-late' }, metadata)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await eventually(async () => expect((await row(n(30)))?.status).toBe('pending'));
    expect(ruleOf(await admin('route-number', { number: n(30), destination: { type: 'fax' } }))).toBe('NUMBER_PENDING');

    const reachable = new AssignUserHandler(
      assignment.service.store,
      new InventoryClient(assignment.nc, assignment.config.NATS_SUBJECT_PREFIX),
    );
    const sweeper = pendingAssignmentSweeper(assignment.service.orm, reachable, assignment.service.logger, {
      intervalMs: 50,
      olderThanMs: 0,
    });
    await sweeper.start();
    try {
      await eventually(async () => {
        const inv = await inventory.query<{ status: string; assignedUserId: string }>('get-number', { number: n(30) });
        expect(inv.ok && inv.value).toMatchObject({ status: 'ASSIGNED', assignedUserId: 'u-late' });
        expect(await row(n(30))).toMatchObject({ status: 'active', assignedTo: { type: 'user', userId: 'u-late' } });
      });
    } finally {
      await sweeper.stop();
    }
  });
});
