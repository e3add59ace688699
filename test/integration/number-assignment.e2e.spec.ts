import { DeliverPolicy, jetstream, jetstreamManager, AckPolicy } from '@nats-io/jetstream';
import { jetStreamNameFor } from '@tnp/service-runtime';
import { receivedEvent, type CloudEvent } from '@tnp/messaging';
import { eventually } from '@tnp/testing';
import { startPlatform, type Platform } from './support/platform-harness';

const SITE = 'nyc-1';
const n = (i: number) => `+1212777${String(1000 + i)}`;
const at = (i: number, action: string) => `/v1/sites/${SITE}/numbers/${encodeURIComponent(n(i))}/${action}`;
const num = (i: number, suffix: string) => `/v1/numbers/${encodeURIComponent(n(i))}/${suffix}`;

let p: Platform;
const t: Record<string, string> = {};

beforeAll(async () => {
  p = await startPlatform('e2e_assign');
  t['platform'] = await p.token({ sub: 'essensys', role: 'platform' });
  t['operator'] = await p.token({ sub: 'op', role: 'operator', sites: [SITE] });
  t['acme'] = await p.token({ sub: 'acme-admin', role: 'occupier-admin', occupierId: 'acme' });
  t['globex'] = await p.token({ sub: 'globex-admin', role: 'occupier-admin', occupierId: 'globex' });
  t['ada'] = await p.token({ sub: 'u-ada', role: 'user', occupierId: 'acme' });
}, 60_000);

afterAll(async () => {
  await p?.stop();
});

describe('number assignment and fax through the REST API', () => {
  test('routes numbers to every destination type, assigns a user, refuses what the rules forbid, clears on deactivation', async () => {
    const { call } = p;
    expect(
      (
        await call('POST', `/v1/sites/${SITE}/numbers/provision`, {
          token: t['platform'],
          body: { rangeName: 'NYC', range: { start: n(0), end: n(19) }, extFromLastDigits: 4 },
        })
      ).status,
    ).toBe(200);
    for (let i = 0; i < 12; i++) {
      const owner = i < 10 ? { type: 'occupier', occupierId: 'acme' } : { type: 'occupier', occupierId: 'globex' };
      expect((await call('POST', at(i, 'allocate'), { token: t['operator'], body: { owner } })).status).toBe(200);
      if (i !== 9) expect((await call('POST', at(i, 'activate'), { token: t['operator'] })).status).toBe(200);
    }
    await eventually(
      async () => expect((await call('GET', '/v1/occupiers/acme/phone-numbers', { token: t['acme'] })).body.items).toHaveLength(10),
      { timeoutMs: 20_000 },
    );

    for (const [userId, firstName, lastName] of [
      ['u-ada', 'Ada', 'Lovelace'],
      ['u-alan', 'Alan', 'Turing'],
    ]) {
      expect((await call('POST', '/v1/occupiers/acme/users', { token: t['acme'], body: { userId, firstName, lastName } })).status).toBe(
        200,
      );
    }
    for (const [destinationId, kind, name] of [
      ['acme-sales', 'route', 'Sales'],
      ['acme-managed', 'managed-route', 'Out of hours'],
      ['acme-board', 'conference-room', 'Board room'],
    ]) {
      expect(
        (await call('POST', '/v1/occupiers/acme/destinations', { token: t['acme'], body: { destinationId, kind, name } })).status,
      ).toBe(200);
    }
    expect(
      (
        await call('POST', '/v1/occupiers/globex/destinations', {
          token: t['globex'],
          body: { destinationId: 'globex-sales', kind: 'route', name: 'Globex' },
        })
      ).status,
    ).toBe(200);
    // The lists a portal fills its selectors from: the occupier's own users and destinations only.
    await eventually(async () => {
      const users = await call('GET', '/v1/occupiers/acme/users', { token: t['acme'] });
      expect(users.body.items).toEqual([
        { userId: 'u-ada', firstName: 'Ada', lastName: 'Lovelace' },
        { userId: 'u-alan', firstName: 'Alan', lastName: 'Turing' },
      ]);
      const destinations = await call('GET', '/v1/occupiers/acme/destinations', { token: t['acme'] });
      expect(destinations.body.items).toEqual([
        { destinationId: 'acme-board', kind: 'conference-room', name: 'Board room' },
        { destinationId: 'acme-managed', kind: 'managed-route', name: 'Out of hours' },
        { destinationId: 'acme-sales', kind: 'route', name: 'Sales' },
      ]);
    });
    const rooms = await call('GET', '/v1/occupiers/acme/destinations?kind=conference-room', { token: t['acme'] });
    expect(rooms.body.items.map((d: { destinationId: string }) => d.destinationId)).toEqual(['acme-board']);
    expect((await call('GET', '/v1/occupiers/acme/destinations?kind=fax', { token: t['acme'] })).body).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect((await call('GET', '/v1/occupiers/acme/users', { token: t['globex'] })).status).toBe(404);
    const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(256)]);
    const greeting = await call('PUT', '/v1/occupiers/acme/greetings/welcome', { token: t['acme'], raw: wav, contentType: 'audio/wav' });
    expect(greeting.body).toMatchObject({ contentType: 'audio/wav', bytes: wav.length });

    // Conference rooms need the account's conference bridge, which the site's operator sets.
    expect((await call('PUT', '/v1/occupiers/acme/features', { token: t['acme'], body: { conferenceBridge: true } })).status).toBe(403);
    expect((await call('PUT', '/v1/occupiers/acme/features', { token: t['operator'], body: { conferenceBridge: true } })).status).toBe(200);
    // "User" points the number at one of the user's extensions: none yet, then the only one.
    const settingsFor = (i: number) => ({
      locationSiteId: SITE,
      prependCallerId: 'Acme',
      distinctiveRing: 'short-long',
      emergencyRouteId: 'acme-sales',
      recordInbound: i % 2 === 0,
    });
    const toAlan = { destination: { type: 'user', userId: 'u-alan' }, settings: settingsFor(1) };
    expect((await call('PUT', num(1, 'routing'), { token: t['acme'], body: toAlan })).body.rule).toBe('USER_HAS_NO_EXTENSION');
    await eventually(
      async () => {
        const reply = await call('POST', '/v1/occupiers/acme/extensions', {
          token: t['acme'],
          body: { extensionId: 'ext-alan', key: '202', label: 'Alan', assignee: { userId: 'u-alan' } },
        });
        expect(reply.status).toBe(200);
      },
      { timeoutMs: 20_000 },
    );
    await eventually(async () => {
      const wrong = { ...toAlan, destination: { ...toAlan.destination, extensionId: 'ext-nobody' } };
      expect((await call('PUT', num(1, 'routing'), { token: t['acme'], body: wrong })).body.rule).toBe('USER_EXTENSION_NOT_FOUND');
      expect((await call('PUT', num(1, 'routing'), { token: t['acme'], body: toAlan })).status).toBe(200);
    });
    await eventually(async () =>
      expect((await call('GET', num(1, 'routing'), { token: t['acme'] })).body.routing).toMatchObject({
        type: 'user',
        destinationId: 'u-alan',
        extensionId: 'ext-alan',
      }),
    );
    const routes: [number, unknown][] = [
      [0, { type: 'none' }],
      [1, { type: 'user', userId: 'u-alan' }],
      [2, { type: 'route', destinationId: 'acme-sales' }],
      [3, { type: 'managed-route', destinationId: 'acme-managed' }],
      [4, { type: 'conference-room', destinationId: 'acme-board', pinlessEntry: true, greetingId: 'welcome' }],
      [5, { type: 'call-forwarding', forwardTo: '5557778888' }],
      [6, { type: 'fax' }],
    ];
    for (const [i, destination] of routes) {
      const reply = await call('PUT', num(i, 'routing'), {
        token: t['acme'],
        body: {
          destination,
          settings: settingsFor(i),
        },
      });
      expect({ i, status: reply.status, body: reply.body }).toMatchObject({ i, status: 200 });
    }
    expect((await call('PUT', num(7, 'user'), { token: t['acme'], body: { userId: 'u-ada' } })).status).toBe(200);
    expect((await call('PUT', num(7, 'display-name'), { token: t['acme'], body: { first: 'Ada', second: 'Reception' } })).status).toBe(200);
    expect(
      (await call('PUT', num(6, 'fax'), { token: t['acme'], body: { settings: { outboundCallerId: true, inboundDetection: true } } }))
        .status,
    ).toBe(200);
    expect(
      (
        await call('PUT', num(2, 'fax'), {
          token: t['acme'],
          body: { settings: { outboundCallerId: true, inboundDetection: true, detectionWaitSeconds: 8 } },
        })
      ).status,
    ).toBe(200);

    const refused: [string, string, unknown, number, string][] = [
      ['PUT', num(9, 'routing'), { destination: { type: 'fax' } }, 409, 'NUMBER_NOT_ACTIVE'],
      ['PUT', num(8, 'user'), { userId: 'u-ada' }, 409, 'USER_ALREADY_HAS_NUMBER'],
      ['PUT', num(8, 'routing'), { destination: { type: 'route', destinationId: 'globex-sales' } }, 409, 'DESTINATION_NOT_FOUND'],
      [
        'PUT',
        num(8, 'routing'),
        { destination: { type: 'fax' }, settings: { prependCallerId: 'Sales!' } },
        400,
        'settings.prependCallerId',
      ],
      ['PUT', num(8, 'fax'), { settings: { minRate: 14400, maxRate: 2400 } }, 400, 'settings.minRate'],
      ['PUT', num(8, 'routing'), { destination: { type: 'fax' }, settings: { distinctiveRing: 'disco' } }, 400, 'settings.distinctiveRing'],
      ['PUT', num(10, 'routing'), { destination: { type: 'fax' } }, 404, 'NOT_FOUND'],
      ['DELETE', '/v1/occupiers/acme/destinations/acme-sales', undefined, 409, 'DESTINATION_IN_USE'],
    ];
    for (const [method, url, body, status, expected] of refused) {
      const reply = await call(method, url, { token: t['acme'], ...(body ? { body } : {}) });
      const got = status === 400 ? reply.body.fields?.map((f: { path: string }) => f.path) : [reply.body.rule ?? reply.body.code];
      expect({ url, status: reply.status, got }).toEqual({ url, status, got: expect.arrayContaining([expected]) });
    }
    expect((await call('GET', num(2, 'routing'), { token: t['globex'] })).status).toBe(404);

    await eventually(async () => {
      const list = (await call('GET', '/v1/occupiers/acme/phone-numbers', { token: t['acme'] })).body.items as {
        number: string;
        routing: { type: string; destinationName: string | null; forwardTo: string | null };
        assignedTo: unknown;
      }[];
      const byNumber = new Map(list.map((i) => [i.number, i]));
      expect(byNumber.get(n(1))?.routing).toMatchObject({ type: 'user', destinationName: 'Alan Turing' });
      expect(byNumber.get(n(2))?.routing).toMatchObject({ type: 'route', destinationName: 'Sales' });
      expect(byNumber.get(n(4))?.routing).toMatchObject({ type: 'conference-room', destinationName: 'Board room' });
      expect(byNumber.get(n(5))?.routing).toMatchObject({ type: 'call-forwarding', forwardTo: '+15557778888' });
      expect(byNumber.get(n(7))?.assignedTo).toEqual({ type: 'user', userId: 'u-ada', name: 'Ada Reception' });
    });
    const search = await call('GET', '/v1/occupiers/acme/phone-numbers?search=reception', { token: t['acme'] });
    expect(search.body.items.map((i: { number: string }) => i.number)).toEqual([n(7)]);
    const mine = await call('GET', '/v1/me/phone-numbers', { token: t['ada'] });
    expect(mine.body.items.map((i: { number: string }) => i.number)).toEqual([n(7)]);

    expect((await call('POST', at(2, 'deactivate'), { token: t['operator'] })).status).toBe(200);
    expect((await call('POST', at(7, 'deactivate'), { token: t['operator'] })).body).toMatchObject({ rule: 'NUMBER_ASSIGNED' });
    await eventually(async () => {
      const routing = await call('GET', num(2, 'routing'), { token: t['acme'] });
      expect(routing.body).toMatchObject({ status: 'reserved', routing: { type: 'none' } });
      const fax = await call('GET', num(2, 'fax'), { token: t['acme'] });
      expect(fax.body).toMatchObject({ settings: null, mode: 'off' });
      const callerIds = await call('GET', '/v1/occupiers/acme/fax-caller-ids', { token: t['acme'] });
      expect(callerIds.body.numbers.map((x: { number: string }) => x.number)).toEqual([n(6)]);
    });

    const assignmentEvents = await published(p, 'assignment');
    expect(new Set(assignmentEvents)).toEqual(
      new Set([
        'UserRegistered',
        'AccountFeaturesSet',
        'DestinationCreated',
        'GreetingUploaded',
        'NumberLifecycleObserved',
        'NumberRouted',
        'DestinationReferenced',
        'UserReferenced',
        'NumberUserAssignmentRequested',
        'UserNumberClaimed',
        'NumberUserAssigned',
        'NumberDisplayNameSet',
        'NumberRoutingCleared',
        'DestinationReleased',
      ]),
    );
    const faxEvents = await published(p, 'fax');
    expect(faxEvents).toEqual(
      expect.arrayContaining(['FaxNumberObserved', 'FaxRoutingObserved', 'FaxSettingsConfigured', 'FaxSettingsCleared']),
    );
  });
});

/** Reads every message of a service's JetStream stream once its stored events have all been published. */
const published = async (platform: Platform, service: 'assignment' | 'fax'): Promise<string[]> => {
  const harness = service === 'assignment' ? platform.assignment : platform.fax;
  const stored = await harness.service.store.readAll({ maxCount: 100_000 });
  expect(stored.length).toBeGreaterThan(0);
  const name = jetStreamNameFor(service, harness.config.NATS_SUBJECT_PREFIX);
  const jsm = await jetstreamManager(harness.nc);
  await eventually(async () => expect((await jsm.streams.info(name)).state.messages).toBe(stored.length), { timeoutMs: 15_000 });
  await jsm.consumers.add(name, { durable_name: `e2e-${service}`, deliver_policy: DeliverPolicy.All, ack_policy: AckPolicy.Explicit });
  const consumer = await jetstream(harness.nc).consumers.get(name, `e2e-${service}`);
  const types: string[] = [];
  for await (const message of await consumer.fetch({ max_messages: stored.length, expires: 3000 })) {
    types.push(receivedEvent(message.json<CloudEvent>()).type);
    message.ack();
    if (types.length === stored.length) break;
  }
  expect(types).toEqual(stored.map((e) => e.type));
  return types;
};
