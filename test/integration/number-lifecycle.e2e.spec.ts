import { jetstream, jetstreamManager, DeliverPolicy } from '@nats-io/jetstream';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { startTracing } from '@tnp/platform';
import { receivedEvent, type CloudEvent } from '@tnp/messaging';
import Ajv2020 from 'ajv/dist/2020';
import { eventually } from '@tnp/testing';
import { mintToken } from '../../services/gateway/src/auth/jwt';
import type { Gateway } from '../../services/gateway/src/gateway.app';
import { E2E_JWT, startTestGateway } from './support/test-gateway';
import { jetStreamNameFor } from '@tnp/service-runtime';
import { startHarness, type Harness } from '../../services/number-inventory/test/number-inventory-harness';

const SITE = 'lon-1';
const START = 442071230000;
const number = (i: number) => `+${START + i}`;

const spans = new InMemorySpanExporter();
let stopTracing: () => Promise<void>;
let inventory: Harness;
let gateway: Gateway;
let base: string;
const tokens: Record<string, string> = {};

const jwt = E2E_JWT;

beforeAll(async () => {
  stopTracing = startTracing({ serviceName: 'e2e', extraSpanProcessors: [new SimpleSpanProcessor({ exporter: spans })] });
  inventory = await startHarness('e2e');
  gateway = await startTestGateway(inventory);
  base = await gateway.url();
  tokens['platform'] = await mintToken({ sub: 'essensys', role: 'platform' }, jwt);
  tokens['operator'] = await mintToken({ sub: 'op-1', role: 'operator', sites: [SITE] }, jwt);
  tokens['otherOperator'] = await mintToken({ sub: 'op-2', role: 'operator', sites: ['man-1'] }, jwt);
  tokens['acmeAdmin'] = await mintToken({ sub: 'acme-admin', role: 'occupier-admin', occupierId: 'acme' }, jwt);
});

afterAll(async () => {
  await gateway?.stop();
  await inventory?.stop();
  await stopTracing?.();
});

type Call = { status: number; body: any; headers: Headers; text: string };
const call = async (
  method: string,
  path: string,
  options: { as?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Call> => {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.as ? { authorization: `Bearer ${tokens[options.as]}` } : {}),
      ...(options.body !== undefined || options.raw !== undefined ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    ...(options.raw !== undefined ? { body: options.raw } : options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // CSV and other text bodies stay as text.
  }
  return { status: response.status, body, headers: response.headers, text };
};
const path = (n: number, action: string) => `/v1/sites/${SITE}/numbers/${encodeURIComponent(number(n))}/${action}`;

describe('number lifecycle through the REST API', () => {
  test('the whole lifecycle, with every refusal answering its rule code', async () => {
    const provisioned = await call('POST', `/v1/sites/${SITE}/numbers/provision`, {
      as: 'platform',
      body: {
        rangeName: 'London main',
        range: { start: number(0), end: number(99) },
        extFromLastDigits: 3,
        portedIn: true,
        portedFrom: 'BT',
      },
    });
    expect(provisioned.status).toBe(200);
    expect(provisioned.body).toMatchObject({ status: 'COMPLETE', provisioned: 100, skipped: 0, failed: 0 });
    expect(provisioned.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);

    await call('PUT', path(90, 'lock'), { as: 'platform', body: { reason: 'remote access voicemail' } });
    expect(
      (await call('POST', path(1, 'allocate'), { as: 'operator', body: { owner: { type: 'occupier', occupierId: 'acme' } } })).status,
    ).toBe(200);
    expect((await call('PUT', path(1, 'main-number'), { as: 'operator' })).status).toBe(200);
    expect(
      (await call('POST', path(2, 'allocate'), { as: 'operator', body: { owner: { type: 'occupier', occupierId: 'acme' } } })).status,
    ).toBe(200);
    expect((await call('POST', path(1, 'activate'), { as: 'operator' })).status).toBe(200);
    expect((await call('POST', path(3, 'allocate'), { as: 'operator', body: { owner: { type: 'operator' } } })).status).toBe(200);

    const refusals: [string, string, unknown, number, string, string][] = [
      ['POST', path(90, 'allocate'), { owner: { type: 'operator' } }, 409, 'RULE_VIOLATED', 'NUMBER_LOCKED'],
      ['POST', path(1, 'allocate'), { owner: { type: 'occupier', occupierId: 'globex' } }, 409, 'INVALID_TRANSITION', 'NOT_AVAILABLE'],
      ['POST', path(4, 'activate'), undefined, 409, 'INVALID_TRANSITION', 'NOT_ALLOCATED'],
      ['POST', path(1, 'deallocate'), undefined, 409, 'INVALID_TRANSITION', 'NUMBER_IN_SERVICE'],
      ['POST', path(4, 'deactivate'), undefined, 409, 'INVALID_TRANSITION', 'NOT_ACTIVE'],
      ['PUT', path(2, 'main-number'), undefined, 409, 'RULE_VIOLATED', 'OWNER_HAS_MAIN_NUMBER'],
      ['DELETE', path(1, 'main-number'), undefined, 409, 'INVALID_TRANSITION', 'NUMBER_IN_SERVICE'],
    ];
    for (const [method, url, body, status, code, rule] of refusals) {
      const response = await call(method, url, { as: 'operator', ...(body ? { body } : {}) });
      expect({ url, status: response.status, code: response.body.code, rule: response.body.rule }).toEqual({ url, status, code, rule });
    }

    // The ASSIGNED rule: assignment arrives from its own service; here it is marked over NATS.
    await inventory.command('mark-number-assigned', { siteId: SITE, number: number(1), userId: 'user-7' });
    const assigned = await call('POST', path(1, 'deactivate'), { as: 'operator' });
    expect(assigned.body).toMatchObject({ code: 'INVALID_TRANSITION', rule: 'NUMBER_ASSIGNED' });
    await inventory.command('mark-number-unassigned', { siteId: SITE, number: number(1) });

    const deactivated = await call('POST', path(1, 'deactivate'), { as: 'operator' });
    expect(deactivated.status).toBe(200);
    expect((await call('POST', path(1, 'deactivate'), { as: 'operator' })).body.eventIds).toEqual([]);
    expect((await call('POST', path(1, 'deallocate'), { as: 'operator' })).status).toBe(200);

    const coolingOff = await call('POST', path(1, 'allocate'), {
      as: 'operator',
      body: { owner: { type: 'occupier', occupierId: 'globex' } },
    });
    expect(coolingOff.body).toMatchObject({ code: 'RULE_VIOLATED', rule: 'IN_COOLING_OFF' });

    await eventually(async () => {
      const list = await call('GET', `/v1/sites/${SITE}/numbers?status=RESERVED`, { as: 'operator' });
      expect(list.body.items.map((n: { number: string }) => n.number)).toEqual([number(2), number(3)]);
    });
    const one = await call('GET', `/v1/sites/${SITE}/numbers?search=${String(START + 1).slice(-4)}`, { as: 'operator' });
    expect(one.body.items).toEqual([
      expect.objectContaining({
        number: number(1),
        status: 'AVAILABLE',
        isMain: true,
        ext: '001',
        rangeName: 'London main',
        coolingOffUntil: expect.any(String),
        allocatedTo: null,
      }),
    ]);
    const page = await call('GET', `/v1/sites/${SITE}/numbers?pageSize=10&page=2`, { as: 'operator' });
    expect(page.body).toMatchObject({ total: 100, page: 2, pageSize: 10, statusesPresent: ['AVAILABLE', 'RESERVED'] });
    expect(page.body.items[0].number).toBe(number(10));
    const byOccupier = await call('GET', `/v1/sites/${SITE}/numbers?occupierId=acme`, { as: 'operator' });
    expect(byOccupier.body.items.map((n: { number: string }) => n.number)).toEqual([number(2)]);
    const unallocated = await call('GET', `/v1/sites/${SITE}/numbers?allocation=unallocated&pageSize=1`, { as: 'operator' });
    expect(unallocated.body.total).toBe(98);

    // Whom a number is allocated to shows as the organisation's name once the platform names it.
    expect((await call('PUT', '/v1/occupiers/acme/name', { as: 'platform', body: { name: 'Acme Ltd' } })).status).toBe(200);
    await eventually(async () => {
      const reserved = await call('GET', `/v1/sites/${SITE}/numbers?status=RESERVED`, { as: 'operator' });
      expect(reserved.body.items.map((n: { allocatedTo: unknown }) => n.allocatedTo)).toEqual([
        { type: 'occupier', occupierId: 'acme', name: 'Acme Ltd' },
        { type: 'operator' },
      ]);
    });
    const csv = await call('GET', `/v1/sites/${SITE}/numbers.csv?status=RESERVED`, { as: 'operator' });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.trim().split('\r\n')).toEqual([
      'Phone number,EXT,Status,Allocated to,Cooling off date,Main number,Range name,Locked',
      `${number(2)},002,RESERVED,Acme Ltd,,,London main,`,
      `${number(3)},003,RESERVED,Operator,,,London main,`,
    ]);
    const fullCsv = await call('GET', `/v1/sites/${SITE}/numbers.csv`, { as: 'operator' });
    expect(fullCsv.text.trim().split('\r\n')).toHaveLength(101);

    const mine = await call('GET', '/v1/occupiers/acme/numbers', { as: 'acmeAdmin' });
    expect(mine.body.sites).toEqual([{ siteId: SITE, numbers: [expect.objectContaining({ number: number(2) })] }]);

    const wire = await collectPublished(inventory, 100 + 9);
    // Each event's data is what the JSON Schema its dataschema names (served by the gateway) allows.
    const ajv = new Ajv2020({ strict: false });
    for (const schemaUrl of new Set(wire.map((e) => e.dataschema ?? ''))) {
      const validate = ajv.compile((await call('GET', new URL(schemaUrl).pathname)).body);
      const refused = wire.filter((e) => e.dataschema === schemaUrl && !validate(e.data));
      expect(refused.map((e) => `${e.type} ${JSON.stringify(e.data)}`)).toEqual([]);
    }
    expect(wire.find((e) => e.type.endsWith('.NumberActivated.v1'))?.type).toBe('com.telephony.number-inventory.NumberActivated.v1');
    const published = wire.map(receivedEvent);
    expect(published.filter((e) => e.type === 'NumberProvisioned')).toHaveLength(100);
    expect(published.filter((e) => e.type === 'NumberActivated')).toEqual([
      expect.objectContaining({
        specversion: '1.0',
        subject: `number-${number(1)}`,
        data: expect.objectContaining({ owner: { type: 'occupier', occupierId: 'acme' } }),
      }),
    ]);
    expect(published.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'NumberLocked',
        'NumberAllocated',
        'MainNumberNominated',
        'MainNumberClaimed',
        'NumberDeactivated',
        'NumberDeallocated',
        'MainNumberReleased',
      ]),
    );
    // The number cooling off: its previous owner cannot have it back either, unless the site lets previous owners reclaim (off by default).
    const byPreviousOwner = () =>
      call('POST', path(1, 'allocate'), { as: 'operator', body: { owner: { type: 'occupier', occupierId: 'acme' } } });
    expect((await byPreviousOwner()).body).toMatchObject({ code: 'RULE_VIOLATED', rule: 'IN_COOLING_OFF' });
    const reclaiming = await call('PUT', `/v1/sites/${SITE}/settings`, {
      as: 'platform',
      body: { coolingOffDays: 90, previousOwnerMayReclaim: true },
    });
    expect(reclaiming.status).toBe(200);
    expect((await byPreviousOwner()).status).toBe(200);
  });

  test('one trace follows a command from HTTP through NATS, the handler, the event store, the relay and the projection', async () => {
    const response = await call('POST', path(30, 'allocate'), { as: 'operator', body: { owner: { type: 'operator' } } });
    const traceId = response.headers.get('x-trace-id');
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    await eventually(() => {
      const names = spans
        .getFinishedSpans()
        .filter((s) => s.spanContext().traceId === traceId)
        .map((s) => s.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'HTTP POST /v1/sites/{siteId}/numbers/{number}/allocate',
          'command AllocateNumber',
          'eventstore commit',
          'relay publish NumberAllocated',
          'project site-telephony',
        ]),
      );
    });
  });

  test('tenancy: operators act on their own sites only, occupier admins on their own numbers only', async () => {
    expect((await call('GET', `/v1/sites/${SITE}/numbers`)).status).toBe(401);
    expect((await call('GET', `/v1/sites/${SITE}/numbers`, { headers: { authorization: 'Bearer not-a-token' } })).body.code).toBe(
      'UNAUTHENTICATED',
    );
    // Another tenant's site or company is not revealed (404); a route not open to the role is refused (403).
    expect((await call('GET', `/v1/sites/${SITE}/numbers`, { as: 'otherOperator' })).status).toBe(404);
    expect(
      (await call('POST', `/v1/sites/${SITE}/numbers/provision`, { as: 'operator', body: { rangeName: 'x', numbers: [number(500)] } }))
        .status,
    ).toBe(403);
    expect((await call('GET', '/v1/occupiers/globex/numbers', { as: 'acmeAdmin' })).status).toBe(404);
    expect((await call('GET', `/v1/numbers/${encodeURIComponent(number(2))}`, { as: 'acmeAdmin' })).status).toBe(200);
    expect((await call('GET', `/v1/numbers/${encodeURIComponent(number(3))}`, { as: 'acmeAdmin' })).status).toBe(404);
  });

  test('bad input answers 400 naming the fields and writes nothing', async () => {
    const before = (await inventory.service.store.readAll({ maxCount: 100_000 })).length;
    const cases: [string, string, { body?: unknown; raw?: string }, string][] = [
      ['POST', path(5, 'allocate'), { raw: '{"owner": {"type": "operator"' }, '(body)'],
      ['POST', path(5, 'allocate'), { body: { owner: { type: 'occupier', occupierId: 42 } } }, 'owner.occupierId'],
      ['POST', path(5, 'allocate'), { body: { owner: { type: 'operator' }, colour: 'blue' } }, '(root)'],
      ['POST', `/v1/sites/${SITE}/numbers/0207123/activate`, {}, 'number'],
      [
        'POST',
        `/v1/sites/${SITE}/numbers/provision`,
        { body: { rangeName: 'Big', range: { start: '+442071300000', end: '+442071310000' } } },
        'range',
      ],
      ['POST', `/v1/sites/${SITE}/numbers/provision`, { body: { rangeName: 'Bad', numbers: ['+44 20 7123 0001'] } }, 'numbers.0'],
      ['POST', path(5, 'allocate'), { body: { owner: { type: 'operator' }, siteId: 'man-1' } }, 'siteId'],
      ['GET', `/v1/sites/${SITE}/numbers?pageSize=100000`, {}, 'pageSize'],
    ];
    for (const [method, url, options, field] of cases) {
      const response = await call(method, url, { as: 'platform', ...options });
      expect({ url, status: response.status, code: response.body.code }).toEqual({ url, status: 400, code: 'VALIDATION_FAILED' });
      expect(response.body.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const after = (await inventory.service.store.readAll({ maxCount: 100_000 })).length;
    expect(after).toBe(before);
  });

  test('an Idempotency-Key makes a retried request return the first answer', async () => {
    const headers = { 'idempotency-key': 'retry-me-1' };
    const first = await call('POST', path(20, 'allocate'), { as: 'operator', headers, body: { owner: { type: 'operator' } } });
    const retry = await call('POST', path(20, 'allocate'), { as: 'operator', headers, body: { owner: { type: 'operator' } } });
    expect(first.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await inventory.service.store.readStream(`number-${number(20)}`)).map((e) => e.type)).toEqual([
      'NumberProvisioned',
      'NumberAllocated',
    ]);
  });

  test('the AsyncAPI document is served beside the OpenAPI one and names every number-inventory channel', async () => {
    const doc = await call('GET', '/asyncapi.json');
    expect(doc.body.asyncapi).toBe('3.0.0');
    const addresses = Object.values(doc.body.channels as Record<string, { address: string }>).map((c) => c.address);
    expect(addresses).toEqual(
      expect.arrayContaining(['evt.number-inventory.number.NumberActivated', 'evt.fax.fax-number.FaxSettingsConfigured']),
    );
    expect((await call('GET', '/schemas/events/number-inventory/NoSuchEvent.v1.json')).status).toBe(404);
  });

  test('the OpenAPI document lists every operation', async () => {
    const doc = await call('GET', '/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    const operations = Object.values(doc.body.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) =>
      Object.values(p).map((o) => o.operationId),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'provisionNumbers',
        'allocateNumber',
        'activateNumber',
        'nominateMainNumber',
        'listSiteNumbers',
        'downloadSiteNumbers',
        'allocateNumbers',
      ]),
    );
    expect((await call('GET', '/health/ready')).status).toBe(200);
  });
});

const collectPublished = async (h: Harness, atLeast: number): Promise<CloudEvent[]> => {
  const name = jetStreamNameFor('number-inventory', h.config.NATS_SUBJECT_PREFIX);
  const jsm = await jetstreamManager(h.nc);
  await eventually(async () => expect((await jsm.streams.info(name)).state.messages).toBeGreaterThanOrEqual(atLeast), {
    timeoutMs: 15_000,
  });
  await jsm.consumers.add(name, { durable_name: 'e2e-billing', deliver_policy: DeliverPolicy.All, ack_policy: 'explicit' as never });
  const consumer = await jetstream(h.nc).consumers.get(name, 'e2e-billing');
  const events: CloudEvent[] = [];
  const messages = await consumer.fetch({ max_messages: 10_000, expires: 2000 });
  for await (const message of messages) {
    events.push(message.json());
    message.ack();
  }
  return events;
};
