import type { CheckpointStore, EventStore, RecordedEvent } from '@tnp/event-store';
import { auditRelay, type JetStreamReaction } from '@tnp/messaging';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ProjectionRunner } from '@tnp/read-models';

type Reply = { code: (status: number) => Reply; send: (body: unknown) => unknown };
type Route = (path: string, handler: (request: { query: unknown; params: unknown }, reply: Reply) => Promise<unknown>) => unknown;
export type OperationsHttp = { get: Route; post: Route };

export type OperationsDeps = {
  readonly service: string;
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly nc: NatsConnection;
  readonly stream: string;
  readonly subjectFor: (event: RecordedEvent) => string;
  readonly projections: readonly ProjectionRunner<unknown>[];
  readonly reactions: readonly JetStreamReaction[];
};

const flag = (query: unknown, name: string): boolean => {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  return value === 'true' || value === '1' || value === '';
};

/**
 * What an SRE runs against a live service (also through `npm run ops`): compare each projection
 * with a rebuild, audit and repair the relay, list and replay dead letters. The service port is
 * for operators only; the network policy keeps other callers out.
 */
export const registerOperationsRoutes = (http: OperationsHttp, deps: OperationsDeps): void => {
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
  http.post('/operations/relay/audit', async (request) =>
    auditRelay({
      service: deps.service,
      store: deps.store,
      checkpoints: deps.checkpoints,
      nc: deps.nc,
      stream: deps.stream,
      subjectFor: deps.subjectFor,
      repair: flag(request.query, 'repair'),
    }),
  );
  http.get('/operations/dead-letters', async () => ({
    reactions: await Promise.all(deps.reactions.map(async (r) => ({ durable: r.durable, deadLetters: await r.listDeadLetters() }))),
  }));
  http.post('/operations/dead-letters/replay', async () => ({
    reactions: await Promise.all(deps.reactions.map(async (r) => ({ durable: r.durable, ...(await r.replayDeadLetters()) }))),
  }));
};
