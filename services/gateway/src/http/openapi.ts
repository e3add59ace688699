import { z } from 'zod';
import { httpStatusOf, type ErrorCode } from '@tnp/kernel';
import type { RouteSpec } from './route';

const errorSchema = {
  type: 'object',
  required: ['code', 'message'],
  additionalProperties: false,
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

/** Each status's error body, with the codes it may carry. */
const ERROR_STATUSES: Record<string, { readonly codes: readonly ErrorCode[]; readonly description: string }> = {
  '400': { codes: ['VALIDATION_FAILED'], description: 'VALIDATION_FAILED, with the failing fields' },
  '401': { codes: ['UNAUTHENTICATED'], description: 'UNAUTHENTICATED: no token, or one that is invalid or expired' },
  '403': { codes: ['FORBIDDEN'], description: 'FORBIDDEN: the route is not open to the caller’s role' },
  '404': { codes: ['NOT_FOUND'], description: 'NOT_FOUND, also for what belongs to another tenant' },
  '409': {
    codes: ['INVALID_TRANSITION', 'RULE_VIOLATED', 'CONCURRENCY_CONFLICT'],
    description: 'INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable)',
  },
  '413': { codes: ['VALIDATION_FAILED'], description: 'VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB)' },
  '415': { codes: ['VALIDATION_FAILED'], description: 'VALIDATION_FAILED: a content type the route does not take' },
  '422': { codes: ['IDEMPOTENCY_KEY_REUSED'], description: 'IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request' },
  '429': { codes: ['TOO_MANY_ATTEMPTS'], description: 'TOO_MANY_ATTEMPTS (retryable, with the rule): too many wrong guesses lately' },
  '500': { codes: ['INTERNAL'], description: 'INTERNAL: a bug, logged with the trace id the response carries in x-trace-id' },
  '503': {
    codes: ['UNAVAILABLE'],
    description:
      'UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached',
  },
};

const errorComponents = Object.fromEntries(
  Object.entries(ERROR_STATUSES).map(([status, { codes }]) => [
    `Error${status}`,
    { allOf: [{ $ref: '#/components/schemas/Error' }, { type: 'object', properties: { code: { enum: codes } } }] },
  ]),
);

const errorResponse = (status: string) => ({
  description: ERROR_STATUSES[status]?.description ?? status,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/Error${status}` } } },
});

const jsonSchemaOf = (schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> => {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json['$schema'];
  return json;
};

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

const successContent = (route: RouteSpec): Record<string, unknown> =>
  route.produces === 'text/csv'
    ? { 'text/csv': { schema: { type: 'string' } } }
    : { 'application/json': { schema: route.response ? jsonSchemaOf(route.response, 'output') : {} } };

/** Every status the route answers with: its success body, and each error status with the codes it carries. */
const responsesOf = (route: RouteSpec): Record<string, unknown> => {
  const success = String(route.successStatus ?? 200);
  const errors = [
    '400',
    '401',
    '403',
    '404',
    '409',
    ...(route.method === 'GET' ? [] : ['413', '415', '422']),
    ...(route.limitsGuesses ? ['429'] : []),
    '500',
    '503',
  ];
  const responses: Record<string, unknown> = {
    [success]: { description: route.responseDescription, headers: consistencyHeader, content: successContent(route) },
    ...Object.fromEntries(errors.map((status) => [status, errorResponse(status)])),
  };
  for (const status of route.alsoAnswers ?? []) {
    const error = ERROR_STATUSES[String(status)];
    const body = (successContent(route)['application/json'] as { schema: unknown }).schema;
    responses[String(status)] = {
      description: error ? `${route.responseDescription}; or ${error.description}` : route.responseDescription,
      headers: consistencyHeader,
      content: {
        'application/json': { schema: error ? { anyOf: [body, { $ref: `#/components/schemas/Error${status}` }] } : body },
      },
    };
  }
  return responses;
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
      responses: responsesOf(route),
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
        content: { 'application/json': { schema: jsonSchemaOf(route.body, 'input') } },
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
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: errorSchema, ...errorComponents },
    },
    paths,
  };
};
