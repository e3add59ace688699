import { timingSafeEqual } from 'node:crypto';
import type { EventStore, LogPosition } from '@tnp/event-store';
import { auditRelay, type JetStreamReaction, type RelayAuditOptions } from '@tnp/messaging';
import type { ProjectionRunner } from '@tnp/read-models';

type Reply = { code: (status: number) => Reply; send: (body: unknown) => unknown };
type Request = { query: unknown; params: unknown; headers: Record<string, string | string[] | undefined>; url: string };
type Route = (path: string, handler: (request: Request, reply: Reply) => Promise<unknown>) => unknown;
export type OperationsHttp = {
  get: Route;
  post: Route;
  addHook: (name: 'onRequest', hook: (request: Request, reply: Reply) => Promise<unknown>) => unknown;
};

/** What a service adds to its operations endpoints (the scheduler: its timers). */
export type OperationsExtension = {
  /** Merged into GET /operations/status under the service's own keys. */
  readonly status?: () => Promise<Record<string, unknown>>;
  readonly routes?: (http: OperationsHttp) => void;
};

/** What the relay audit needs, and the followers an operator acts on. */
export type OperationsDeps = Omit<RelayAuditOptions, 'repair' | 'checkpointName'> & {
  readonly store: EventStore;
  readonly service: string;
  readonly projections: readonly ProjectionRunner<unknown>[];
  readonly reactions: readonly JetStreamReaction[];
  /** Bearer token every /operations request must carry; none: the port is open to whoever reaches it. */
  readonly token?: string | undefined;
  readonly extension?: OperationsExtension | undefined;
};

export type FollowerStatus = {
  readonly kind: 'relay' | 'projection';
  readonly name: string;
  readonly position: number;
  readonly lagEvents: number;
  readonly lagSeconds: number;
  readonly state: 'caught-up' | 'behind';
};

export type ReactionStatus = {
  readonly durable: string;
  readonly source: string;
  readonly pending: number;
  readonly deadLetters: number;
  readonly state: 'caught-up' | 'behind' | 'unreachable';
};

export type OperationsStatus = {
  readonly service: string;
  readonly head: { readonly position: number; readonly transactionId: number };
  readonly followers: readonly FollowerStatus[];
  readonly reactions: readonly ReactionStatus[];
  readonly [extension: string]: unknown;
};

const bearerMatches = (header: string | string[] | undefined, token: string): boolean => {
  const presented = Buffer.from(typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
};

/** Where every follower of this service stands against the log's head, whichever replica leads it. */
export const operationsStatus = async (deps: OperationsDeps): Promise<OperationsStatus> => {
  const head = await deps.store.headPosition();
  const follower = async (kind: FollowerStatus['kind'], name: string, at: LogPosition): Promise<FollowerStatus> => {
    const lag = await deps.store.lagBehind(at);
    return {
      kind,
      name,
      position: at.position,
      lagEvents: lag.events,
      lagSeconds: lag.seconds,
      state: lag.events === 0 ? 'caught-up' : 'behind',
    };
  };
  const followers = await Promise.all([
    follower('relay', 'relay', await deps.checkpoints.load('relay')),
    ...deps.projections.map(async (p) => follower('projection', p.name, await p.checkpoint())),
  ]);
  const reactions = await Promise.all(
    deps.reactions.map(async (r): Promise<ReactionStatus> => {
      const pending = await r.pending().catch(() => -1);
      const deadLetters = (await r.listDeadLetters().catch(() => [])).length;
      const state = pending < 0 ? 'unreachable' : pending === 0 ? 'caught-up' : 'behind';
      return { durable: r.durable, source: r.source, pending, deadLetters, state };
    }),
  );
  return {
    service: deps.service,
    head: { position: head.position, transactionId: head.transactionId },
    followers,
    reactions,
    ...(await deps.extension?.status?.()),
  };
};

const flag = (query: unknown, name: string): boolean => {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  return value === 'true' || value === '1' || value === '';
};

/**
 * What an SRE runs against a live service (also through `npm run ops`): where every follower
 * stands, compare each projection with a rebuild, audit and repair the relay, list and replay
 * dead letters, and what the service adds (the scheduler's timers). With OPERATIONS_TOKEN set
 * (required in production) every /operations request needs it as its bearer token; the network
 * policy also keeps other callers off the service port.
 */
export const registerOperationsRoutes = (http: OperationsHttp, deps: OperationsDeps): void => {
  const token = deps.token;
  if (token)
    http.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/operations') || bearerMatches(request.headers['authorization'], token)) return;
      return reply.code(401).send({ code: 'UNAUTHENTICATED', message: 'operations endpoints need the operations bearer token' });
    });
  http.get('/operations/status', async () => operationsStatus(deps));
  const projectionNamed = (params: unknown): ProjectionRunner<unknown> | undefined =>
    deps.projections.find((p) => p.name === (params as { name?: string }).name);

  http.get('/operations/projections/verify', async () => ({
    projections: await Promise.all(deps.projections.map((p) => p.verify())),
  }));
  http.get('/operations/projections/:name/verify', async (request, reply) => {
    const projection = projectionNamed(request.params);
    return projection ? projection.verify() : reply.code(404).send({ code: 'NOT_FOUND', message: 'no such projection' });
  });
  http.post('/operations/projections/:name/rebuild', async (request, reply) => {
    const projection = projectionNamed(request.params);
    if (!projection) return reply.code(404).send({ code: 'NOT_FOUND', message: 'no such projection' });
    await projection.rebuild();
    return { projection: projection.name, reset: true };
  });
  http.post('/operations/relay/audit', async (request) => auditRelay({ ...deps, repair: flag(request.query, 'repair') }));
  http.get('/operations/dead-letters', async () => ({
    reactions: await Promise.all(deps.reactions.map(async (r) => ({ durable: r.durable, deadLetters: await r.listDeadLetters() }))),
  }));
  http.post('/operations/dead-letters/replay', async () => ({
    reactions: await Promise.all(deps.reactions.map(async (r) => ({ durable: r.durable, ...(await r.replayDeadLetters()) }))),
  }));
  deps.extension?.routes?.(http);
};
