import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { mintToken } from '../../services/gateway/src/auth/jwt';
import { createTestDatabase, eventually, testNatsUrl, uniqueSubjectPrefix, type TestDatabase } from '@tnp/testing';
import { freePort, startChildService, type ChildService } from './support/child-service';
import { E2E_JWT } from './support/test-gateway';

/**
 * Telemetry as an SRE receives it: number-inventory and the gateway each in its own process, as
 * in production, exporting over OTLP/HTTP to a collector this spec runs. One REST command must
 * arrive as one trace with the HTTP, NATS, handler, SQL, relay and projection spans, and the
 * service must log one JSON line for the command under the same trace id.
 */
type OtlpSpan = { traceId: string; spanId: string; name: string; kind: number; attributes?: { key: string }[] };
const SPAN_KIND_SERVER = 2;
const SPAN_KIND_CLIENT = 3;
type OtlpExport = { resourceSpans?: { scopeSpans?: { spans?: OtlpSpan[] }[] }[] };

const dist = (service: string) => join(__dirname, '..', '..', 'dist', 'services', service, 'src', 'main.js');

let collector: Server;
const received: OtlpSpan[] = [];
let db: TestDatabase;
let inventory: ChildService | undefined;
let gateway: ChildService | undefined;
let gatewayUrl = '';

beforeAll(async () => {
  collector = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      // The SDK also sends its metrics and logs here (protobuf): only the traces are read.
      if (request.url !== '/v1/traces') return response.writeHead(200).end();
      const json = request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
      const exported = JSON.parse(json.toString()) as OtlpExport;
      for (const resource of exported.resourceSpans ?? [])
        for (const scope of resource.scopeSpans ?? []) received.push(...(scope.spans ?? []));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const otlp = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  db = await createTestDatabase('e2e_tracing');
  const prefix = uniqueSubjectPrefix();
  const common = {
    NATS_URL: testNatsUrl(),
    NATS_SUBJECT_PREFIX: prefix,
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    OTEL_EXPORTER_OTLP_ENDPOINT: otlp,
    OTEL_BSP_SCHEDULE_DELAY: '100',
  };
  inventory = await startChildService(
    dist('number-inventory'),
    { ...common, DATABASE_URL: db.url, HTTP_PORT: String(await freePort()) },
    '"number-inventory started"',
    'number-inventory',
  );
  const port = await freePort();
  gateway = await startChildService(
    dist('gateway'),
    { ...common, HTTP_PORT: String(port), JWT_SECRET: E2E_JWT.secret, JWT_ISSUER: E2E_JWT.issuer, JWT_AUDIENCE: E2E_JWT.audience },
    '"gateway started"',
    'gateway',
  );
  gatewayUrl = `http://127.0.0.1:${port}`;
}, 60_000);

afterAll(async () => {
  await gateway?.kill();
  await inventory?.kill();
  await db?.drop();
  await new Promise<void>((resolve) => collector?.close(() => resolve()));
});

test('one REST command is one trace across processes: HTTP, NATS, handler, SQL, relay and projection spans, and one log line', async () => {
  const token = await mintToken({ sub: 'essensys', role: 'platform', expiresIn: '5m' }, E2E_JWT);
  const response = await fetch(`${gatewayUrl}/v1/sites/trace-1/numbers/provision`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rangeName: 'Traced', numbers: ['+442071230001'] }),
  });
  expect(response.status).toBe(200);
  const traceId = response.headers.get('x-trace-id') ?? '';
  expect(traceId).toMatch(/^[0-9a-f]{32}$/);

  const spans = await eventually(
    () => {
      const inTrace = received.filter((s) => s.traceId === traceId);
      const names = inTrace.map((s) => s.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'HTTP POST /v1/sites/{siteId}/numbers/provision',
          'command ProvisionNumbers',
          'eventstore commit',
          'relay publish NumberProvisioned',
          'project site-telephony',
        ]),
      );
      return inTrace;
    },
    { timeoutMs: 15_000 },
  );
  const attributeKeys = (s: OtlpSpan) => (s.attributes ?? []).map((a) => a.key);
  // SQL: the pg instrumentation's own spans (with the statement), there only if tracing started before pg loaded.
  const sql = spans.filter((s) => s.name.startsWith('pg.') && attributeKeys(s).some((k) => k === 'db.statement' || k === 'db.query.text'));
  expect(sql.length).toBeGreaterThan(0);
  // NATS: the gateway's client span and the service's server span of the same request.
  const nats = spans.filter((s) => attributeKeys(s).includes('messaging.system'));
  expect(nats.map((s) => [s.name, s.kind])).toEqual(
    expect.arrayContaining([
      [expect.stringMatching(/^nats request \S+\.cmd\.number-inventory\.provision-numbers$/), SPAN_KIND_CLIENT],
      ['command ProvisionNumbers', SPAN_KIND_SERVER],
    ]),
  );

  const line = await eventually(() => {
    const found = (inventory?.output() ?? '')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l['msg'] === 'command handled' && l['trace_id'] === traceId);
    expect(found).toBeDefined();
    return found;
  });
  expect(line).toMatchObject({ command: 'ProvisionNumbers', outcome: 'OK', principal: { id: 'essensys', role: 'platform' } });
  expect(typeof line?.['durationMs']).toBe('number');
}, 60_000);
