import { routeCatalogue } from '../gateway.app';
import type { ServiceClient } from './nats-client';
import { openApiDocument } from './openapi';

/** Routes whose 409 is their own result (every item refused: FAILED), not an error body. */
const RESULT_ON_409 = ['provisionNumbers', 'bulkChangeNumbers', 'importNumbers'];

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
  propertyNames?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  maxLength?: number;
  pattern?: string;
};
type Operation = {
  operationId: string;
  parameters: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema & { $ref?: string } }> }>;
};

const doc = openApiDocument(routeCatalogue({} as ServiceClient, ''), 'http://localhost') as {
  paths: Record<string, Record<string, Operation>>;
};
const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));

/** Every string schema inside a schema, with where it is. */
const strings = (schema: Schema, at: string): { at: string; schema: Schema }[] => {
  const here = schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string')) ? [{ at, schema }] : [];
  return [
    ...here,
    ...Object.entries(schema.properties ?? {}).flatMap(([k, s]) => strings(s, `${at}.${k}`)),
    ...(schema.items ? strings(schema.items, `${at}[]`) : []),
    ...(schema.additionalProperties && typeof schema.additionalProperties === 'object'
      ? strings(schema.additionalProperties, `${at}.*`)
      : []),
    ...(schema.propertyNames ? strings(schema.propertyNames, `${at}(key)`) : []),
    ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].flatMap((s, i) => strings(s, `${at}|${i}`)),
  ];
};

/** A pattern bounds the length when it is anchored and repeats nothing without an upper bound. */
const boundedPattern = (pattern: string): boolean =>
  pattern.startsWith('^') && pattern.endsWith('$') && !/(^|[^\\])[*+]|\{\d+,\}/.test(pattern.replace(/\\./g, '\\x'));

const inputs = (op: Operation) => [
  ...op.parameters.filter((p) => p.in === 'query').flatMap((p) => strings(p.schema, `${op.operationId} ?${p.name}`)),
  ...strings(op.requestBody?.content['application/json']?.schema ?? {}, `${op.operationId} body`),
];

describe('the OpenAPI document states what each input takes', () => {
  test('every string in a request body or query states its length limit (maxLength, a bounded pattern or a fixed set)', () => {
    const unbounded = operations
      .flatMap(inputs)
      .filter(({ schema }) => schema.enum === undefined && schema.const === undefined && schema.maxLength === undefined)
      .filter(({ schema }) => !(schema.pattern && boundedPattern(schema.pattern)))
      .map(({ at }) => at);
    expect(unbounded).toEqual([]);
  });

  test('free text states its limit and the characters it refuses', () => {
    const registerUser = operations.find((o) => o.operationId === 'registerUser');
    const firstName = registerUser?.requestBody?.content['application/json']?.schema.properties?.['firstName'];
    expect(firstName?.maxLength).toBe(60);
    const refuses = new RegExp(firstName?.pattern ?? '', 'u');
    expect(['Ada\u0000', 'a\ud800', 'a\nb', '\u202eevil'].filter((s) => refuses.test(s))).toEqual([]);
    expect(refuses.test('Zoë 👩🏽‍💻')).toBe(true);
  });

  test('a body documents no field its path gives (a body repeating one is refused)', () => {
    const repeated = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.values(methods).flatMap((op) => {
        const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
        const body = op.requestBody?.content['application/json']?.schema.properties ?? {};
        return names.filter((n) => n in body).map((n) => `${op.operationId}: ${n}`);
      }),
    );
    expect(repeated).toEqual([]);
  });
});

describe('the OpenAPI document states what each route answers', () => {
  test('every JSON success body is typed: an object schema that states its fields and refuses others', () => {
    const untyped = operations.flatMap((op) =>
      Object.entries(op.responses)
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([status, response]) => {
          const schema = response.content?.['application/json']?.schema;
          if (!schema) return response.content?.['text/csv'] ? [] : [`${op.operationId} ${status}: no JSON body`];
          const typed =
            schema.type === 'object' &&
            schema.properties &&
            Object.keys(schema.properties).length > 0 &&
            schema.additionalProperties === false;
          return typed ? [] : [`${op.operationId} ${status}`];
        }),
    );
    expect(untyped).toEqual([]);
  });

  test('every error status names the codes it carries; only PIN routes answer 429', () => {
    for (const op of operations) {
      for (const status of ['400', '401', '403', '404', '409', '500', '503']) {
        expect({ op: op.operationId, status, ref: op.responses[status]?.content?.['application/json']?.schema.$ref }).toEqual({
          op: op.operationId,
          status,
          ref: status === '409' && RESULT_ON_409.includes(op.operationId) ? undefined : `#/components/schemas/Error${status}`,
        });
      }
    }
    expect(
      operations
        .filter((op) => op.responses['429'])
        .map((op) => op.operationId)
        .sort(),
    ).toEqual(['changePin', 'verifyPin']);
  });
});
