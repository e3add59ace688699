import Fastify from 'fastify';
import { PlatformError } from '@tnp/kernel';
import { createMetrics } from '@tnp/platform';
import { capturedLogger } from '@tnp/testing';
import type { TokenVerifier } from '../auth/jwt';
import { installBodyParsers, registerRoutes } from './register-routes';
import type { RouteSpec } from './route';

const route = (path: string, handle: RouteSpec['handle']): RouteSpec => ({
  method: 'POST',
  path,
  operationId: path.slice(1),
  summary: path,
  tag: 'Test',
  roles: [],
  scope: () => ({ kind: 'platform' }),
  responseDescription: 'test',
  handle,
});

const setUp = async () => {
  const { lines, logger } = capturedLogger();
  const tokens: TokenVerifier = {
    verify: async () => ({ id: 'essensys', role: 'platform', sites: [], occupierId: null, tenant: null }),
  };
  const fastify = Fastify();
  installBodyParsers(fastify);
  const seen: string[] = [];
  registerRoutes(
    fastify,
    [
      route('/bug', async () => (undefined as unknown as { x: () => never }).x()),
      route('/down', async () => {
        throw new PlatformError('UNAVAILABLE', 'No replica serves cmd.x right now; retry shortly');
      }),
      route('/refused', async () => {
        throw new PlatformError('IDEMPOTENCY_KEY_REUSED', 'used for another request');
      }),
      route('/echo', async (ctx) => {
        seen.push(ctx.commandId);
        return { kind: 'json', status: 200, body: { ok: true } };
      }),
    ],
    { tokens, logger, metrics: createMetrics('gateway-spec'), occupierSites: async () => [], bindIdempotencyKey: async () => undefined },
  );
  const base = await fastify.listen({ port: 0, host: '127.0.0.1' });
  const post = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, { method: 'POST', headers: { authorization: 'Bearer x', ...headers } });
    return { statusCode: response.status, headers: response.headers, body: (await response.json()) as unknown };
  };
  return { fastify, lines, seen, post };
};

describe('gateway failures', () => {
  test('a bug answers 500 and is logged as an error with its stack', async () => {
    const { fastify, lines, post } = await setUp();
    const response = await post('/bug');
    expect(response.statusCode).toBe(500);
    expect(response.body).toEqual({ code: 'INTERNAL', message: 'Internal error; the failure was logged' });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        code: 'INTERNAL',
        route: 'bug',
        err: expect.objectContaining({ type: 'TypeError', stack: expect.stringContaining('at ') }),
      }),
    ]);
    await fastify.close();
  });

  test('infrastructure out of reach answers 503 with Retry-After and is logged as a warning; a 422 is an answer, not logged', async () => {
    const { fastify, lines, post } = await setUp();
    const down = await post('/down');
    expect(down.statusCode).toBe(503);
    expect(down.headers.get('retry-after')).toBe('1');
    expect(down.body).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
    const refused = await post('/refused');
    expect(refused.statusCode).toBe(422);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(lines).toEqual([expect.objectContaining({ level: 40, code: 'UNAVAILABLE', route: 'down' })]);
    await fastify.close();
  });

  test("an Idempotency-Key becomes a command id of the caller's own; without one every request is new", async () => {
    const { fastify, seen, post } = await setUp();
    for (const key of ['k-1', 'k-1', undefined, undefined]) await post('/echo', key ? { 'idempotency-key': key } : {});
    expect(seen[0]).toEqual(seen[1]);
    expect(seen[0]).toMatch(/^k-[0-9a-f]{40}$/);
    expect(new Set(seen).size).toBe(3);
    await fastify.close();
  });
});
