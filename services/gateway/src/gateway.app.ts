import type { Server } from 'node:http';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { natsCredentialsOf } from '@tnp/messaging';
import { createLogger, createMetrics, HealthChecks, type Logger, nestLogger, operationsModule } from '@tnp/platform';
import { tokenVerifierFor } from './auth/jwt';
import type { GatewayConfig } from './gateway.config';
import { ServiceClient } from './http/nats-client';
import { openApiDocument } from './http/openapi';
import { registerEventDocuments } from './http/event-documents';
import { IdempotencyKeys } from './http/idempotency-keys';
import { installBodyParsers, registerRoutes, transportErrorBody } from './http/register-routes';
import type { RouteSpec } from './http/route';
import { occupierDirectory } from './number-inventory/occupier-directory';
import { assignmentRoutes } from './assignment/assignment.routes';
import { callFlowRoutes } from './call-flow/call-flow.routes';
import { extensionDeviceRoutes } from './extension-device/extension-device.routes';
import { faxRoutes } from './fax/fax.routes';
import { numberInventoryRoutes } from './number-inventory/number-inventory.routes';

export type Gateway = {
  readonly http: INestApplication;
  readonly url: () => Promise<string>;
  readonly stop: () => Promise<void>;
};

/** Every HTTP operation of the API: the OpenAPI document, the router and the tenancy tests all come from this list. */
export const routeCatalogue = (client: ServiceClient, prefix: string): RouteSpec[] => [
  ...numberInventoryRoutes(client, prefix),
  ...assignmentRoutes(client, prefix),
  ...faxRoutes(client, prefix),
  ...extensionDeviceRoutes(client, prefix),
  ...callFlowRoutes(client, prefix),
];

/** The first NATS server's host and port, never its credentials. */
const natsHostOf = (natsUrl: string): string => {
  const first = natsUrl.split(',')[0]?.trim() ?? '';
  try {
    return new URL(first.includes('://') ? first : `nats://${first}`).host;
  } catch {
    return 'nats:4222';
  }
};

export const startGateway = async (config: GatewayConfig, logger: Logger = createLogger('gateway', config.LOG_LEVEL)): Promise<Gateway> => {
  const metrics = createMetrics('gateway');
  const health = new HealthChecks();
  const client = new ServiceClient(config.NATS_URL, config.REQUEST_TIMEOUT_MS, natsCredentialsOf(config));
  await client.connect();
  health.register({ name: 'nats', check: () => client.check() });
  health.registerVital('nats', () => !client.isClosed);

  @Module({ imports: [operationsModule(health, metrics.registry)] })
  class GatewayModule {}

  const http = await NestFactory.create<NestFastifyApplication>(
    GatewayModule,
    new FastifyAdapter({
      bodyLimit: 2 * 1024 * 1024,
      // A URL Fastify cannot decode is refused before any route: in the API's error body too.
      frameworkErrors: (error: Error & { statusCode?: number }, _request: unknown, reply: FastifyReply) => {
        const { status, body } = transportErrorBody(error);
        void reply.code(status).send(body);
      },
    }),
    {
      logger: nestLogger(logger),
      bodyParser: false,
    },
  );
  const fastify = http.getHttpAdapter().getInstance();
  const prefix = config.NATS_SUBJECT_PREFIX;
  const idempotencyKeys = new IdempotencyKeys(client.connection, prefix, config.IDEMPOTENCY_TTL_MS, config.JETSTREAM_REPLICAS);
  await idempotencyKeys.ensure();
  const routes = routeCatalogue(client, prefix);
  // The API's routes in a context of their own: its body parsers and error handler are the API's,
  // whatever Nest sets on the root for its operations routes.
  await fastify.register(async (api: FastifyInstance) => {
    installBodyParsers(api);
    registerRoutes(api, routes, {
      tokens: tokenVerifierFor(config, logger),
      logger,
      metrics,
      occupierSites: occupierDirectory(client, prefix),
      bindIdempotencyKey: (commandId, operationId) => idempotencyKeys.bind(commandId, operationId),
    });
  });
  const publicUrl = config.PUBLIC_URL ?? `http://127.0.0.1:${config.HTTP_PORT}`;
  fastify.get('/openapi.json', async () => openApiDocument(routes, publicUrl));
  registerEventDocuments(fastify, { baseUrl: publicUrl.replace(/\/+$/, ''), natsHost: natsHostOf(config.NATS_URL) });
  await http.listen(config.HTTP_PORT, config.HTTP_HOST);
  logger.info({ port: config.HTTP_PORT }, 'gateway started');

  return {
    http,
    url: async () => (await http.getUrl()).replace('[::1]', '127.0.0.1'),
    stop: async () => {
      health.markShuttingDown();
      // New connections are refused and idle ones closed at once; one still answering (a client
      // that stopped reading a download) is cut after the grace, so the stop ends on its own.
      const server = http.getHttpServer() as Server;
      const cut = setTimeout(() => {
        logger.warn({ graceMs: config.SHUTDOWN_GRACE_MS }, 'closing connections still open after the shutdown grace');
        server.closeAllConnections();
      }, config.SHUTDOWN_GRACE_MS);
      try {
        await http.close();
      } finally {
        clearTimeout(cut);
      }
      await client.close();
    },
  };
};
