import type { EventCatalogue } from '@tnp/kernel';
import { eventDataJsonSchema, eventVersions } from '@tnp/messaging';

type Schema = Record<string, unknown>;

/** What a released event version promised, by `<service>/<Type>.v<n>`: its data's JSON Schema. */
export type ReleasedEvents = Readonly<Record<string, Schema>>;

const RELEASE_BASE = 'urn:telephony-platform';
/** Keywords that document a schema without changing what it accepts. */
const DOCUMENTATION = new Set(['description', 'title', 'examples', '$id', '$schema']);

export const releaseKey = (service: string, type: string, version: number): string => `${service}/${type}.v${version}`;

/** Every version of every event in the catalogues, as it would be released now. */
export const currentRelease = (catalogues: readonly EventCatalogue[]): Record<string, Schema> =>
  Object.fromEntries(
    eventVersions(catalogues).map((e) => {
      const schema = eventDataJsonSchema(e.service, e.type, e.version, e.schema, RELEASE_BASE);
      for (const key of ['$id', 'title', 'examples']) delete schema[key];
      return [releaseKey(e.service, e.type, e.version), schema];
    }),
  );

/**
 * How the current schemas break what was released: a released version may gain optional fields
 * and documentation, nothing else. Anything more needs a new version (with an upcaster).
 */
export const incompatibilities = (released: ReleasedEvents, current: Readonly<Record<string, Schema>>): string[] =>
  Object.entries(released).flatMap(([key, schema]) => {
    const now = current[key];
    if (!now) return [`${key}: a released version is gone`];
    return compare(schema, now, key);
  });

const compare = (before: unknown, after: unknown, path: string): string[] => {
  if (!isSchema(before) || !isSchema(after)) return sameJson(before, after) ? [] : [`${path}: changed`];
  const problems: string[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (DOCUMENTATION.has(key)) continue;
    const was = before[key];
    const is = after[key];
    switch (key) {
      case 'properties': {
        const wasProps = (was ?? {}) as Record<string, unknown>;
        const isProps = (is ?? {}) as Record<string, unknown>;
        for (const [name, property] of Object.entries(wasProps)) {
          if (!(name in isProps)) problems.push(`${path}.${name}: removed`);
          else problems.push(...compare(property, isProps[name], `${path}.${name}`));
        }
        break;
      }
      case 'required': {
        const wasRequired = new Set((was ?? []) as string[]);
        const isRequired = new Set((is ?? []) as string[]);
        for (const name of wasRequired) if (!isRequired.has(name)) problems.push(`${path}.${name}: no longer always present`);
        for (const name of isRequired)
          if (!wasRequired.has(name)) problems.push(`${path}.${name}: newly required (events stored before lack it)`);
        break;
      }
      case 'items':
        problems.push(...compare(was, is, `${path}[]`));
        break;
      case 'anyOf':
      case 'oneOf': {
        const wasOptions = (was ?? []) as unknown[];
        const isOptions = (is ?? []) as unknown[];
        if (wasOptions.length !== isOptions.length)
          problems.push(`${path}: ${key} went from ${wasOptions.length} to ${isOptions.length} alternatives`);
        else wasOptions.forEach((option, i) => problems.push(...compare(option, isOptions[i], `${path}|${i}`)));
        break;
      }
      default:
        if (!sameJson(was, is)) problems.push(`${path}: ${key} changed from ${JSON.stringify(was)} to ${JSON.stringify(is)}`);
    }
  }
  return problems;
};

const isSchema = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isSchema(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonical(value[k])]),
  );
};
