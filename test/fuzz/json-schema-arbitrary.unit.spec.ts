import fc from 'fast-check';
import { z } from 'zod';
import { registerUserSchema } from '@tnp/assignment-contracts';
import { weeklyScheduleSchema } from '@tnp/call-flow-contracts';
import { createExtensionSchema } from '@tnp/extension-device-contracts';
import { provisionNumbersSchema } from '@tnp/number-inventory-contracts';
import { adversarialString, mutatedBody, RawJson, toJsonText, valueFor, type JsonSchema } from './support/json-schema-arbitrary';

const vocabulary = { ids: ['acme', 'u-ada', 'flow-main'], numbers: ['+12125550100'], byName: { timeZone: ['Europe/London'] } };
const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

describe('the fuzzer’s generators', () => {
  test('valid-shaped values mostly pass the contract they were drawn from (so fuzzing reaches the services)', () => {
    for (const schema of [registerUserSchema, createExtensionSchema, weeklyScheduleSchema] as z.ZodType[]) {
      const samples = fc.sample(valueFor(jsonSchema(schema), vocabulary), { numRuns: 200, seed: 42 });
      const passing = samples.filter((v) => schema.safeParse(v).success).length;
      expect(passing).toBeGreaterThan(60);
    }
  });

  test('mutations put NUL, unpaired surrogates and near-miss numbers into string fields', () => {
    const samples = fc.sample(mutatedBody(jsonSchema(provisionNumbersSchema), vocabulary, ['siteId']), { numRuns: 2000, seed: 7 });
    const texts = samples.map((s) => toJsonText(s.value));
    expect(texts.some((t) => t.includes('\\u0000'))).toBe(true);
    expect(texts.some((t) => /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i.test(t))).toBe(true);
    expect(samples.some((s) => s.kind === 'bad-string' && JSON.stringify(s.value).includes('020 7946 0000'))).toBe(true);
  });

  test('adversarial strings include huge ones, past one NATS message', () => {
    const lengths = fc.sample(adversarialString(vocabulary), { numRuns: 3000, seed: 3 }).map((s) => s.length);
    expect(Math.max(...lengths)).toBeGreaterThan(1024 * 1024);
  });

  test('deep nesting is written as text (JSON.stringify would overflow) and parses back', () => {
    const deep = new RawJson(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const text = toJsonText({ a: 'x', values: { greeting: deep } });
    expect(text.startsWith('{"a":"x","values":{"greeting":[[[')).toBe(true);
    expect(() => JSON.parse(text)).not.toThrow();
  });
});
