import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { MikroORM, type EntitySchema } from '@mikro-orm/postgresql';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { numberHistoryPartEndpoint, type NumberHistorySource } from './number-history-part';
import { sweepDeadConnections } from './dead-connection-sweeper';
import {
  KurrentDbEventStore,
  LeaderLocks,
  PostgresEventStore,
  type CommandLog,
  type EventStore,
  type Lease,
  type RecordedEvent,
} from '@tnp/event-store';
import {
  CommandStore,
  createNatsServer,
  ensureDeadLetterStream,
  ensureEventStream,
  JetStreamReaction,
  JetStreamRelay,
  natsCredentialsOf,
  NatsStatusWatch,
  resilientNatsOptions,
  type DeadLetterStream,
  type EndpointDeps,
  type EventPublication,
  type NatsEndpoint,
  type ReactionOptions,
} from '@tnp/messaging';
import { EventContract, type EventCatalogue } from '@tnp/kernel';
import { createMetrics, HealthChecks, nestLogger, operationsModule, type Logger, type PlatformMetrics } from '@tnp/platform';
import { ProjectionRunner, type Projection, type ProjectionTable } from '@tnp/read-models';
import { FollowerConsistencyGate } from './consistency-gate';
import { supervise, type Follower } from './follower-supervisor';
import { registerOperationsRoutes, type OperationsExtension, type OperationsHttp } from './operations-routes';
import { ensureSchema, type SchemaMigration, type ServiceSchemas } from './schema-migrations';
import { jetStreamNameFor, migrateAtStart, type ServiceConfig } from './service-config';

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
  /**
   * Every event the service stores, by aggregate (stream `<aggregate>-<id>`): appends are checked
   * against it, older versions are upcast when read, and the relay publishes on
   * evt.<service>.<aggregate>.<EventType> with the versioned CloudEvents type.
   */
  readonly events: EventCatalogue;
  readonly entities: readonly EntitySchema[];
  readonly readModelSql: string;
  readonly endpoints: (context: RuntimeContext) => NatsEndpoint[];
  readonly projections: () => ProjectionDefinition[];
  readonly reactions?: (context: RuntimeContext) => Omit<ReactionOptions, 'nc' | 'logger' | 'metrics' | 'deadLetters' | 'backoffMs'>[];
  /** Background work that must run on one replica at a time (sweepers, schedulers). */
  readonly workers?: (context: RuntimeContext) => BackgroundWorker[];
  /** Schema changes after the first release, numbered from 0003 (ADR 0027). */
  readonly migrations?: readonly SchemaMigration[];
  /** What the service adds to its operations status and endpoints. */
  readonly operations?: (context: RuntimeContext) => OperationsExtension;
  /** Its part of any number's history across contexts, served as qry.<service>.number-history-part (ADR 0028). */
  readonly numberHistory?: NumberHistorySource;
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
  readonly reactions: readonly JetStreamReaction[];
  readonly logger: Logger;
  readonly stop: () => Promise<void>;
};

export const aggregateOf = (aggregates: readonly string[], streamId: string): string =>
  aggregates.find((a) => streamId.startsWith(`${a}-`)) ?? 'unknown';

const withApplicationName = (url: string, name: string): string => {
  const parsed = new URL(url);
  parsed.searchParams.set('application_name', name);
  return parsed.toString();
};

/**
 * Everything an event-sourced service runs besides its own use cases: event store, read-model
 * database, NATS endpoints in a queue group, the relay to JetStream, projections, reactions to
 * other contexts, and the HTTP operations endpoints. Followers run on one replica at a time,
 * fenced; NATS and PostgreSQL outages heal without a restart.
 */
export const startService = async (definition: ServiceDefinition, config: ServiceConfig, logger: Logger): Promise<ServiceRuntime> => {
  const { name } = definition;
  const metrics = createMetrics(name);
  const health = new HealthChecks();
  const prefix = config.NATS_SUBJECT_PREFIX;
  const subjectRoot = prefix ? `${prefix}.` : '';

  const projectionDefinitions = definition.projections();
  const schemas: ServiceSchemas = {
    service: name,
    eventStoreSchema: config.EVENT_STORE_SCHEMA,
    readModelSql: definition.readModelSql,
    projectionSchemas: [...new Set(projectionDefinitions.map((p) => p.schema))],
    ...(definition.migrations ? { migrations: definition.migrations } : {}),
  };
  const orm = await MikroORM.init({
    clientUrl: withApplicationName(config.DATABASE_URL, `${name} read-models`),
    entities: [...definition.entities],
    debug: false,
    allowGlobalContext: false,
    pool: { min: 0, max: config.READ_MODEL_POOL_SIZE, idleTimeoutMillis: 30_000 },
    // A query waits at most 5 s for a connection (then UNAVAILABLE), and dead ones are swept.
    driverOptions: { connectionTimeoutMillis: 5000, onPoolCreated: (pool: Pool) => void sweepDeadConnections(pool) },
  });
  try {
    const applied = await ensureSchema(orm, schemas, {
      databaseUrl: config.DATABASE_URL,
      entities: definition.entities,
      migrateAtStart: migrateAtStart(config),
    });
    if (applied.length > 0) logger.info({ migrations: applied }, 'schema migrations applied');
  } catch (error) {
    await orm.close();
    throw error;
  }
  const postgres = await PostgresEventStore.connect({
    connectionString: config.DATABASE_URL,
    schema: config.EVENT_STORE_SCHEMA,
    poolSize: config.DB_POOL_SIZE,
    applicationName: `${name} event-store`,
    createSchema: false,
  });
  const contract = new EventContract(definition.events);
  const store = new CommandStore(
    config.EVENT_STORE === 'kurrentdb' ? await KurrentDbEventStore.connect({ connectionString: config.KURRENTDB_URL ?? '' }) : postgres,
    config.AGGREGATE_CACHE_SIZE,
    contract,
  );
  const natsCredentials = natsCredentialsOf(config);
  const nc = await connect(resilientNatsOptions(config.NATS_URL, `${name}-followers`, natsCredentials));
  const natsStatus = new NatsStatusWatch(nc);
  const stream = jetStreamNameFor(name, prefix);
  await ensureEventStream(nc, {
    name: stream,
    subjects: [`${subjectRoot}evt.${name}.>`],
    duplicateWindowMs: config.JETSTREAM_DUPLICATE_WINDOW_MS,
    replicas: config.JETSTREAM_REPLICAS,
    maxAgeMs: config.JETSTREAM_MAX_AGE_MS,
    maxBytes: config.JETSTREAM_MAX_BYTES,
  });
  const deadLetters: DeadLetterStream = {
    name: `${stream.replace(/_EVENTS$/, '')}_DEAD_LETTERS`,
    subjectPrefix: `${subjectRoot}dlq.${name}`,
  };
  health.register({ name: 'postgres', check: () => postgres.ping() });
  health.register({ name: 'nats', check: () => natsStatus.check() });
  health.registerVital('nats', () => !natsStatus.isClosed);

  const commandLog = postgres.commandLogWith({ ttlMs: config.IDEMPOTENCY_TTL_MS, leaseMs: config.COMMAND_LEASE_MS });
  let projections: ProjectionRunner<unknown>[] = [];
  let reactions: JetStreamReaction[] = [];
  const consistency = new FollowerConsistencyGate({
    service: name,
    store,
    followers: () => ({ projections, reactions }),
    streamOf: (service) => jetStreamNameFor(service, prefix),
    waitMs: config.CONSISTENCY_WAIT_MS,
  });
  const context: RuntimeContext = {
    config,
    store,
    orm,
    nc,
    logger,
    metrics,
    prefix,
    // On PostgreSQL a command's appends and reply commit together; the command log lives there too.
    endpointDeps: { commandLog, ...(store.inner === postgres ? { store } : {}), logger, metrics, newId: randomUUID, consistency },
  };

  const publication: EventPublication = {
    service: name,
    schemaBaseUrl: config.EVENT_SCHEMA_BASE_URL,
    subjectFor: (event: RecordedEvent): string =>
      `${subjectRoot}evt.${name}.${aggregateOf(contract.aggregates, event.streamId)}.${event.type}`,
  };
  const relay = new JetStreamRelay({
    ...publication,
    store,
    checkpoints: postgres.checkpoints,
    nc,
    logger: logger.child({ component: 'relay' }),
    metrics,
    batchSize: config.RELAY_BATCH_SIZE,
  });
  projections = projectionDefinitions.map(
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
  const reactionDefinitions = definition.reactions?.(context) ?? [];
  if (reactionDefinitions.length > 0) await ensureDeadLetterStream(nc, deadLetters, config.JETSTREAM_REPLICAS);
  reactions = reactionDefinitions.map(
    (r) =>
      new JetStreamReaction({
        ...r,
        nc,
        metrics,
        deadLetters,
        backoffMs: config.REACTION_BACKOFF_MS,
        logger: logger.child({ component: 'reaction', durable: r.durable }),
      }),
  );

  @Module({ imports: [operationsModule(health, metrics.registry)] })
  class ServiceModule {}

  const http = await NestFactory.create<NestFastifyApplication>(ServiceModule, new FastifyAdapter(), { logger: nestLogger(logger) });
  registerOperationsRoutes(http.getHttpAdapter().getInstance() as unknown as OperationsHttp, {
    ...publication,
    store,
    checkpoints: postgres.checkpoints,
    nc,
    stream,
    projections,
    reactions,
    service: name,
    token: config.OPERATIONS_TOKEN,
    extension: definition.operations?.(context),
  });
  const endpoints = createNatsServer(
    { servers: config.NATS_URL, queue: name, name, ...(natsCredentials ? { credentials: natsCredentials } : {}) },
    [
      ...definition.endpoints(context),
      ...(definition.numberHistory ? [numberHistoryPartEndpoint(name, definition.numberHistory, store, context.endpointDeps, prefix)] : []),
    ],
  );
  http.connectMicroservice({ strategy: endpoints });
  await http.startAllMicroservices();
  const endpointStatus = new NatsStatusWatch(endpoints.unwrap<NatsConnection>());
  health.register({ name: 'nats-endpoints', check: () => endpointStatus.check() });
  health.registerVital('nats-endpoints', () => !endpointStatus.isClosed);
  await http.listen(config.HTTP_PORT, config.HTTP_HOST);

  const followers = new AbortController();
  const locks = new LeaderLocks({
    connectionString: config.DATABASE_URL,
    schema: config.EVENT_STORE_SCHEMA,
    onLost: (error) => logger.error({ err: error }, 'lost the leader locks; stopping followers before another replica takes over'),
  });
  const supervision = { locks, lockPrefix: config.EVENT_STORE_SCHEMA, logger, metrics, signal: followers.signal };
  const supervised: Follower[] = [
    ...(config.RUN_RELAY ? [{ name: 'relay', start: (lease: Lease) => relay.start(lease), stop: () => relay.stop() }] : []),
    ...(config.RUN_PROJECTIONS
      ? projections.map((p) => ({ name: `projection:${p.name}`, start: (lease: Lease) => p.start(lease), stop: () => p.stop() }))
      : []),
    ...reactions.map((r) => ({ name: r.name, start: () => r.start(), stop: () => r.stop() })),
    ...workers.filter((w) => !w.everyReplica).map((w) => ({ name: `worker:${w.name}`, start: () => w.start(), stop: () => w.stop() })),
  ];
  const everyReplica = workers.filter((w) => w.everyReplica);
  const following = Promise.all([...supervised.map((f) => supervise(f, supervision)), ...everyReplica.map(async (w) => w.start())]).catch(
    (error: unknown) => logger.error({ err: error }, 'a follower failed'),
  );
  const lagWatch = watchLag({ store, metrics, relay, projections, reactions, logger });
  const pruning = pruneCommandLog(commandLog, config.IDEMPOTENCY_TTL_MS, logger);

  logger.info({ port: config.HTTP_PORT, prefix }, `${name} started`);

  const step = async (what: string, work: () => Promise<unknown>): Promise<void> => {
    const started = Date.now();
    await work();
    logger.debug({ step: what, ms: Date.now() - started }, 'shutdown step done');
  };
  let stopping: Promise<void> | undefined;
  const shutDown = async (): Promise<void> => {
    health.markShuttingDown();
    clearInterval(lagWatch);
    clearInterval(pruning);
    followers.abort();
    await step('stop NATS endpoints', () => http.close());
    await step('stop followers', async () => {
      await Promise.all(everyReplica.map((w) => w.stop()));
      await following;
      await locks.close();
    });
    await step('drain NATS', () => nc.drain().catch(() => undefined));
    await step('close databases', async () => {
      await orm.close();
      if (store.inner !== postgres) await store.close();
      await postgres.close();
    });
  };
  return {
    http,
    store,
    orm,
    nc,
    relay,
    projections,
    reactions,
    logger,
    // A second stop (a second SIGTERM, a test's cleanup) waits for the first.
    stop: () => (stopping ??= shutDown()),
  };
};

/**
 * Deletes command ids whose idempotency window has passed, in batches, on every replica (rows
 * are skipped when another replica holds them), every tenth of the window, at most every 10 min.
 */
const pruneCommandLog = (commandLog: CommandLog, ttlMs: number, logger: Logger): NodeJS.Timeout => {
  let busy = false;
  const timer = setInterval(
    () => {
      if (busy) return;
      busy = true;
      void (async () => {
        let pruned = 0;
        for (let batch = await commandLog.prune(); batch > 0; batch = await commandLog.prune()) pruned += batch;
        if (pruned > 0) logger.debug({ pruned }, 'pruned expired command ids');
      })()
        .catch((error: unknown) => logger.debug({ err: error }, 'could not prune the command log'))
        .finally(() => {
          busy = false;
        });
    },
    Math.max(1000, Math.min(ttlMs / 10, 600_000)),
  );
  timer.unref();
  return timer;
};

/** Head and follower positions as metrics, so a follower held back (even by a foreign transaction) shows as lag. */
const watchLag = (deps: {
  store: EventStore;
  metrics: PlatformMetrics;
  relay: JetStreamRelay;
  projections: readonly ProjectionRunner<unknown>[];
  reactions: readonly JetStreamReaction[];
  logger: Logger;
}): NodeJS.Timeout => {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      const { store, metrics } = deps;
      const head = await store.headPosition();
      metrics.logHeadPosition.set(head.position);
      const followers = [
        { name: 'relay', position: deps.relay.publishedPosition },
        ...deps.projections.map((p) => ({ name: `projection:${p.name}`, position: p.appliedPosition })),
      ];
      for (const follower of followers) {
        const lag = await store.lagBehind(follower.position);
        metrics.followerPosition.set({ follower: follower.name }, follower.position.position);
        metrics.followerLagEvents.set({ follower: follower.name }, lag.events);
        metrics.followerLagSeconds.set({ follower: follower.name }, lag.seconds);
      }
      for (const reaction of deps.reactions) {
        metrics.reactionPending.set({ durable: reaction.durable }, await reaction.pending().catch(() => -1));
      }
    })()
      .catch((error: unknown) => deps.logger.debug({ err: error }, 'could not sample follower lag'))
      .finally(() => {
        busy = false;
      });
  }, 2000);
  timer.unref();
  return timer;
};
