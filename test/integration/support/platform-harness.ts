import { createLogger, type Logger } from '@tnp/platform';
import { startServiceHarness, type ServiceHarness } from '@tnp/testing';
import { assignmentService } from '../../../services/assignment/src/assignment.app';
import { callFlowService } from '../../../services/call-flow/src/call-flow.app';
import { extensionDeviceService } from '../../../services/extension-device/src/extension-device.app';
import { faxService } from '../../../services/fax/src/fax.app';
import { mintToken, type TokenRequest } from '../../../services/gateway/src/auth/jwt';
import { startGateway, type Gateway } from '../../../services/gateway/src/gateway.app';
import { gatewayConfigSchema } from '../../../services/gateway/src/gateway.config';
import { numberInventoryService } from '../../../services/number-inventory/src/number-inventory.app';
import { ResponseConformance } from './response-conformance';

export type Call = { status: number; body: any; headers: Headers; text: string };

export type Platform = {
  readonly inventory: ServiceHarness;
  readonly assignment: ServiceHarness;
  readonly fax: ServiceHarness;
  readonly extensions: ServiceHarness;
  readonly callFlow: ServiceHarness;
  readonly gateway: Gateway;
  readonly base: string;
  readonly token: (request: TokenRequest) => Promise<string>;
  readonly call: (
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; raw?: string | Buffer; contentType?: string; headers?: Record<string, string> },
  ) => Promise<Call>;
  /** Every answer `call` got, held to the OpenAPI document the gateway serves. */
  readonly conformance: ResponseConformance;
  readonly stop: () => Promise<void>;
};

const jwt = { secret: 'e2e-secret-e2e-secret-e2e-secret-1234', issuer: 'telephony-platform', audience: 'telephony-api' };

/** A reply that must have succeeded; on failure the assertion shows what was done and the whole answer. */
export const expectOk = (reply: Call, what: string): Call => {
  expect({ what, status: reply.status, body: reply.body }).toMatchObject({ status: 200 });
  return reply;
};

export type PlatformOptions = {
  /** Extra configuration for every service (IDEMPOTENCY_TTL_MS, COMMAND_LEASE_MS, ...). */
  readonly env?: Record<string, string>;
  /** The gateway's logger (silent by default), to see what it logs. */
  readonly gatewayLogger?: Logger;
};

/** Every service and the gateway, in this process, on real PostgreSQL and NATS, sharing one database and subject prefix. */
export const startPlatform = async (label: string, options: PlatformOptions = {}): Promise<Platform> => {
  const env = options.env ?? {};
  const inventory = await startServiceHarness(numberInventoryService, { label, env });
  const shared = { db: inventory.db, prefix: inventory.config.NATS_SUBJECT_PREFIX };
  const assignment = await startServiceHarness(assignmentService, { label, with: shared, env });
  const fax = await startServiceHarness(faxService, { label, with: shared, env });
  const extensions = await startServiceHarness(extensionDeviceService, { label, with: shared, env });
  const callFlow = await startServiceHarness(callFlowService, { label, with: shared, env });
  const gateway = await startGateway(
    gatewayConfigSchema.parse({
      ...(env['IDEMPOTENCY_TTL_MS'] ? { IDEMPOTENCY_TTL_MS: env['IDEMPOTENCY_TTL_MS'] } : {}),
      NATS_URL: inventory.config.NATS_URL,
      NATS_SUBJECT_PREFIX: shared.prefix,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      JWT_SECRET: jwt.secret,
    }),
    options.gatewayLogger ?? createLogger('gateway', 'silent'),
  );
  const base = await gateway.url();
  const conformance = new ResponseConformance((await (await fetch(`${base}/openapi.json`)).json()) as never);
  return {
    inventory,
    assignment,
    fax,
    extensions,
    callFlow,
    gateway,
    base,
    conformance,
    token: (request) => mintToken(request, jwt),
    call: async (method, path, options = {}) => {
      const body = options.raw ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined);
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(body !== undefined ? { 'content-type': options.contentType ?? 'application/json' } : {}),
          ...options.headers,
        },
        ...(body !== undefined ? { body } : {}),
      });
      const text = await response.text();
      const breach = conformance.check(method, path, response.status, response.headers.get('content-type'), text);
      if (breach)
        throw new Error(`The answer breaks the OpenAPI document: ${breach}\n${method} ${path} -> ${response.status} ${text.slice(0, 500)}`);
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // CSV and other text bodies stay as text.
      }
      return { status: response.status, body: parsed, headers: response.headers, text };
    },
    stop: async () => {
      await gateway.stop();
      await callFlow.stop();
      await extensions.stop();
      await fax.stop();
      await assignment.stop();
      await inventory.stop();
    },
  };
};
