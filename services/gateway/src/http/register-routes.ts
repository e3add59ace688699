import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONSISTENCY_HEADER, httpStatusOf, PlatformError, type ErrorBody, type Principal } from '@tnp/kernel';
import { toErrorBody } from '@tnp/messaging';
import { currentTraceId, inSpan, SpanKind, type Logger, type PlatformMetrics } from '@tnp/platform';
import { authorize, type OccupierSites } from '../auth/authorize';
import type { TokenVerifier } from '../auth/jwt';
import type { Caller } from '../auth/principal';
import { RequestConsistency, withRequestConsistency } from './request-consistency';
import type { RouteSpec } from './route';

const MALFORMED = Symbol('malformed-json');

/**
 * What Fastify refuses before a route runs (a body over the limit, a content type no route takes,
 * a URL it cannot decode), answered in the API's error body like everything else, with the
 * status Fastify chose.
 */
export const transportErrorBody = (error: { statusCode?: number; code?: string; message: string }): { status: number; body: ErrorBody } => {
  const status = error.statusCode ?? 500;
  if (status === 413)
    return {
      status,
      body: { code: 'VALIDATION_FAILED', message: 'Request body is too large', fields: [{ path: '(body)', message: 'at most 2 MiB' }] },
    };
  if (status === 415)
    return {
      status,
      body: {
        code: 'VALIDATION_FAILED',
        message: 'Unsupported content type',
        fields: [{ path: 'Content-Type', message: 'application/json, or an audio type where a route takes a file' }],
      },
    };
  if (status >= 400 && status < 500)
    return {
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: 'Malformed request', fields: [{ path: '(request)', message: error.message }] },
    };
  return { status: 500, body: { code: 'INTERNAL', message: 'Internal error; the failure was logged' } };
};

/** JSON bodies are parsed here, so a malformed one becomes our VALIDATION_FAILED, not Fastify's own error. */
export const installBodyParsers = (fastify: FastifyInstance): void => {
  fastify.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, _request, reply) => {
    const { status, body } = transportErrorBody(error);
    return reply.code(status).send(body);
  });

  // Raw uploads (greetings, messages, CSV imports) arrive as bytes; their content is checked by the service, not trusted from the header.
  fastify.addContentTypeParser(
    ['audio/wav', 'audio/x-wav', 'audio/mpeg', 'application/octet-stream', 'text/csv'],
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(null, { [MALFORMED]: (error as Error).message });
    }
  });
};

const principalOf = (caller: Caller): Principal => ({
  id: caller.id,
  role: caller.role,
  // An occupier admin's tenant is its occupier; the services check number ownership against it.
  ...((caller.occupierId ?? caller.tenant) ? { tenantId: caller.occupierId ?? caller.tenant ?? undefined } : {}),
  ...(caller.role === 'operator' ? { sites: [...caller.sites] } : {}),
});

/** A client's Idempotency-Key is scoped to the caller, so one tenant can never replay another's command. */
const commandIdOf = (caller: Caller, key: string | undefined): string =>
  key ? `k-${createHash('sha256').update(`${caller.id}\u0000${key}`).digest('hex').slice(0, 40)}` : randomUUID();

/**
 * A 500 is a bug: logged with its stack. A 503 is infrastructure out of reach (NATS, a service, a
 * store, the identity provider): logged as a warning with its cause. Both carry the trace id the
 * client got in x-trace-id.
 */
const logFailure = (logger: Logger, error: unknown, body: ErrorBody, route: RouteSpec, traceId: string | undefined): void => {
  const line = { err: error, code: body.code, route: route.operationId, ...(traceId ? { trace_id: traceId } : {}) };
  if (body.code === 'INTERNAL') logger.error(line, 'request failed unexpectedly (a bug): answered 500');
  else if (body.code === 'UNAVAILABLE') logger.warn(line, `request failed: ${body.message}; answered 503 (retryable)`);
};

/** The client keeps the latest token: the one it sent, moved on by whatever the call wrote. */
const handBack = (reply: FastifyReply, consistency: RequestConsistency | undefined): void => {
  const token = consistency?.token;
  if (token) void reply.header(CONSISTENCY_HEADER, token);
};

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export const registerRoutes = (
  fastify: FastifyInstance,
  routes: readonly RouteSpec[],
  deps: {
    readonly tokens: TokenVerifier;
    readonly logger: Logger;
    readonly metrics: PlatformMetrics;
    readonly occupierSites: OccupierSites;
    /** Binds a client's Idempotency-Key to the route it is first used on (all gateway replicas share it). */
    readonly bindIdempotencyKey: (commandId: string, operationId: string) => Promise<void>;
  },
): void => {
  for (const route of routes) {
    fastify.route({
      method: route.method,
      url: route.path.replace(/\{(\w+)\}/g, ':$1'),
      handler: (request: FastifyRequest, reply: FastifyReply) =>
        inSpan(
          `HTTP ${route.method} ${route.path}`,
          {
            parent: { ...(header(request, 'traceparent') ? { traceparent: header(request, 'traceparent') } : {}) },
            kind: SpanKind.SERVER,
            attributes: { 'http.request.method': route.method, 'http.route': route.path },
          },
          async () => {
            const started = process.hrtime.bigint();
            const traceId = currentTraceId();
            if (traceId) void reply.header('x-trace-id', traceId);
            let status = 500;
            let consistency: RequestConsistency | undefined;
            try {
              const body = request.body as Record<PropertyKey, unknown> | undefined;
              if (body && typeof body === 'object' && MALFORMED in body) {
                throw new PlatformError('VALIDATION_FAILED', 'Request body is not valid JSON', {
                  fields: [{ path: '(body)', message: String(body[MALFORMED]) }],
                });
              }
              const caller = await deps.tokens.verify(header(request, 'authorization'));
              const params = request.params as Record<string, string>;
              await authorize(caller, route.roles, route.scope(params), deps.occupierSites);
              const idempotencyKey = header(request, 'idempotency-key');
              if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
                throw new PlatformError('VALIDATION_FAILED', 'Invalid Idempotency-Key', {
                  fields: [{ path: 'Idempotency-Key', message: '1-200 visible ASCII characters' }],
                });
              }
              const commandId = commandIdOf(caller, idempotencyKey);
              if (idempotencyKey !== undefined && route.method !== 'GET') await deps.bindIdempotencyKey(commandId, route.operationId);
              consistency = RequestConsistency.fromHeader(header(request, CONSISTENCY_HEADER));
              const result = await withRequestConsistency(consistency, () =>
                route.handle({
                  caller,
                  principal: principalOf(caller),
                  params,
                  query: (request.query ?? {}) as Record<string, unknown>,
                  body,
                  commandId,
                  correlationId: header(request, 'x-correlation-id')?.slice(0, 100) ?? randomUUID(),
                }),
              );
              handBack(reply, consistency);
              if (result.kind === 'json') {
                status = result.status;
                return await reply.code(result.status).send(result.body);
              }
              status = 200;
              return await reply
                .code(200)
                .header('content-type', result.contentType)
                .header('content-disposition', `attachment; filename="${result.filename}"`)
                .send(result.stream);
            } catch (error) {
              const body = toErrorBody(error);
              logFailure(deps.logger, error, body, route, traceId);
              handBack(reply, consistency);
              status = httpStatusOf[body.code];
              if (body.retryable) void reply.header('retry-after', '1');
              return await reply.code(status).send(body);
            } finally {
              deps.metrics.httpDuration.observe(
                { method: route.method, route: route.path, status: String(status) },
                Number(process.hrtime.bigint() - started) / 1e9,
              );
            }
          },
        ),
    });
  }
};
