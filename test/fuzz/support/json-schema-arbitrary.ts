import fc from 'fast-check';

/** The part of JSON Schema (draft 2020-12, as zod's toJSONSchema writes it) the fuzzer reads. */
export type JsonSchema = {
  readonly type?: string | readonly string[];
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly propertyNames?: JsonSchema;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly default?: unknown;
};

/** Values the platform knows (seeded ids, numbers): a random body that names them gets past "not found". */
export type Vocabulary = {
  readonly ids: readonly string[];
  readonly numbers: readonly string[];
  /** Good values for string fields by property name, where the schema cannot say (a time zone is checked by code). */
  readonly byName?: Readonly<Record<string, readonly string[]>>;
};

// ---------------------------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------------------------

const slug = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,20}$/);
const e164 = fc.stringMatching(/^\+[1-9]\d{6,14}$/);

/** Strings that look like what the API takes, for fields whose schema says only "string". */
const plausibleString = (vocabulary: Vocabulary): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...vocabulary.ids), weight: 4 },
    { arbitrary: fc.constantFrom(...vocabulary.numbers), weight: 2 },
    { arbitrary: slug, weight: 2 },
    { arbitrary: e164, weight: 1 },
    { arbitrary: fc.stringMatching(/^\d{4,8}$/), weight: 1 },
    { arbitrary: fc.constantFrom('2031-06-01', '2030-12-31', '09:00', '17:30:00', 'Europe/London', 'America/New_York'), weight: 1 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 2 },
  );

/** NUL, every C0/C1 control, unpaired surrogates, bidi overrides, separators: the characters storage refuses or abuses. */
const nastyChar = fc.oneof(
  fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '\u202e', '\u2066', '\u2028', '\u2029', '\u0085', '\u007f', '\ufeff'),
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);

/** A base string with nasty characters spliced in anywhere. */
const withNastyChars = (base: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(base, fc.array(fc.tuple(fc.nat(), nastyChar), { minLength: 1, maxLength: 3 }))
    .map(([s, inserts]) => inserts.reduce((acc, [at, c]) => acc.slice(0, at % (acc.length + 1)) + c + acc.slice(at % (acc.length + 1)), s));

/** Values that are almost right: a number with spaces or letters, an impossible date, a time zone that is not one. */
const nearMisses = fc.constantFrom(
  '020 7946 0000',
  '+44 20 7946 0000',
  '+4420794600OO',
  '+1abc5550100',
  '+０１２３４５６７８',
  '+١٢٣٤٥٦٧٨٩',
  '+0000000',
  '+9999999999999999999999',
  '+',
  '++447700900123',
  '44-7700-900123',
  '0',
  '-1',
  '1e309',
  'NaN',
  '2025-02-31',
  '2025-13-01',
  '0000-01-01',
  '9999-12-31',
  '24:00',
  '23:59:60',
  '7:5',
  'Europe/Nowhere',
  'Etc/GMT+14',
  '+14:00',
  'UTC',
  '',
  ' ',
  '  padded  ',
  '../..',
  '..%2F..',
  '%00',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  "' OR 1=1 --",
  '"; DROP TABLE events; --',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '\\',
  '=HYPERLINK("x")',
  '-0',
  'true',
  'null',
);

/** Strings meant to break things: controls, surrogates, huge, exotic unicode, near misses. */
export const adversarialString = (vocabulary: Vocabulary): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: withNastyChars(plausibleString(vocabulary)), weight: 6 },
    { arbitrary: nearMisses, weight: 6 },
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: nastyChar, minLength: 1, maxLength: 8 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), weight: 1 },
    { arbitrary: hugeString, weight: 1 },
  );

/** From just over a typical limit to more than NATS takes in one message (1 MiB), within the gateway's 2 MiB body limit. */
export const hugeString = fc
  .tuple(fc.constantFrom(101, 257, 1001, 5_000, 70_000, 600_000, 1_200_000), fc.constantFrom('x', 'é', '😀', '\u0000', 'a b'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

const stringFor = (schema: JsonSchema, vocabulary: Vocabulary): fc.Arbitrary<string> => {
  if (schema.format === 'email') return fc.emailAddress();
  // Formats whose patterns random strings (almost) never match: a filter over them would never end.
  if (schema.format === 'date-time')
    return fc
      .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (schema.format === 'ipv4') return fc.ipV4();
  if (schema.format === 'ipv6') return fc.ipV6();
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 40;
  const fits = (s: string) => s.length >= min && s.length <= max;
  if (schema.pattern !== undefined) {
    let regex: RegExp;
    try {
      regex = new RegExp(schema.pattern, 'u');
    } catch {
      return plausibleString(vocabulary);
    }
    const matching = fc.stringMatching(regex).filter(fits);
    const candidates = fc.oneof(plausibleString(vocabulary), fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 60) }));
    const accepted = (s: string) => regex.test(s) && fits(s);
    // A filter whose candidates (almost) never match would search forever: only patterns they do match get them.
    if (!fc.sample(candidates, { numRuns: 300, seed: 42 }).some(accepted)) return matching;
    return fc.oneof(matching, candidates.filter(accepted));
  }
  return fc.oneof(plausibleString(vocabulary).filter(fits), fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, 200) }));
};

// ---------------------------------------------------------------------------------------------
// Valid-shaped values from a schema
// ---------------------------------------------------------------------------------------------

const typesOf = (schema: JsonSchema): readonly string[] =>
  schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;

/**
 * A value shaped as the schema says: right types, required properties present, enums and
 * patterns respected, sizes within bounds. (Refinements across fields are not in the schema, so
 * some of these are still refused; that is fine, they go deep enough.)
 */
export const valueFor = (schema: JsonSchema, vocabulary: Vocabulary, depth = 0): fc.Arbitrary<unknown> => {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((s) => valueFor(s, vocabulary, depth + 1)));
  if (schema.allOf && schema.allOf.length > 0) return valueFor(schema.allOf[0] ?? {}, vocabulary, depth + 1);
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => valueFor({ ...schema, type }, vocabulary, depth)));
  switch (types[0]) {
    case 'string':
      return stringFor(schema, vocabulary);
    case 'integer': {
      const min = Math.max(schema.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER);
      const max = Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER);
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 100) }), fc.integer({ min, max }));
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? 5, minLength + 5);
      return fc.array(valueFor(schema.items ?? {}, vocabulary, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const required = schema.required ?? [];
      const record = fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([key, property]) => {
            const named = vocabulary.byName?.[key];
            const value = valueFor(property, vocabulary, depth + 1);
            return [key, named && named.length > 0 ? fc.oneof(fc.constantFrom(...named), value) : value];
          }),
        ),
        { requiredKeys: required.filter((key) => key in properties) },
      );
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object' && Object.keys(properties).length === 0) {
        const names = schema.propertyNames;
        const known = vocabulary.ids.filter((id) => {
          try {
            return names?.pattern === undefined || new RegExp(names.pattern, 'u').test(id);
          } catch {
            return true;
          }
        });
        const keys = fc.oneof(
          names ? stringFor(names, vocabulary) : plausibleString(vocabulary),
          ...(known.length > 0 ? [fc.constantFrom(...known)] : []),
        );
        return fc.dictionary(keys, valueFor(schema.additionalProperties, vocabulary, depth + 1), { maxKeys: 4 });
      }
      return record;
    }
    default:
      return depth > 3 ? fc.constant(null) : anyJson;
  }
};

// ---------------------------------------------------------------------------------------------
// Mutations: one thing wrong with an otherwise valid-shaped body
// ---------------------------------------------------------------------------------------------

/**
 * JSON text put into a body as it is: nesting deeper than JSON.stringify can write (it recurses),
 * which JSON.parse on the other side reads without complaint.
 */
export class RawJson {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text.length > 60 ? `${this.text.slice(0, 30)}…(${this.text.length} characters)` : this.text;
  }
}

/** Deep arrays and objects, up to far deeper than any schema goes. */
export const deepNesting = fc
  .tuple(fc.constantFrom(10, 100, 1_000, 5_000, 50_000), fc.boolean())
  .map(
    ([depth, arrays]) => new RawJson(arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  );

/** The body as JSON text, RawJson pieces spliced in verbatim. */
export const toJsonText = (value: unknown): string => {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0000raw-json-${raws.length - 1}\u0000`;
    }
    return v;
  });
  if (text === undefined) return '';
  return raws.length === 0 ? text : text.replace(/"\\u0000raw-json-(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)] ?? 'null');
};

const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** Any value of the wrong type for a field. */
export const wrongType = (vocabulary: Vocabulary): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(null, true, false, 0, -0, -1, 1.5, 1e308, -1e308, 2 ** 53, 2 ** 64, Number.MAX_SAFE_INTEGER + 2, '', [], {}, [null], {
      '': '',
    }),
    fc.integer(),
    fc.double({ noNaN: true }),
    adversarialString(vocabulary),
    anyJson,
    deepNesting,
  );

type Path = readonly (string | number)[];

/** Every position in a JSON value, the root first. */
export const positionsOf = (value: unknown, path: Path = []): Path[] => {
  const here = [path];
  if (value instanceof RawJson) return here;
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => positionsOf(v, [...path, i]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => positionsOf(v, [...path, k]))];
  return here;
};

const setAt = (value: unknown, path: Path, replacement: unknown): unknown => {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? setAt(v, rest, replacement) : v));
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(copy, k, {
        value: k === head ? setAt(v, rest, replacement) : v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return copy;
  }
  return value;
};

const removeAt = (value: unknown, path: Path): unknown => {
  if (path.length === 0) return undefined;
  const parent = path.slice(0, -1);
  const last = path[path.length - 1];
  const parentValue = parent.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], value);
  if (Array.isArray(parentValue))
    return setAt(
      value,
      parent,
      parentValue.filter((_, i) => i !== last),
    );
  if (parentValue && typeof parentValue === 'object')
    return setAt(value, parent, Object.fromEntries(Object.entries(parentValue).filter(([k]) => k !== last)));
  return value;
};

const addAt = (value: unknown, path: Path, key: string, extra: unknown): unknown => {
  const target = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
  if (!target || typeof target !== 'object' || Array.isArray(target)) return value;
  const copy: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  Object.defineProperty(copy, key, { value: extra, enumerable: true, writable: true, configurable: true });
  return setAt(value, path, copy);
};

const stringPositions = (value: unknown): Path[] =>
  positionsOf(value).filter((p) => typeof p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value) === 'string');

const objectPositions = (value: unknown): Path[] =>
  positionsOf(value).filter((p) => {
    const v = p.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], value);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });

const pick = <T>(items: readonly T[], index: number): T | undefined => (items.length === 0 ? undefined : items[index % items.length]);

/** How a JSON body was made: kept with the request so a failure says what kind of input it was. */
export type BodyKind = 'valid-shaped' | 'bad-string' | 'wrong-type' | 'missing-field' | 'extra-field' | 'deep' | 'random-json';

export const mutatedBody = (
  schema: JsonSchema | undefined,
  vocabulary: Vocabulary,
  avoidKeys: readonly string[],
): fc.Arbitrary<{ kind: BodyKind; value: unknown }> => {
  const valid = schema ? valueFor(schema, vocabulary) : fc.constant({});
  const extraKey = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '', '\u0000', '\ud800', ...avoidKeys),
    plausibleString(vocabulary),
    fc.string({ unit: 'binary', maxLength: 10 }),
  );
  return fc.oneof(
    { arbitrary: valid.map((value) => ({ kind: 'valid-shaped' as const, value })), weight: 5 },
    {
      arbitrary: fc.tuple(valid, fc.nat(), adversarialString(vocabulary)).map(([value, i, s]) => {
        const at = pick(stringPositions(value), i) ?? pick(positionsOf(value), i) ?? [];
        return { kind: 'bad-string' as const, value: setAt(value, at, s) };
      }),
      weight: 8,
    },
    {
      arbitrary: fc.tuple(valid, fc.nat(), wrongType(vocabulary)).map(([value, i, w]) => ({
        kind: 'wrong-type' as const,
        value: setAt(value, pick(positionsOf(value), i) ?? [], w),
      })),
      weight: 3,
    },
    {
      arbitrary: fc.tuple(valid, fc.nat()).map(([value, i]) => {
        const positions = positionsOf(value).filter((p) => p.length > 0);
        const at = pick(positions, i);
        return { kind: 'missing-field' as const, value: at ? removeAt(value, at) : value };
      }),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(valid, fc.nat(), extraKey, wrongType(vocabulary)).map(([value, i, key, extra]) => ({
        kind: 'extra-field' as const,
        value: addAt(value, pick(objectPositions(value), i) ?? [], key, extra),
      })),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(valid, fc.nat(), deepNesting).map(([value, i, deep]) => ({
        kind: 'deep' as const,
        value: setAt(value, pick(positionsOf(value), i) ?? [], deep),
      })),
      weight: 1,
    },
    { arbitrary: anyJson.map((value) => ({ kind: 'random-json' as const, value })), weight: 2 },
  );
};
