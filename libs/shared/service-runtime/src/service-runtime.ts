import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { MikroORM, type EntitySchema } from '@mikro-orm/postgresql';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import {
  KurrentDbEventStore,
  PostgresEventStore,
  LeaderLocks,
  type EventStore,
  type Leadership,
  type RecordedEvent,
} from '@tnp/event-store';
import {
  createNatsServer,
  ensureEventStream,
  JetStreamReaction,
  JetStreamRelay,
  type EndpointDeps,
  type NatsEndpoint,
  type ReactionOptions,
} from '@tnp/messaging';
import { createMetrics, HealthChecks, operationsModule, type Logger, type PlatformMetrics } from '@tnp/platform';
import { ProjectionRunner, projectionCheckpointsSql, type Projection, type ProjectionTable } from '@tnp/read-models';
import { jetStreamNameFor, type ServiceConfig } from './service-config';

export type RuntimeContext = {
  readonly config: ServiceConfig;
  readonly store: EventStore;
  readonly orm: MikroORM;
  readonly nc: NatsConnection;
  readonly logger: Logger;
  readonly metrics: PlatformMetrics;
  readonly endpointDeps: EndpointDeps;
  readonly prefix: string;
};

export type ProjectionDefinition = {
  readonly schema: string;
  readonly projection: Projection<unknown>;
  readonly table: ProjectionTable<unknown>;
};

/** Pairs a projection with its table, checking they agree on the row type. */
export const projectionDefinition = <Row>(schema: string, projection: Projection<Row>, table: ProjectionTable<Row>): ProjectionDefinition =>
  ({ schema, projection, table }) as unknown as ProjectionDefinition;

export type ServiceDefinition = {
  readonly name: string;
  /** Stream id prefixes, longest first; the relay publishes on evt.<service>.<aggregate>.<EventType>. */
  readonly aggregates: readonly string[];
  readonly entities: readonly EntitySchema[];
  readonly readModelSql: string;
  readonly endpoints: (context: RuntimeContext) => NatsEndpoint[];
  readonly projections: () => ProjectionDefinition[];
  readonly reactions?: (context: RuntimeContext) => Omit<ReactionOptions, 'nc' | 'logger'>[];
  /** Background work that must run on one replica at a time (sweepers, schedulers). */
  readonly workers?: (context: RuntimeContext) => BackgroundWorker[];
};

export type BackgroundWorker = {
  readonly name: string;
  readonly start: () => void | Promise<void>;
  readonly stop: () => Promise<void>;
  /** Safe to run on every replica at once (it coordinates through row locks); otherwise one replica runs it. */
  readonly everyReplica?: boolean;
};

export type ServiceRuntime = {
  readonly http: INestApplication;
  readonly store: EventStore;
  readonly orm: MikroORM;
  readonly nc: NatsConnection;
  readonly relay: JetStreamRelay;
  readonly projections: readonly ProjectionRunner<unknown>[];
  readonly logger: Logger;
  readonly stop: () => Promise<void>;
};

/** Read-model tables and projection checkpoints, created once under a lock so replicas booting together do not race. */
const migrateReadModels = async (orm: MikroORM, readModelSql: string, projectionSchemas: readonly string[]): Promise<void> => {
  await orm.em.fork().transactional(async (em) => {
    await em.execute(`SELECT pg_advisory_xact_lock(hashtext('read-model-migration'))`);
    await em.execute(readModelSql);
    for (const schema of projectionSchemas) await em.execute(projectionCheckpointsSql(schema));
  });
};

export const aggregateOf = (aggregates: readonly string[], streamId: string): string =>
  aggregates.find((a) => streamId.startsWith(`${a}-`)) ?? 'unknown';

/**
 * Everything an event-sourced service runs besides its own use cases: event store, read-model
 * database, NATS endpoints in a queue group, the relay to JetStream, projections, reactions to
 * other contexts, and the HTTP operations endpoints. Followers run on one replica at a time.
 */
export const startService = async (definition: ServiceDefinition, config: ServiceConfig, logger: Logger): Promise<ServiceRuntime> => {
  const { name } = definition;
  const metrics = createMetrics(name);
  const health = new HealthChecks();
  const prefix = config.NATS_SUBJECT_PREFIX;

  const postgres = await PostgresEventStore.connect({
    connectionString: config.DATABASE_URL,
    schema: config.EVENT_STORE_SCHEMA,
    poolSize: config.DB_POOL_SIZE,
  });
  const store: EventStore =
    config.EVENT_STORE === 'kurrentdb' ? await KurrentDbEventStore.connect({ connectionString: config.KURRENTDB_URL ?? '' }) : postgres;
  const orm = await MikroORM.init({
    clientUrl: config.DATABASE_URL,
    entities: [...definition.entities],
    debug: false,
    allowGlobalContext: false,
  });
  const projectionDefinitions = definition.projections();
  await migrateReadModels(orm, definition.readModelSql, [...new Set(projectionDefinitions.map((p) => p.schema))]);
  const nc = await connect({ servers: config.NATS_URL, name: `${name}-followers` });
  await ensureEventStream(nc, {
    name: jetStreamNameFor(name, prefix),
    subjects: [`${prefix ? `${prefix}.` : ''}evt.${name}.>`],
    duplicateWindowMs: config.JETSTREAM_DUPLICATE_WINDOW_MS,
  });
  health.register({ name: 'postgres', check: () => postgres.ping() });
  health.register({ name: 'nats', check: async () => void (await nc.flush()) });

  const context: RuntimeContext = {
    config,
    store,
    orm,
    nc,
    logger,
    metrics,
    prefix,
    endpointDeps: { commandLog: postgres.commandLog, logger, metrics, newId: randomUUID },
  };

  const relay = new JetStreamRelay({
    service: name,
    store,
    checkpoints: postgres.checkpoints,
    nc,
    subjectFor: (event: RecordedEvent) =>
      `${prefix ? `${prefix}.` : ''}evt.${name}.${aggregateOf(definition.aggregates, event.streamId)}.${event.type}`,
    logger: logger.child({ component: 'relay' }),
    metrics,
  });
  const projections = projectionDefinitions.map(
    (p) =>
      new ProjectionRunner<unknown>({
        orm,
        schema: p.schema,
        store,
        projection: p.projection,
        table: p.table,
        logger: logger.child({ component: 'projection', projection: p.projection.name }),
        metrics,
      }),
  );
  const workers = definition.workers?.(context) ?? [];
  const reactions = (definition.reactions?.(context) ?? []).map(
    (r) => new JetStreamReaction({ ...r, nc, logger: logger.child({ component: 'reaction', durable: r.durable }) }),
  );

  @Module({ imports: [operationsModule(health, metrics.registry)] })
  class ServiceModule {}

  const http = await NestFactory.create(ServiceModule, new FastifyAdapter(), { logger: ['error', 'warn'] });
  http.connectMicroservice({ strategy: createNatsServer({ servers: config.NATS_URL, queue: name, name }, definition.endpoints(context)) });
  await http.startAllMicroservices();
  await http.listen(config.HTTP_PORT, config.HTTP_HOST);

  const followers = new AbortController();
  const leaderships: Leadership[] = [];
  const locks = new LeaderLocks(config.DATABASE_URL, (error) =>
    logger.error({ err: error }, 'lost the leadership locks; another replica may take over'),
  );
  const lead = async (follower: string, start: () => Promise<void> | void): Promise<void> => {
    const leadership = await locks.acquire(`${config.EVENT_STORE_SCHEMA}:${follower}`, { signal: followers.signal });
    if (!leadership) return;
    leaderships.push(leadership);
    // A follower that cannot start (database briefly away) keeps trying: a service without its
    // relay or projections would look alive while its read models and subscribers starve.
    for (let attempt = 1; !followers.signal.aborted; attempt++) {
      try {
        await start();
        return;
      } catch (error) {
        logger.error({ err: error, follower, attempt }, 'follower failed to start; retrying');
        await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 5000)));
      }
    }
  };
  const following = Promise.all([
    config.RUN_RELAY ? lead('relay', () => relay.start()) : undefined,
    ...(config.RUN_PROJECTIONS ? projections.map((p) => lead(`projection:${p.name}`, () => p.start())) : []),
    ...reactions.map((r, i) => lead(`reaction:${i}`, () => r.start())),
    ...workers.map((w) => (w.everyReplica ? Promise.resolve(w.start()) : lead(`worker:${w.name}`, () => w.start()))),
  ]).catch((error: unknown) => logger.error({ err: error }, 'a follower failed to start'));

  logger.info({ port: config.HTTP_PORT, prefix }, `${name} started`);

  const step = async (what: string, work: () => Promise<unknown>): Promise<void> => {
    const started = Date.now();
    await work();
    logger.debug({ step: what, ms: Date.now() - started }, 'shutdown step done');
  };
  return {
    http,
    store,
    orm,
    nc,
    relay,
    projections,
    logger,
    stop: async () => {
      health.markShuttingDown();
      followers.abort();
      await step('stop NATS endpoints', () => http.close());
      await step('stop followers', async () => {
        await following;
        await Promise.all([
          relay.stop(),
          ...projections.map((p) => p.stop()),
          ...reactions.map((r) => r.stop()),
          ...workers.map((w) => w.stop()),
        ]);
        await Promise.all(leaderships.map((l) => l.release()));
        await locks.close();
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
