import { z } from 'zod';
import { httpStatusOf } from '@tnp/kernel';
import type { RouteSpec } from './route';

const errorSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: {
      type: 'string',
      // Every code the platform answers with, over HTTP as over NATS.
      enum: Object.keys(httpStatusOf),
    },
    message: { type: 'string' },
    rule: {
      type: 'string',
      description:
        'For INVALID_TRANSITION and RULE_VIOLATED: which business rule refused the request; COMMAND_IN_PROGRESS for a CONCURRENCY_CONFLICT on an Idempotency-Key whose first request still runs',
    },
    fields: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
    lag: {
      type: 'array',
      description:
        'With rule CONSISTENCY_NOT_REACHED (503): the followers in the context reached that had not yet processed what the Consistency-Token names, and how many events each still had to',
      items: {
        type: 'object',
        required: ['follower', 'events'],
        properties: { follower: { type: 'string' }, events: { type: 'integer' } },
      },
    },
    retryable: { type: 'boolean' },
  },
};

const CONSISTENCY_TOKEN_FORMAT = '<service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave)';

const consistencyParameter = {
  name: 'Consistency-Token',
  in: 'header',
  required: false,
  description: `Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: ${CONSISTENCY_TOKEN_FORMAT}.`,
  schema: { type: 'string', maxLength: 2048 },
};

const consistencyHeader = {
  'Consistency-Token': {
    description:
      'The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written.',
    schema: { type: 'string' },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const queryParameters = (schema: z.ZodType) => {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
};

/** The OpenAPI document, generated from the same route specs and schemas that serve requests. */
export const openApiDocument = (routes: readonly RouteSpec[], serverUrl: string): Record<string, unknown> => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      description: `Roles: ${route.roles.length === 0 ? 'platform' : ['platform', ...route.roles].join(', ')}.`,
      parameters: [
        ...pathParams,
        ...(route.query ? queryParameters(route.query) : []),
        consistencyParameter,
        ...(route.method === 'GET'
          ? []
          : [
              {
                name: 'Idempotency-Key',
                in: 'header',
                required: false,
                description:
                  'Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again.',
                schema: { type: 'string' },
              },
            ]),
      ],
      responses: {
        [String(route.successStatus ?? 200)]: {
          description: route.responseDescription,
          headers: consistencyHeader,
          content:
            route.produces === 'text/csv'
              ? { 'text/csv': { schema: { type: 'string' } } }
              : { 'application/json': { schema: { type: 'object' } } },
        },
        '400': errorResponse('VALIDATION_FAILED, with the failing fields'),
        '401': errorResponse('UNAUTHENTICATED'),
        '403': errorResponse('FORBIDDEN'),
        '404': errorResponse('NOT_FOUND'),
        '409': errorResponse('INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable)'),
        ...(route.method === 'GET'
          ? {}
          : { '422': errorResponse('IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request') }),
        '503': errorResponse(
          'UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached',
        ),
      },
    };
    if (route.consumes) {
      operation['requestBody'] = {
        required: true,
        content: Object.fromEntries(route.consumes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
      };
    }
    if (route.body) {
      operation['requestBody'] = {
        required: true,
        content: { 'application/json': { schema: z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) } },
      };
    }
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Telephony number platform API',
      version: '1.0.0',
      description: 'Numbers, their lifecycle at sites, and who they belong to.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } }, schemas: { Error: errorSchema } },
    paths,
  };
};
