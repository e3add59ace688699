import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { MikroORM } from '@mikro-orm/postgresql';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import {
  KurrentDbEventStore,
  PostgresEventStore,
  acquireLeadership,
  type EventStore,
  type Leadership,
  type RecordedEvent,
} from '@tnp/event-store';
import { createNatsServer, ensureEventStream, JetStreamRelay, type EndpointDeps, type NatsEndpoint } from '@tnp/messaging';
import { createLogger, createMetrics, HealthChecks, operationsModule, type Logger } from '@tnp/platform';
import { ProjectionRunner } from '@tnp/read-models';
import { eventSubject, eventSubjectWildcard, SERVICE } from '@tnp/number-inventory-contracts';
import { AllocateNumbersHandler } from './allocate-numbers/allocate-numbers.handler';
import { allocateNumbersEndpoint } from './allocate-numbers/allocate-numbers.endpoint';
import { changeNumberStateEndpoints } from './change-number-state/change-number-state.endpoints';
import { NumberCommandProcessor } from './change-number-state/number-command.processor';
import { ConfigureSiteHandler } from './configure-site/configure-site.handler';
import { configureSiteEndpoint } from './configure-site/configure-site.endpoint';
import { jetStreamNameFor, type NumberInventoryConfig } from './number-inventory.config';
import { ProvisionNumbersHandler } from './provision-numbers/provision-numbers.handler';
import { provisionNumbersEndpoint } from './provision-numbers/provision-numbers.endpoint';
import { readModelSchemaSql, SiteNumberEntity, READ_MODEL_SCHEMA } from './read-model/site-number.entity';
import { siteTelephonyProjection } from './read-model/site-telephony.projection';
import { siteTelephonyTable } from './read-model/site-telephony.table';
import { siteTelephonyQueryEndpoints } from './site-telephony-queries/site-telephony-queries.endpoints';
import { SiteTelephonyQueries } from './site-telephony-queries/site-telephony.queries';

export type NumberInventoryService = {
  readonly http: INestApplication;
  readonly store: EventStore;
  readonly orm: MikroORM;
  readonly projection: ProjectionRunner<unknown>;
  readonly relay: JetStreamRelay;
  readonly logger: Logger;
  readonly url: () => Promise<string>;
  readonly stop: () => Promise<void>;
};

const AGGREGATES = ['main-number-claim', 'number', 'site'] as const;
export const aggregateOf = (streamId: string): string => AGGREGATES.find((a) => streamId.startsWith(`${a}-`)) ?? 'unknown';

/** Builds and starts the whole service: command and query endpoints, relay, projection, HTTP operations. */
export const startNumberInventory = async (
  config: NumberInventoryConfig,
  logger = createLogger(SERVICE, config.LOG_LEVEL),
): Promise<NumberInventoryService> => {
  const metrics = createMetrics(SERVICE);
  const health = new HealthChecks();

  const postgres = await PostgresEventStore.connect({ connectionString: config.DATABASE_URL, schema: config.EVENT_STORE_SCHEMA });
  const store: EventStore =
    config.EVENT_STORE === 'kurrentdb' ? await KurrentDbEventStore.connect({ connectionString: config.KURRENTDB_URL ?? '' }) : postgres;
  const orm = await MikroORM.init({
    clientUrl: config.DATABASE_URL,
    entities: [SiteNumberEntity],
    debug: false,
    allowGlobalContext: false,
  });
  await orm.em.fork().execute(readModelSchemaSql());
  const nc: NatsConnection = await connect({ servers: config.NATS_URL, name: `${SERVICE}-relay` });
  await ensureEventStream(nc, {
    name: jetStreamNameFor(config.NATS_SUBJECT_PREFIX),
    subjects: [eventSubjectWildcard(config.NATS_SUBJECT_PREFIX)],
    duplicateWindowMs: config.JETSTREAM_DUPLICATE_WINDOW_MS,
  });

  health.register({ name: 'postgres', check: () => postgres.ping() });
  health.register({ name: 'nats', check: async () => void (await nc.flush()) });

  const numbers = new NumberCommandProcessor(store);
  const deps: EndpointDeps = { commandLog: postgres.commandLog, logger, metrics, newId: randomUUID };
  const prefix = config.NATS_SUBJECT_PREFIX;
  const endpoints: NatsEndpoint[] = [
    provisionNumbersEndpoint(deps, new ProvisionNumbersHandler(store), prefix),
    allocateNumbersEndpoint(deps, new AllocateNumbersHandler(store, orm, numbers), prefix),
    configureSiteEndpoint(deps, new ConfigureSiteHandler(store), prefix),
    ...changeNumberStateEndpoints(deps, numbers, prefix),
    ...siteTelephonyQueryEndpoints(deps, new SiteTelephonyQueries(orm), prefix),
  ];

  const relay = new JetStreamRelay({
    service: SERVICE,
    store,
    checkpoints: postgres.checkpoints,
    nc,
    subjectFor: (event: RecordedEvent) => eventSubject(aggregateOf(event.streamId), event.type, prefix),
    logger: logger.child({ component: 'relay' }),
    metrics,
  });
  const projection = new ProjectionRunner({
    orm,
    schema: READ_MODEL_SCHEMA,
    store,
    projection: siteTelephonyProjection,
    table: siteTelephonyTable,
    logger: logger.child({ component: 'projection' }),
    metrics,
  });

  @Module({ imports: [operationsModule(health, metrics.registry)] })
  class NumberInventoryModule {}

  const http = await NestFactory.create(NumberInventoryModule, new FastifyAdapter(), { logger: ['error', 'warn'] });
  http.connectMicroservice({ strategy: createNatsServer({ servers: config.NATS_URL, queue: SERVICE, name: SERVICE }, endpoints) });
  await http.startAllMicroservices();
  await http.listen(config.HTTP_PORT, config.HTTP_HOST);

  // One replica runs each follower; the others wait on the lock and take over if it is released.
  const followers = new AbortController();
  const leaderships: Leadership[] = [];
  const lead = async (name: string, start: () => Promise<void>): Promise<void> => {
    const leadership = await acquireLeadership(config.DATABASE_URL, `${config.EVENT_STORE_SCHEMA}:${name}`, {
      signal: followers.signal,
      onLost: () => logger.error({ follower: name }, 'lost leadership lock; exiting so another replica takes over'),
    });
    if (!leadership) return;
    leaderships.push(leadership);
    await start();
  };
  const following = Promise.all([
    config.RUN_RELAY ? lead('relay', () => relay.start()) : Promise.resolve(),
    config.RUN_PROJECTIONS ? lead('projection:site-telephony', () => projection.start()) : Promise.resolve(),
  ]).catch((error: unknown) => logger.error({ err: error }, 'follower failed to start'));

  logger.info({ port: config.HTTP_PORT, prefix }, 'number-inventory started');

  return {
    http,
    store,
    orm,
    projection: projection as ProjectionRunner<unknown>,
    relay,
    logger,
    url: () => http.getUrl(),
    stop: async () => {
      const step = async (name: string, work: () => Promise<unknown>): Promise<void> => {
        const started = Date.now();
        await work();
        logger.debug({ step: name, ms: Date.now() - started }, 'shutdown step done');
      };
      health.markShuttingDown();
      followers.abort();
      await step('stop NATS endpoints', () => http.close());
      await step('stop followers', async () => {
        await following;
        await Promise.all([relay.stop(), projection.stop()]);
        await Promise.all(leaderships.map((l) => l.release()));
      });
      await step('drain NATS', () => nc.drain().catch(() => undefined));
      await step('close databases', async () => {
        await orm.close();
        if (store !== postgres) await store.close();
        await postgres.close();
      });
    },
  };
};
