import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020';
import { cloudEventType, EventContract } from '@tnp/kernel';
import { asyncApiDocument, eventSchemaDocuments } from '@tnp/messaging';
import { PLATFORM_EVENT_CATALOGUES } from '@tnp/platform-events';

const BASE = 'https://telephony.example.net';
const doc = asyncApiDocument(PLATFORM_EVENT_CATALOGUES, { baseUrl: BASE, natsHost: 'nats.telephony.svc:4222' });
const every = PLATFORM_EVENT_CATALOGUES.flatMap((c) =>
  c.aggregates.flatMap((a) =>
    Object.entries(a.events).map(([type, definition]) => ({ service: c.service, aggregate: a.aggregate, type, definition })),
  ),
);

describe('the event contract documents', () => {
  test('the AsyncAPI document validates with the AsyncAPI parser, without errors or warnings', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(doc));
    const problems = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
    expect(problems.map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(document?.channels().length).toBe(every.length);
  });

  test('one channel per evt.<service>.<aggregate>.<EventType>, with its versioned CloudEvents type', () => {
    const channels = Object.values(doc.channels as Record<string, { address: string }>).map((c) => c.address);
    expect(channels.sort()).toEqual(every.map((e) => `evt.${e.service}.${e.aggregate}.${e.type}`).sort());
    const messages = doc.components.messages as Record<string, { payload: { properties: { type: { const: string } } } }>;
    expect(messages['number-inventory.number.NumberActivated']?.payload.properties.type.const).toBe(
      'com.telephony.number-inventory.NumberActivated.v1',
    );
  });

  test('every example passes its own message schema, and its data the store’s check', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const messages = doc.components.messages as Record<string, { payload: object; examples: { payload: unknown }[] }>;
    const failures = Object.entries(messages).flatMap(([key, message]) => {
      const validate = ajv.compile(message.payload);
      return message.examples.flatMap((example) => (validate(example.payload) ? [] : [`${key}: ${ajv.errorsText(validate.errors)}`]));
    });
    expect(failures).toEqual([]);
    for (const catalogue of PLATFORM_EVENT_CATALOGUES) {
      const contract = new EventContract(catalogue);
      for (const { type, definition } of every.filter((e) => e.service === catalogue.service)) {
        expect(() => contract.check(type, definition.example)).not.toThrow();
      }
    }
  });

  test('each event version has a JSON Schema where its dataschema points, and it refuses data of the wrong shape', () => {
    const schemas = eventSchemaDocuments(PLATFORM_EVENT_CATALOGUES, BASE);
    // One per version: the current one and each past one (ExtensionSettingsChanged has two).
    expect(schemas.size).toBe(every.reduce((n, e) => n + e.definition.past.length + 1, 0));
    expect(schemas.has('/schemas/events/extension-device/ExtensionSettingsChanged.v1.json')).toBe(true);
    expect(schemas.has('/schemas/events/extension-device/ExtensionSettingsChanged.v2.json')).toBe(true);
    const activated = schemas.get('/schemas/events/number-inventory/NumberActivated.v1.json');
    expect(activated).toMatchObject({
      $id: `${BASE}/schemas/events/number-inventory/NumberActivated.v1.json`,
      title: 'NumberActivated v1',
    });
    const validate = new Ajv2020({ strict: false }).compile(activated as object);
    expect(validate({ number: '+442071230001', siteId: 'lon-1', owner: { type: 'occupier', occupierId: 'acme' } })).toBe(true);
    expect(validate({ number: '+442071230001', siteId: 'lon-1' })).toBe(false);
    expect(cloudEventType('number-inventory', 'NumberActivated', 1)).toBe('com.telephony.number-inventory.NumberActivated.v1');
  });
});
