import { z } from 'zod';
import { parseOrThrow, validationFailed, type Reply } from '@tnp/kernel';
import type { ServiceClient } from './nats-client';
import { fromReply, type RouteContext, type RouteSpec } from './route';

/** Path parameters belong to the path: a body repeating them is refused rather than silently overridden. */
export const withPathParams = (body: unknown, params: Record<string, string>): Record<string, unknown> => {
  const object = body === undefined || body === null ? {} : body;
  if (typeof object !== 'object' || Array.isArray(object)) throw validationFailed([{ path: '(body)', message: 'must be a JSON object' }]);
  const repeated = Object.keys(params).filter((key) => key in object);
  if (repeated.length > 0) {
    throw validationFailed(repeated.map((key) => ({ path: key, message: 'comes from the URL path; remove it from the body' })));
  }
  return { ...object, ...params };
};

/** Sends the body merged with the path parameters, validated with the command's own schema. */
export const sendCommand = <T>(
  client: ServiceClient,
  subject: string,
  schema: z.ZodType,
  ctx: RouteContext,
  data?: unknown,
): Promise<Reply<T>> =>
  client.command<T>(subject, {
    commandId: ctx.commandId,
    principal: ctx.principal,
    correlationId: ctx.correlationId,
    data: parseOrThrow(schema, data ?? withPathParams(ctx.body, ctx.params)),
  });

/**
 * The JSON body a command route documents: the command's own schema without the fields the path
 * gives (a body repeating them is refused). Field schemas are the contract's, so the OpenAPI
 * document states each one's pattern and length limit; cross-field refinements stay with the
 * contract, which validates the request.
 */
export const bodyOf = (schema: { readonly shape: z.ZodRawShape }, ...pathParams: readonly string[]): z.ZodType =>
  z.strictObject(Object.fromEntries(Object.entries(schema.shape).filter(([key]) => !pathParams.includes(key))));

export const camelCase = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** A route whose whole job is one command: body plus path parameters in, the service's reply out. */
export const commandRoute = (
  client: ServiceClient,
  spec: Omit<RouteSpec, 'handle' | 'responseDescription' | 'operationId' | 'response'> & {
    readonly subject: string;
    readonly schema: z.ZodType;
    /** What the command answers on success. */
    readonly response: z.ZodType;
    readonly operationId?: string;
    readonly responseDescription?: string;
  },
): RouteSpec => {
  const { subject, schema, ...route } = spec;
  return {
    ...route,
    operationId: spec.operationId ?? camelCase(subject.split('.').at(-1) ?? subject),
    responseDescription: spec.responseDescription ?? 'The ids of the events appended (none for a no-op)',
    handle: async (ctx) => fromReply(await sendCommand(client, subject, schema, ctx)),
  };
};

/** A route whose whole job is one query: path parameters and query string in, the service's reply out. */
export const queryRoute = (
  client: ServiceClient,
  spec: Omit<RouteSpec, 'handle'> & {
    readonly subject: string;
    readonly schema: z.ZodType;
    /** The query's data from the request; by default its query string and path parameters. */
    readonly dataOf?: (ctx: RouteContext) => unknown;
  },
): RouteSpec => {
  const { subject, schema, dataOf, ...route } = spec;
  return {
    ...route,
    handle: async (ctx) =>
      fromReply(await client.query(subject, ctx.principal, parseOrThrow(schema, dataOf ? dataOf(ctx) : { ...ctx.query, ...ctx.params }))),
  };
};
