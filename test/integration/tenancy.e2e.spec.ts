import { eventually } from '@tnp/testing';
import type { Role } from '../../services/gateway/src/auth/principal';
import { routeCatalogue } from '../../services/gateway/src/gateway.app';
import type { ServiceClient } from '../../services/gateway/src/http/nats-client';
import { startPlatform, type Call, type Platform } from './support/platform-harness';

/**
 * Tenancy, generated from the gateway's route catalogue: every route, for every tenant-bound role,
 * against a resource of the caller's own tenant and of another tenant. A route added without a
 * fixture here fails the suite.
 */

type Tenant = {
  readonly key: 'a' | 'b';
  readonly site: string;
  readonly occupier: string;
  readonly user: string;
  readonly number: (i: number) => string;
};

const tenant = (key: 'a' | 'b', base: string): Tenant => ({
  key,
  site: `ten-${key}`,
  occupier: `occ-${key}`,
  user: `user-${key}`,
  number: (i) => `+44207946${base}${i}`,
});
const A = tenant('a', '55');
const B = tenant('b', '66');

/** Numbers: 0 routing, display name, fax; 1 handset; 2 the extension's; 3 service number; 4 reserved; 5 the user's; 6 available; 7 reserved, to deallocate. */
const enc = encodeURIComponent;
const num = (t: Tenant, i: number, suffix = '') => `/v1/numbers/${enc(t.number(i))}${suffix}`;
const atSite = (t: Tenant, i: number, action: string) => `/v1/sites/${t.site}/numbers/${enc(t.number(i))}/${action}`;
const occ = (t: Tenant, suffix: string) => `/v1/occupiers/${t.occupier}${suffix}`;
const ext = (t: Tenant, suffix = '') => `/v1/extensions/ext-${t.key}${suffix}`;
const sn = (t: Tenant, suffix = '') => `/v1/service-numbers/${enc(t.number(3))}${suffix}`;
const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(256)]);
const mp3 = Buffer.concat([Buffer.from('ID3'), Buffer.from([3, 0, 0, 0, 0, 0, 0]), Buffer.alloc(512, 0xff)]);
const later = { date: '2031-03-01', time: '09:00' };

type Request = {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly raw?: Buffer;
  readonly contentType?: string;
};

/** For each operation: a request that acts on tenant t's own resource. Destructive ones act on resources kept for them. */
const fixtures: Record<string, (t: Tenant) => Omit<Request, 'method'>> = {
  provisionNumbers: (t) => ({
    path: `/v1/sites/${t.site}/numbers/provision`,
    body: { rangeName: 'X', range: { start: t.number(8), end: t.number(9) } },
  }),
  allocateNumber: (t) => ({ path: atSite(t, 6, 'allocate'), body: { owner: { type: 'occupier', occupierId: t.occupier } } }),
  deallocateNumber: (t) => ({ path: atSite(t, 7, 'deallocate') }),
  activateNumber: (t) => ({ path: atSite(t, 4, 'activate') }),
  deactivateNumber: (t) => ({ path: atSite(t, 4, 'deactivate') }),
  nominateMainNumber: (t) => ({ path: atSite(t, 4, 'main-number') }),
  removeMainNumberNomination: (t) => ({ path: atSite(t, 4, 'main-number') }),
  lockNumber: (t) => ({ path: atSite(t, 9, 'lock'), body: { reason: 'test' } }),
  unlockNumber: (t) => ({ path: atSite(t, 9, 'lock') }),
  allocateNumbers: (t) => ({ path: `/v1/sites/${t.site}/allocations`, body: { occupierId: t.occupier, count: 1 } }),
  configureSite: (t) => ({ path: `/v1/sites/${t.site}/settings`, body: { coolingOffDays: 0 } }),
  addVoiceServices: (t) => ({ path: `/v1/sites/${t.site}/occupiers/${t.occupier}/voice-services`, body: {} }),
  removeVoiceServices: (t) => ({ path: `/v1/sites/${t.site}/occupiers/${t.occupier}/voice-services` }),
  getVoiceServices: (t) => ({ path: `/v1/sites/${t.site}/occupiers/${t.occupier}/voice-services` }),
  listOccupierUsers: (t) => ({ path: `/v1/occupiers/${t.occupier}/users` }),
  listOccupierDestinations: (t) => ({ path: `/v1/occupiers/${t.occupier}/destinations?kind=route` }),
  listOccupierExtensions: (t) => ({ path: `/v1/occupiers/${t.occupier}/extensions` }),
  setTimeZone: (t) => ({ path: occ(t, '/time-zone'), body: { timeZone: 'Europe/Paris' } }),
  setDeviceLicences: (t) => ({
    path: occ(t, '/device-licences'),
    body: { licences: { 'ip-phone': 3, 'mobile-app': 3, 'desktop-app': 3 } },
  }),
  getDeviceLicences: (t) => ({ path: occ(t, '/device-licences') }),
  defineOutboundRule: (t) => ({ path: occ(t, '/outbound-rules/staff'), body: { name: 'Staff', permits: ['internal'] } }),
  listOutboundRules: (t) => ({ path: occ(t, '/outbound-rules') }),
  uploadAnnouncement: (t) => ({ path: occ(t, '/announcements/after-hours'), raw: mp3, contentType: 'audio/mpeg' }),
  recordUsage: (t) => ({
    path: occ(t, `/extensions/ext-${t.key}/usage`),
    body: { callId: `cdr-${t.key}`, minutes: 1, endedAt: new Date().toISOString() },
  }),
  getExtensionUsage: (t) => ({ path: occ(t, `/extensions/ext-${t.key}/usage`) }),
  recordAnsweredDevice: (t) => ({ path: occ(t, `/extensions/ext-${t.key}/answered-device`), body: { device: 'ip-phone' } }),
  recordAutoProvisioning: (t) => ({
    path: occ(t, `/extensions/ext-${t.key}/auto-provisioning`),
    body: { deviceName: 'Poly VVX 450', mac: '64:16:7F:12:34:56' },
  }),
  requestCallerId: (t) => ({ path: ext(t, '/caller-id-requests'), body: { number: '+442071239999' } }),
  bulkChangeNumbers: (t) => ({
    path: `/v1/sites/${t.site}/numbers/bulk`,
    body: { action: 'activate', numbers: [t.number(7)], dryRun: true },
  }),
  importNumbers: (t) => ({
    path: `/v1/sites/${t.site}/numbers/import?dryRun=true`,
    raw: Buffer.from(`number,status\n${t.number(7)},active`),
    contentType: 'text/csv',
  }),
  listOccupierCallFlows: (t) => ({ path: `/v1/occupiers/${t.occupier}/call-flows` }),
  nameOccupier: (t) => ({ path: `/v1/occupiers/${t.occupier}/name`, body: { name: 'Named by the platform' } }),
  listSiteNumbers: (t) => ({ path: `/v1/sites/${t.site}/numbers` }),
  downloadSiteNumbers: (t) => ({ path: `/v1/sites/${t.site}/numbers.csv` }),
  getNumber: (t) => ({ path: num(t, 0) }),
  getNumberHistory: (t) => ({ path: num(t, 0, '/history') }),
  downloadNumberHistory: (t) => ({ path: num(t, 0, '/history.csv') }),
  getNumberStateAt: (t) => ({ path: num(t, 0, `/state?at=${encodeURIComponent(new Date().toISOString())}`) }),
  listOccupierNumbers: (t) => ({ path: occ(t, '/numbers') }),

  routeNumber: (t) => ({ path: num(t, 0, '/routing'), body: { destination: { type: 'route', destinationId: `dest-${t.key}` } } }),
  assignUser: (t) => ({ path: num(t, 5, '/user'), body: { userId: t.user } }),
  unassignUser: (t) => ({ path: num(t, 5, '/user') }),
  setDisplayName: (t) => ({ path: num(t, 0, '/display-name'), body: { first: 'Reception' } }),
  clearDisplayName: (t) => ({ path: num(t, 0, '/display-name') }),
  getRouting: (t) => ({ path: num(t, 0, '/routing') }),
  setAccountFeatures: (t) => ({ path: occ(t, '/features'), body: { conferenceBridge: true } }),
  createDestination: (t) => ({ path: occ(t, '/destinations'), body: { destinationId: 'dest-new', kind: 'route', name: 'New' } }),
  renameDestination: (t) => ({ path: occ(t, `/destinations/dest-${t.key}`), body: { name: 'Renamed' } }),
  removeDestination: (t) => ({ path: occ(t, `/destinations/dest-spare-${t.key}`) }),
  registerUser: (t) => ({ path: occ(t, '/users'), body: { userId: 'user-new', firstName: 'New', lastName: 'User' } }),
  renameUser: (t) => ({ path: occ(t, `/users/${t.user}`), body: { firstName: 'Ada', lastName: 'King' } }),
  removeUser: (t) => ({ path: occ(t, `/users/spare-${t.key}`) }),
  uploadGreeting: (t) => ({ path: occ(t, '/greetings/welcome'), raw: wav, contentType: 'audio/wav' }),
  listOccupierPhoneNumbers: (t) => ({ path: occ(t, '/phone-numbers') }),
  listMyPhoneNumbers: () => ({ path: '/v1/me/phone-numbers' }),

  configureFax: (t) => ({ path: num(t, 0, '/fax'), body: { settings: { outboundCallerId: true } } }),
  clearFax: (t) => ({ path: num(t, 0, '/fax') }),
  getFaxSettings: (t) => ({ path: num(t, 0, '/fax') }),
  listFaxCallerIds: (t) => ({ path: occ(t, '/fax-caller-ids') }),

  createExtension: (t) => ({
    path: occ(t, '/extensions'),
    body: { extensionId: 'ext-new', key: '299', label: 'New', assignee: { userId: t.user } },
  }),
  updateExtensionInfo: (t) => ({ path: ext(t, '/info'), body: { label: 'Desk' } }),
  changePin: (t) => ({ path: ext(t, '/pin'), body: { currentPin: '000000', newPin: '482915' } }),
  verifyPin: (t) => ({ path: ext(t, '/pin/verify'), body: { pin: '000000' } }),
  resetPin: (t) => ({ path: ext(t, '/pin/reset') }),
  activateDevice: (t) => ({ path: ext(t, '/devices/ip-phone'), body: { deviceId: `phone-${t.key}` } }),
  deactivateDevice: (t) => ({ path: ext(t, '/devices/ip-phone') }),
  configureExtension: (t) => ({ path: ext(t, '/settings'), body: { callWaiting: false } }),
  getExtension: (t) => ({ path: ext(t) }),
  loginHandset: (t) => ({ path: num(t, 1, '/handset'), body: { phoneId: `PH-${t.key}`, evict: true } }),
  logoutHandset: (t) => ({ path: num(t, 1, '/handset') }),
  listSiteHandsets: (t) => ({ path: `/v1/sites/${t.site}/handsets` }),
  myProfile: () => ({ path: '/v1/me/profile' }),

  defineCallFlow: (t) => ({ path: '/v1/call-flows', body: { flowId: 'flow-new', tenant: t.occupier, name: 'New' } }),
  changeCallFlow: (t) => ({ path: `/v1/call-flows/flow-${t.key}`, body: { name: 'Open hours', parameters: [] } }),
  deleteCallFlow: (t) => ({ path: `/v1/call-flows/flow-spare-${t.key}` }),
  designateServiceNumber: (t) => ({ path: num(t, 3, '/service-number'), body: { name: 'Sales line' } }),
  describeServiceNumber: (t) => ({ path: sn(t), body: { name: 'Sales', description: 'Front desk' } }),
  assignFlow: (t) => ({ path: sn(t, '/flow'), body: { flowId: `flow-${t.key}` } }),
  scheduleFlowSwitch: (t) => ({
    path: sn(t, '/scheduled-switches'),
    body: { scheduleId: 'sched-new', at: later, timeZone: 'Europe/London', flowId: `flow-${t.key}` },
  }),
  rescheduleFlowSwitch: (t) => ({
    path: sn(t, '/scheduled-switches/sched-1'),
    body: { at: { date: '2031-04-01', time: '10:00' }, timeZone: 'Europe/London' },
  }),
  cancelFlowSwitch: (t) => ({ path: sn(t, '/scheduled-switches/sched-spare') }),
  setWeeklySchedule: (t) => ({ path: sn(t, '/weekly-schedule'), body: { schedule: null } }),
  overrideFlow: (t) => ({ path: sn(t, '/override'), body: { flowId: `flow-${t.key}`, until: 'cleared' } }),
  clearOverride: (t) => ({ path: sn(t, '/override') }),
  listServiceNumbers: (t) => ({ path: occ(t, '/service-numbers') }),
  serviceNumberTimeline: (t) => ({ path: sn(t, '/timeline') }),
};

/** Routes with no resource named by the request: they act on the caller itself. */
const SELF_ROUTES = new Set(['listMyPhoneNumbers', 'myProfile']);

const catalogue = routeCatalogue({} as ServiceClient, '').map((r) => ({
  operationId: r.operationId,
  method: r.method,
  roles: r.roles,
}));
const TENANT_ROLES: readonly Exclude<Role, 'platform'>[] = ['operator', 'occupier-admin', 'user'];

let p: Platform;
const tokens: Record<string, string> = {};
const tokenOf = (role: Role, t: Tenant) => tokens[`${role}:${t.key}`] ?? '';
const actorId = (role: Role, t: Tenant) => (role === 'user' ? t.user : `${role}-${t.key}`);

const send = (token: string, request: Request): Promise<Call> =>
  p.call(request.method, request.path, {
    token,
    ...(request.raw ? { raw: request.raw, contentType: request.contentType ?? 'application/octet-stream' } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
  });

const ok = async (token: string, method: string, path: string, body?: unknown): Promise<Call> =>
  eventually(
    async () => {
      const reply = await send(token, { method, path, body });
      if (reply.status >= 300) throw new Error(`${method} ${path}: ${reply.status} ${reply.text.slice(0, 300)}`);
      return reply;
    },
    { timeoutMs: 20_000 },
  );

/** Each tenant: an occupier based at its own site, with numbers, users, destinations, an extension, flows and a service number. */
const buildTenant = async (t: Tenant): Promise<void> => {
  const platform = tokens['platform'] ?? '';
  const operator = tokenOf('operator', t);
  const admin = tokenOf('occupier-admin', t);
  await ok(platform, 'POST', `/v1/sites/${t.site}/numbers/provision`, {
    rangeName: t.site,
    range: { start: t.number(0), end: t.number(7) },
  });
  await ok(platform, 'POST', `/v1/sites/${t.site}/numbers/provision`, {
    rangeName: `${t.site}-lock`,
    range: { start: t.number(9), end: t.number(9) },
  });
  for (const i of [0, 1, 2, 3, 4, 5, 7]) {
    await ok(operator, 'POST', atSite(t, i, 'allocate'), { owner: { type: 'occupier', occupierId: t.occupier } });
    if (i !== 4 && i !== 7) await ok(operator, 'POST', atSite(t, i, 'activate'));
  }
  for (const userId of [t.user, `spare-${t.key}`])
    await ok(admin, 'POST', occ(t, '/users'), { userId, firstName: 'Test', lastName: userId });
  for (const destinationId of [`dest-${t.key}`, `dest-spare-${t.key}`])
    await ok(admin, 'POST', occ(t, '/destinations'), { destinationId, kind: 'route', name: destinationId });
  await ok(operator, 'PUT', occ(t, '/device-licences'), { licences: { 'ip-phone': 2, 'mobile-app': 2, 'desktop-app': 2 } });
  await ok(admin, 'POST', occ(t, '/extensions'), {
    extensionId: `ext-${t.key}`,
    key: '201',
    label: 'Desk',
    assignee: { userId: t.user },
    number: t.number(2),
  });
  await ok(admin, 'PUT', num(t, 1, '/handset'), { phoneId: `PH-${t.key}` });
  for (const flowId of [`flow-${t.key}`, `flow-spare-${t.key}`])
    await ok(admin, 'POST', '/v1/call-flows', { flowId, tenant: t.occupier, name: flowId, parameters: [] });
  await ok(operator, 'PUT', num(t, 3, '/service-number'), { name: 'Sales' });
  await ok(admin, 'PUT', sn(t, '/flow'), { flowId: `flow-${t.key}` });
  for (const scheduleId of ['sched-1', 'sched-spare'])
    await ok(admin, 'POST', sn(t, '/scheduled-switches'), { scheduleId, at: later, timeZone: 'Europe/London', flowId: `flow-${t.key}` });
  await ok(admin, 'PUT', num(t, 0, '/fax'), { settings: { outboundCallerId: true } });
};

/** Events appended by the given principals since a position, in every service's store. */
const eventsBy = async (principalIds: readonly string[], after: Record<string, number>): Promise<string[]> => {
  const found: string[] = [];
  for (const [schema, position] of Object.entries(after)) {
    const rows = (await p.inventory.db.query(
      `SELECT stream_id, event_type FROM ${schema}.events WHERE global_position > $1 AND metadata->>'principalId' = ANY($2)`,
      [position, principalIds],
    )) as { stream_id: string; event_type: string }[];
    found.push(...rows.map((r) => `${schema}: ${r.stream_id} ${r.event_type}`));
  }
  return found;
};

const heads = async (): Promise<Record<string, number>> => {
  const schemas = (await p.inventory.db.query(
    `SELECT table_schema FROM information_schema.tables WHERE table_name = 'events' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  )) as { table_schema: string }[];
  const result: Record<string, number> = {};
  for (const { table_schema: schema } of schemas) {
    const [row] = (await p.inventory.db.query(`SELECT coalesce(max(global_position), 0) AS head FROM ${schema}.events`)) as {
      head: string;
    }[];
    result[schema] = Number(row?.head ?? 0);
  }
  return result;
};

beforeAll(async () => {
  p = await startPlatform('e2e_tenancy');
  tokens['platform'] = await p.token({ sub: 'essensys', role: 'platform' });
  for (const t of [A, B]) {
    tokens[`operator:${t.key}`] = await p.token({ sub: actorId('operator', t), role: 'operator', sites: [t.site] });
    tokens[`occupier-admin:${t.key}`] = await p.token({
      sub: actorId('occupier-admin', t),
      role: 'occupier-admin',
      occupierId: t.occupier,
    });
    tokens[`user:${t.key}`] = await p.token({ sub: t.user, role: 'user', occupierId: t.occupier });
  }
  await buildTenant(A);
  await buildTenant(B);
}, 180_000);

afterAll(async () => {
  await p?.stop();
});

describe('tenancy per action, for every route in the catalogue', () => {
  test('every route has a fixture', () => {
    expect(catalogue.map((r) => r.operationId).filter((id) => !(id in fixtures))).toEqual([]);
  });

  test("no role of tenant A reaches tenant B's resources, and nothing is written by trying", async () => {
    const before = await heads();
    const wrong: string[] = [];
    for (const route of catalogue) {
      if (SELF_ROUTES.has(route.operationId)) continue;
      const fixture = fixtures[route.operationId];
      if (!fixture) continue;
      for (const role of TENANT_ROLES) {
        const reply = await send(tokenOf(role, A), { method: route.method, ...fixture(B) });
        const expected = route.roles.includes(role) ? 404 : 403;
        if (reply.status !== expected)
          wrong.push(`${role} ${route.operationId}: ${reply.status} ${reply.text.slice(0, 160)} (expected ${expected})`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await eventsBy([...TENANT_ROLES.map((r) => actorId(r, A))], before)).toEqual([]);
  }, 120_000);

  test('each role reaches its own tenant through exactly the routes that name it', async () => {
    const wrong: string[] = [];
    for (const route of catalogue) {
      const fixture = fixtures[route.operationId];
      if (!fixture) continue;
      for (const role of TENANT_ROLES) {
        const reply = await send(tokenOf(role, A), { method: route.method, ...fixture(A) });
        const allowed = route.roles.includes(role);
        // Allowed: done, or refused by a business rule of the resource (never hidden, never invalid).
        const fine = allowed
          ? reply.status < 300 || (reply.status === 409 && reply.body?.code !== 'CONCURRENCY_CONFLICT')
          : reply.status === 403;
        if (!fine) wrong.push(`${role} ${route.operationId}: ${reply.status} ${reply.text.slice(0, 160)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  test("tenant-owned identifiers neither collide with nor reveal another tenant's", async () => {
    const adminB = tokenOf('occupier-admin', B);
    // Tenant A takes each id first; tenant B then creates its own under the same id.
    for (const [path, body] of [
      [occ(B, '/destinations'), { destinationId: 'dest-shared', kind: 'route', name: 'B' }],
      [occ(B, '/users'), { userId: 'user-shared', firstName: 'B', lastName: 'B' }],
      ['/v1/call-flows', { flowId: 'flow-shared', tenant: B.occupier, name: 'B', parameters: [] }],
    ] as const) {
      const adminA = tokenOf('occupier-admin', A);
      const forA = path === '/v1/call-flows' ? { ...body, tenant: A.occupier } : body;
      await ok(adminA, 'POST', path.replace(`/${B.occupier}/`, `/${A.occupier}/`), forA);
      const reply = await send(adminB, { method: 'POST', path, body });
      expect({ path, status: reply.status, body: reply.body }).toMatchObject({ status: 200 });
    }
    await ok(adminB, 'POST', occ(B, '/users'), { userId: 'user-ext', firstName: 'B', lastName: 'B' });
    await ok(tokenOf('occupier-admin', A), 'POST', occ(A, '/users'), { userId: 'user-ext', firstName: 'A', lastName: 'A' });
    await ok(tokenOf('occupier-admin', A), 'POST', occ(A, '/extensions'), {
      extensionId: 'ext-shared',
      key: '250',
      label: 'A',
      assignee: { userId: 'user-ext' },
    });
    const second = await send(adminB, {
      method: 'POST',
      path: occ(B, '/extensions'),
      body: { extensionId: 'ext-shared', key: '250', label: 'B', assignee: { userId: 'user-ext' } },
    });
    expect(second.status).toBe(200);
  }, 60_000);
});

describe('shared sites', () => {
  test("an occupier admin cannot evict another occupier's handset login at a site they share", async () => {
    // Both occupiers are based at one site; B's number is logged in to a phone.
    const site = 'ten-shared';
    const a = (i: number) => `+44207946770${i}`;
    const b = (i: number) => `+44207946771${i}`;
    const operator = await p.token({ sub: 'operator-shared', role: 'operator', sites: [site] });
    await ok(tokens['platform'] ?? '', 'POST', `/v1/sites/${site}/numbers/provision`, {
      rangeName: 'S',
      range: { start: a(0), end: b(9) },
    });
    for (const [number, occupier] of [
      [a(0), A.occupier],
      [b(0), B.occupier],
    ] as const) {
      await ok(operator, 'POST', `/v1/sites/${site}/numbers/${enc(number)}/allocate`, {
        owner: { type: 'occupier', occupierId: occupier },
      });
      await ok(operator, 'POST', `/v1/sites/${site}/numbers/${enc(number)}/activate`);
    }
    await ok(tokenOf('occupier-admin', B), 'PUT', `/v1/numbers/${enc(b(0))}/handset`, { phoneId: 'PH-LOBBY' });
    const evicting = await eventually(
      async () => {
        const reply = await send(tokenOf('occupier-admin', A), {
          method: 'PUT',
          path: `/v1/numbers/${enc(a(0))}/handset`,
          body: { phoneId: 'PH-LOBBY', evict: true },
        });
        expect(reply.status).not.toBe(404);
        return reply;
      },
      { timeoutMs: 20_000 },
    );
    expect(evicting.body).toMatchObject({ rule: 'HANDSET_IN_USE' });
    expect(JSON.stringify(evicting.body)).not.toContain(b(0));
    // The site's handset list is a read model: it shows B's login once it has caught up.
    await eventually(async () => {
      const handsets = await send(operator, { method: 'GET', path: `/v1/sites/${site}/handsets` });
      expect(JSON.stringify(handsets.body)).toContain(b(0));
    });
  }, 60_000);
});
