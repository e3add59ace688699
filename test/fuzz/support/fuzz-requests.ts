import fc from 'fast-check';
import {
  adversarialString,
  hugeString,
  mutatedBody,
  toJsonText,
  valueFor,
  wrongType,
  type BodyKind,
  type JsonSchema,
  type Vocabulary,
} from './json-schema-arbitrary';

/** One operation of the OpenAPI document, as the fuzzer drives it. */
export type Operation = {
  readonly operationId: string;
  /** The roles the document says may call it (its description); requests favour them, so more get past authorization. */
  readonly roles: readonly string[];
  readonly method: string;
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly query: readonly { readonly name: string; readonly required: boolean; readonly schema: JsonSchema }[];
  readonly jsonBody?: JsonSchema;
  readonly rawBodyTypes?: readonly string[];
};

type OpenApiOperation = {
  operationId: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

/** A body repeating a path parameter is refused outright; valid-shaped bodies leave them out (mutations may add them back). */
const withoutKeys = (schema: JsonSchema | undefined, keys: readonly string[]): JsonSchema | undefined =>
  schema?.properties
    ? {
        ...schema,
        properties: Object.fromEntries(Object.entries(schema.properties).filter(([k]) => !keys.includes(k))),
        ...(schema.required ? { required: schema.required.filter((k) => !keys.includes(k)) } : {}),
      }
    : schema;

/** Every operation in the document: a route added to the gateway is fuzzed without touching this file. */
export const operationsOf = (document: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const parameters = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const pathParams = parameters.filter((p) => p.in === 'path').map((p) => p.name);
      const json = withoutKeys(content['application/json']?.schema, pathParams);
      const raw = Object.keys(content).filter((type) => type !== 'application/json');
      const roles = /Roles: ([^.]*)\./.exec(op.description ?? '')?.[1]?.split(', ') ?? [];
      return {
        operationId: op.operationId,
        roles,
        method: method.toUpperCase(),
        path,
        pathParams,
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required ?? false, schema: p.schema ?? {} })),
        ...(json ? { jsonBody: json } : {}),
        ...(raw.length > 0 ? { rawBodyTypes: raw } : {}),
      };
    }),
  );

/** A request as sent, and enough to send it again: the token by its role's name, the body as bytes. */
export type FuzzRequest = {
  readonly operationId: string;
  readonly role: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly bodyKind: BodyKind | 'none' | 'raw' | 'bytes' | 'empty';
  readonly body?: Buffer;
};

export type FuzzContext = {
  readonly vocabulary: Vocabulary;
  /** Known good values for path parameters, by parameter name. */
  readonly pathValues: Readonly<Record<string, readonly string[]>>;
  readonly roles: readonly string[];
};

/** The value in `percent` of cases, null otherwise. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 100 - percent }, { arbitrary, weight: percent });

/** Bytes Node lets into a header value: tab, visible ASCII, space and Latin-1. */
const headerGarbage = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 }),
  fc.string({ unit: fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 50 }),
  fc.constantFrom('', ' ', '\t', 'x'.repeat(8000), '%00', '../', 'null', '00-', '\u00ff\u00fe'),
);

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), minLength: length, maxLength: length });

const traceparent = fc.oneof(
  fc.tuple(hex(32), hex(16)).map(([t, s]) => `00-${t}-${s}-01`),
  fc.constantFrom(
    '00-00000000000000000000000000000000-0000000000000000-01',
    'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7',
    '00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01',
    '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra',
    '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-09-future',
  ),
  fc.tuple(hex(31), hex(17)).map(([t, s]) => `00-${t}-${s}-01`),
  headerGarbage,
);

const idempotencyKey = fc.oneof(
  { arbitrary: fc.uuid(), weight: 6 },
  fc.constantFrom('fuzz-shared-key', 'fuzz-shared-key-2'),
  fc.stringMatching(/^[\x21-\x7e]{1,200}$/),
  fc.constantFrom('x'.repeat(200), 'x'.repeat(201), '', ' ', 'a b', '\u00e9t\u00e9'),
  headerGarbage,
);

const jsonContentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 12 },
  {
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'application/JSON',
      'application/json;;;',
      'text/plain',
      'text/csv',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=fuzz',
      'application/octet-stream',
      'audio/wav',
      'application/xml',
      '*/*',
      'application/vnd.api+json',
    ),
    weight: 2,
  },
  { arbitrary: headerGarbage, weight: 1 },
);

/** Percent-encoding that survives unpaired surrogates (encodeURIComponent throws on them). */
const encode = (value: string): string => encodeURIComponent(value.replace(/[\ud800-\udfff]/gu, '\ufffd'));

const pathValue = (name: string, context: FuzzContext): fc.Arbitrary<string> => {
  const known = context.pathValues[name] ?? context.vocabulary.ids;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...known).map(encode), weight: 10 },
    { arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/).map(encode), weight: 2 },
    {
      arbitrary: adversarialString(context.vocabulary)
        .filter((s) => s.length < 20_000)
        .map(encode),
      weight: 3,
    },
    {
      // Sent as they are: encoded slashes, bad escapes, overlong UTF-8, dot segments, very long.
      arbitrary: fc.constantFrom(
        '%2F',
        'a%2Fb',
        '%2e%2e',
        '..',
        '.',
        '%',
        '%ZZ',
        '%C0%AF',
        '%ED%A0%80',
        '%00',
        '%FF%FE',
        'a%20b',
        '+',
        '%2B447700900123',
        '@',
        ';x=1',
        'x'.repeat(5_000),
        'x'.repeat(20_000),
        '%F0%9F%98%80',
      ),
      weight: 3,
    },
  );
};

const queryString = (op: Operation, context: FuzzContext): fc.Arbitrary<string> => {
  if (op.query.length === 0)
    return fc.oneof(
      { arbitrary: fc.constant(''), weight: 8 },
      { arbitrary: fc.constantFrom('?x=1', '?', '?&&', '?a=%ZZ', '?__proto__[x]=1'), weight: 1 },
    );
  const entries = op.query.map((q) =>
    fc.option(
      fc.oneof(
        { arbitrary: valueFor(q.schema, context.vocabulary).map((v) => (Array.isArray(v) ? v.map(String) : [String(v)])), weight: 6 },
        {
          arbitrary: adversarialString(context.vocabulary)
            .filter((s) => s.length < 5_000)
            .map((s) => [s]),
          weight: 2,
        },
        { arbitrary: wrongType(context.vocabulary).map((v) => [typeof v === 'string' ? v : (JSON.stringify(v) ?? '')]), weight: 1 },
        { arbitrary: fc.array(fc.string({ maxLength: 10 }), { minLength: 2, maxLength: 6 }), weight: 1 },
      ),
      { nil: undefined, freq: q.required ? 10 : 2 },
    ),
  );
  return fc
    .tuple(
      fc.tuple(...entries),
      sometimes(fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })), 10),
      sometimes(fc.constantFrom('&a=%ZZ', '&&&', '&page=1&page=2', '&=', '&%00=%00'), 10),
    )
    .map(([values, extra, garbage]) => {
      const parts: string[] = [];
      op.query.forEach((q, i) => {
        const v = values[i];
        if (v === undefined) return;
        if (v.length > 1 && q.schema.type === 'array') parts.push(`${q.name}=${v.map(encode).join(',')}`);
        else for (const one of v) parts.push(`${q.name}=${encode(one)}`);
      });
      if (extra) parts.push(`${encode(extra[0])}=${encode(extra[1])}`);
      const text = parts.join('&') + (garbage ?? '');
      return text ? `?${text}` : '';
    });
};

/** WAV and MP3 headers, truncated and whole, with random tails; and things that are not audio. */
const audioBytes = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('RIFF\u0000\u0000\u0000\u0000WAVEfmt ', 'ID3\u0004\u0000\u0000', 'RIFF', 'ID', ''),
      fc.uint8Array({ maxLength: 2_000 }),
    )
    .map(([head, tail]) => Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(tail)])),
  fc.uint8Array({ maxLength: 64 }).map((tail) => Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.from(tail)])),
  fc.constantFrom(600 * 1024, 1_500_000, 2_500_000).map((n) => Buffer.concat([Buffer.from('ID3\u0004\u0000\u0000'), Buffer.alloc(n)])),
  fc.constant(Buffer.alloc(0)),
);

/** Bodies that are not JSON at all: broken JSON, a JSON NUL, invalid UTF-8, a lone value. */
const rawBody = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":}',
    '[1,2,',
    '{"a":"\u0000"}',
    '{"a":"\\ud800"}',
    '{"a":1}{"b":2}',
    '"just a string"',
    '42',
    'null',
    'true',
    '[]',
    ' \n\t ',
    '\ufeff{}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    'a=1&b=2',
    '<xml/>',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  hugeString.map((s) => `{"a":"${s}"}`),
);

const invalidUtf8 = fc
  .uint8Array({ minLength: 1, maxLength: 100 })
  .map((b) => Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(b), Buffer.from('"}')]));

type BodyChoice = { kind: FuzzRequest['bodyKind']; body?: Buffer; contentType?: string };

const bodyFor = (op: Operation, context: FuzzContext): fc.Arbitrary<BodyChoice> => {
  if (op.method === 'GET')
    return fc.oneof(
      { arbitrary: fc.constant<BodyChoice>({ kind: 'none' }), weight: 20 },
      { arbitrary: fc.constant<BodyChoice>({ kind: 'raw', body: Buffer.from('{"x":1}'), contentType: 'application/json' }), weight: 1 },
    );
  if (op.rawBodyTypes)
    return fc.oneof(
      {
        arbitrary: fc
          .tuple(audioBytes, fc.constantFrom(...op.rawBodyTypes, 'audio/x-wav', 'application/json', 'text/plain'))
          .map(([body, contentType]): BodyChoice => ({ kind: 'bytes', body, contentType })),
        weight: 8,
      },
      {
        arbitrary: rawBody.map((text): BodyChoice => ({ kind: 'raw', body: Buffer.from(text), contentType: 'application/json' })),
        weight: 2,
      },
      { arbitrary: fc.constant<BodyChoice>({ kind: 'empty', body: Buffer.alloc(0) }), weight: 1 },
    );
  const json = mutatedBody(op.jsonBody, context.vocabulary, op.pathParams).map(({ kind, value }): BodyChoice => ({
    kind,
    body: Buffer.from(toJsonText(value)),
    contentType: 'application/json',
  }));
  return fc.oneof(
    { arbitrary: json, weight: 16 },
    {
      arbitrary: rawBody.map((text): BodyChoice => ({ kind: 'raw', body: Buffer.from(text), contentType: 'application/json' })),
      weight: 2,
    },
    { arbitrary: invalidUtf8.map((body): BodyChoice => ({ kind: 'raw', body, contentType: 'application/json' })), weight: 1 },
    { arbitrary: fc.constant<BodyChoice>({ kind: 'empty', body: Buffer.alloc(0) }), weight: 1 },
    { arbitrary: fc.constant<BodyChoice>({ kind: 'none' }), weight: 1 },
  );
};

/** Random and adversarial requests for one operation, with a valid token of some role most of the time. */
export const requestsFor = (op: Operation, context: FuzzContext): fc.Arbitrary<FuzzRequest> => {
  const allowed = context.roles.filter((role) => op.roles.includes(role));
  return fc
    .record({
      role: fc.oneof(
        ...(allowed.length > 0 ? [{ arbitrary: fc.constantFrom(...allowed), weight: 30 }] : []),
        { arbitrary: fc.constantFrom(...context.roles), weight: 20 },
        { arbitrary: fc.constantFrom('none', 'garbage'), weight: 1 },
      ),
      params: fc.tuple(...op.pathParams.map((name) => pathValue(name, context))),
      query: queryString(op, context),
      body: bodyFor(op, context),
      contentType: sometimes(jsonContentType, 10),
      idempotencyKey: sometimes(idempotencyKey, 40),
      correlationId: sometimes(fc.oneof(fc.uuid(), headerGarbage), 30),
      traceparent: sometimes(traceparent, 30),
      tracestate: sometimes(headerGarbage, 10),
    })
    .map(({ role, params, query, body, contentType, idempotencyKey: key, correlationId, traceparent: tp, tracestate }) => {
      let path = op.path;
      op.pathParams.forEach((name, i) => {
        path = path.replace(`{${name}}`, params[i] ?? '');
      });
      const headers: Record<string, string> = {};
      if (body.kind !== 'none')
        headers['content-type'] = body.kind === 'bytes' ? (body.contentType ?? '') : (contentType ?? 'application/json');
      if (key !== null) headers['idempotency-key'] = key;
      if (correlationId !== null) headers['x-correlation-id'] = correlationId;
      if (tp !== null) headers['traceparent'] = tp;
      if (tracestate !== null) headers['tracestate'] = tracestate;
      return {
        operationId: op.operationId,
        role,
        method: op.method,
        path: `${path}${query}`,
        headers,
        bodyKind: body.kind,
        ...(body.body !== undefined ? { body: body.body } : {}),
      };
    });
};
