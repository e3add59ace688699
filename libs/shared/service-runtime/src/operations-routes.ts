import { auditRelay, type JetStreamReaction, type RelayAuditOptions } from '@tnp/messaging';
import type { ProjectionRunner } from '@tnp/read-models';

type Reply = { code: (status: number) => Reply; send: (body: unknown) => unknown };
type Route = (path: string, handler: (request: { query: unknown; params: unknown }, reply: Reply) => Promise<unknown>) => unknown;
export type OperationsHttp = { get: Route; post: Route };

/** What the relay audit needs, and the followers an operator acts on. */
export type OperationsDeps = Omit<RelayAuditOptions, 'repair' | 'checkpointName'> & {
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
  http.post('/operations/relay/audit', async (request) => auditRelay({ ...deps, repair: flag(request.query, 'repair') }));
  http.get('/operations/dead-letters', async () => ({
    reactions: await Promise.all(deps.reactions.map(async (r) => ({ durable: r.durable, deadLetters: await r.listDeadLetters() }))),
  }));
  http.post('/operations/dead-letters/replay', async () => ({
    reactions: await Promise.all(deps.reactions.map(async (r) => ({ durable: r.durable, ...(await r.replayDeadLetters()) }))),
  }));
};
