import { z } from 'zod';
import type { RouteSpec } from './route';

const errorSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: {
      type: 'string',
      enum: [
        'VALIDATION_FAILED',
        'UNAUTHENTICATED',
        'FORBIDDEN',
        'NOT_FOUND',
        'INVALID_TRANSITION',
        'RULE_VIOLATED',
        'CONCURRENCY_CONFLICT',
        'UNAVAILABLE',
        'INTERNAL',
      ],
    },
    message: { type: 'string' },
    rule: { type: 'string', description: 'For INVALID_TRANSITION and RULE_VIOLATED: which business rule refused the request' },
    fields: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
    retryable: { type: 'boolean' },
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
        ...(route.method === 'GET'
          ? []
          : [
              {
                name: 'Idempotency-Key',
                in: 'header',
                required: false,
                description: 'Command id: a repeat returns the first result',
                schema: { type: 'string' },
              },
            ]),
      ],
      responses: {
        [String(route.successStatus ?? 200)]: {
          description: route.responseDescription,
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
        '503': errorResponse('UNAVAILABLE (retryable)'),
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
