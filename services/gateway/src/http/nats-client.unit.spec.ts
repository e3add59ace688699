import { PlatformError } from '@tnp/kernel';
import { encodeRequest } from './nats-client';

const refusal = (body: unknown, max: number | undefined) => {
  try {
    encodeRequest(body, max);
    return null;
  } catch (error) {
    return error instanceof PlatformError ? { code: error.code, fields: error.details.fields?.map((f) => f.path) } : error;
  }
};

describe('a request as one NATS message', () => {
  test('a request within the server’s max_payload is sent as JSON', () => {
    expect(encodeRequest({ a: 'é' }, 100)).toBe('{"a":"é"}');
  });

  test('one larger than max_payload is the caller’s to fix: 400 on the body, not a 503', () => {
    expect(refusal({ a: 'x'.repeat(2_000) }, 1_024)).toEqual({ code: 'VALIDATION_FAILED', fields: ['(body)'] });
  });

  test('a value nested too deeply to encode is refused the same way', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refusal({ data: deep }, undefined)).toEqual({ code: 'VALIDATION_FAILED', fields: ['(body)'] });
  });
});
