import { z } from 'zod';
import { cloudEventType, eventSchemaPath, type EventCatalogue, type EventDefinition } from '@tnp/kernel';

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of one event version's `data`, from the same zod schema the store checks each
 * event against. Objects stay open (`additionalProperties` unstated): a later version may add
 * optional fields, and a subscriber must ignore what it does not know.
 */
export const eventDataJsonSchema = (
  service: string,
  type: string,
  version: number,
  schema: z.ZodType,
  baseUrl: string,
  example?: unknown,
): JsonSchema => {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as JsonSchema;
  return {
    ...openObjects(generated),
    $id: `${baseUrl}${eventSchemaPath(service, type, version)}`,
    title: `${type} v${version}`,
    ...(example === undefined ? {} : { examples: [example] }),
  };
};

const openObjects = (schema: unknown): JsonSchema => {
  if (Array.isArray(schema)) return schema.map(openObjects) as unknown as JsonSchema;
  if (schema === null || typeof schema !== 'object') return schema as JsonSchema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'additionalProperties' && value === false) continue;
    out[key] = typeof value === 'object' ? openObjects(value) : value;
  }
  return out;
};

export type EventVersionEntry = {
  readonly service: string;
  readonly aggregate: string;
  readonly type: string;
  readonly version: number;
  readonly schema: z.ZodType;
  readonly definition: EventDefinition;
};

/** Every version of every event in the catalogues, the current ones and those before them. */
export const eventVersions = (catalogues: readonly EventCatalogue[]): EventVersionEntry[] =>
  catalogues.flatMap((catalogue) =>
    catalogue.aggregates.flatMap(({ aggregate, events }) =>
      Object.entries(events).flatMap(([type, definition]) => [
        ...definition.past.map((past, i) => ({
          service: catalogue.service,
          aggregate,
          type,
          version: i + 1,
          schema: past.schema,
          definition,
        })),
        { service: catalogue.service, aggregate, type, version: definition.version, schema: definition.schema, definition },
      ]),
    ),
  );

/** The served JSON Schemas by path (`/schemas/events/<service>/<Type>.v<n>.json`). */
export const eventSchemaDocuments = (catalogues: readonly EventCatalogue[], baseUrl: string): Map<string, JsonSchema> =>
  new Map(
    eventVersions(catalogues).map((e) => [
      eventSchemaPath(e.service, e.type, e.version),
      eventDataJsonSchema(
        e.service,
        e.type,
        e.version,
        e.schema,
        baseUrl,
        e.version === e.definition.version ? e.definition.example : undefined,
      ),
    ]),
  );

const string = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });

/** The CloudEvents envelope every event travels in (structured content mode, ADR 0024). */
const envelopeSchema = (service: string, type: string, version: number, data: JsonSchema, baseUrl: string): JsonSchema => ({
  type: 'object',
  required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'dataschema', 'data'],
  properties: {
    specversion: { const: '1.0' },
    id: string('The event id (a UUID); also the Nats-Msg-Id, so a republished copy is dropped', { format: 'uuid' }),
    source: { const: `/telephony/${service}` },
    type: { const: cloudEventType(service, type, version) },
    subject: string('The stream the event belongs to: <aggregate>-<id>'),
    time: string('When the command that caused it ran (RFC 3339)', { format: 'date-time' }),
    datacontenttype: { const: 'application/json' },
    dataschema: { const: `${baseUrl}${eventSchemaPath(service, type, version)}`, format: 'uri' },
    dataschemaversion: { const: version },
    streamrevision: { type: 'integer', description: 'The event’s revision within its stream (0 first)' },
    globalposition: { type: 'integer', description: 'Its position in the service’s event store' },
    transactionid: {
      type: 'integer',
      description:
        'The store transaction that committed it; the log’s order is (transactionid, globalposition), which a consistency token names',
    },
    correlationid: string('The request the event descends from'),
    causationid: string('The command or event that caused it'),
    commandid: string('The command that appended it'),
    tenantid: string('The tenant of the principal who sent the command, if any'),
    traceparent: string('W3C trace context of the command'),
    tracestate: string('W3C trace state'),
    data,
  },
});

const HEADERS: JsonSchema = {
  type: 'object',
  properties: {
    'Nats-Msg-Id': string('The event id; JetStream drops a message whose id it has already stored'),
    'content-type': { const: 'application/cloudevents+json' },
    'ce-type': string('The CloudEvents type, for filtering without parsing the body'),
    traceparent: string('W3C trace context, continued by subscribers'),
    tracestate: string('W3C trace state'),
  },
};

const channelKey = (service: string, aggregate: string, type: string) => `${service}.${aggregate}.${type}`;

/**
 * AsyncAPI 3 for every event the platform publishes: one channel per
 * `evt.<service>.<aggregate>.<EventType>`, its CloudEvents envelope, headers and an example.
 */
export const asyncApiDocument = (
  catalogues: readonly EventCatalogue[],
  options: { readonly baseUrl: string; readonly natsHost: string },
) => {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const catalogue of catalogues) {
    for (const { aggregate, description, events } of catalogue.aggregates) {
      for (const [type, definition] of Object.entries(events)) {
        const key = channelKey(catalogue.service, aggregate, type);
        const data = eventDataJsonSchema(catalogue.service, type, definition.version, definition.schema, options.baseUrl);
        messages[key] = {
          name: type,
          title: `${type} v${definition.version}`,
          summary: definition.summary,
          contentType: 'application/cloudevents+json',
          headers: HEADERS,
          payload: envelopeSchema(catalogue.service, type, definition.version, data, options.baseUrl),
          examples: [
            {
              name: `${type}-example`,
              headers: {
                'Nats-Msg-Id': EXAMPLE_ID,
                'content-type': 'application/cloudevents+json',
                'ce-type': cloudEventType(catalogue.service, type, definition.version),
              },
              payload: {
                specversion: '1.0',
                id: EXAMPLE_ID,
                source: `/telephony/${catalogue.service}`,
                type: cloudEventType(catalogue.service, type, definition.version),
                subject: `${aggregate}-example`,
                time: '2026-12-01T09:00:00.000Z',
                datacontenttype: 'application/json',
                dataschema: `${options.baseUrl}${eventSchemaPath(catalogue.service, type, definition.version)}`,
                dataschemaversion: definition.version,
                streamrevision: 0,
                globalposition: 1,
                transactionid: 1,
                correlationid: EXAMPLE_ID,
                commandid: EXAMPLE_ID,
                data: definition.example,
              },
            },
          ],
        };
        channels[key] = {
          address: `evt.${catalogue.service}.${aggregate}.${type}`,
          title: `${catalogue.title}: ${type}`,
          description: `${definition.summary} Aggregate ${aggregate}: ${description}`,
          messages: { [type]: { $ref: `#/components/messages/${key}` } },
        };
        operations[`receive.${key}`] = {
          action: 'receive',
          summary: `Subscribe to ${type}`,
          channel: { $ref: `#/channels/${key}` },
          messages: [{ $ref: `#/channels/${key}/messages/${type}` }],
        };
      }
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Telephony number platform: events',
      version: '1.0.0',
      description:
        'Every event the platform stores, as published to JetStream by each service’s relay, in global order, once per event id (Nats-Msg-Id). Subscribers use durable consumers with explicit acks, de-duplicate by event id, and ignore fields they do not know. An incompatible change gets a new version (the `.vN` of the CloudEvents type).',
    },
    defaultContentType: 'application/cloudevents+json',
    servers: {
      nats: {
        host: options.natsHost,
        protocol: 'nats',
        description: 'NATS with JetStream: one stream per service (<SERVICE>_EVENTS, for example NUMBER_INVENTORY_EVENTS)',
      },
    },
    channels,
    operations,
    components: { messages },
  };
};

const EXAMPLE_ID = '0b6b4d2e-5f7a-4c1e-9d3a-2f1e8c7b6a50';
