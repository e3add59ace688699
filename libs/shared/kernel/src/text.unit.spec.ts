import { z } from 'zod';
import fc from 'fast-check';
import { text, textProblem } from './text';

const issues = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe('free text', () => {
  const name = text({ max: 10, min: 1 });
  const description = text({ max: 40, multiline: true });

  test('plain, accented, right-to-left and astral text passes, trimmed', () => {
    expect(name.parse('  Ada  ')).toBe('Ada');
    for (const ok of ['Zoë Ørsted', 'محمد', '日本語の名前', 'Ada 👩🏽‍💻', 'O’Brien']) expect(name.safeParse(ok).success).toBe(true);
  });

  test('NUL, other C0 and C1 controls, DEL and line breaks are refused in a name, naming the character', () => {
    expect(issues(name, 'Ada\u0000')).toEqual(['contains a control character (U+0000) at position 4; text here is a single line']);
    for (const bad of ['a\u0001b', 'a\u001fb', 'a\u007fb', 'a\u0085b', 'a\u009fb', 'a\tb', 'a\nb', 'a\rb', 'a\u2028b', 'a\u2029b'])
      expect(name.safeParse(bad).success).toBe(false);
  });

  test('an unpaired surrogate is refused wherever it is; a pair is one character', () => {
    expect(issues(name, 'a\ud800')).toEqual(['contains an unpaired UTF-16 surrogate (U+D800) at position 2; text here is a single line']);
    for (const bad of ['\udfff', 'a\udc00b', '\ud83d', '\ude00\ud83d']) expect(name.safeParse(bad).success).toBe(false);
    expect(name.safeParse('\ud83d\ude00').success).toBe(true);
  });

  test('bidirectional overrides and isolates are refused (they make a name display as another)', () => {
    for (const bad of ['\u202eevil', 'a\u202ab', 'a\u2066b', 'a\u2069']) expect(name.safeParse(bad).success).toBe(false);
  });

  test('multi-line text takes tab and line breaks, nothing else', () => {
    expect(description.parse('line one\n\tline two\r\n')).toBe('line one\n\tline two');
    expect(description.safeParse('a\u0000b').success).toBe(false);
    expect(description.safeParse('a\u000bb').success).toBe(false);
    expect(description.safeParse('a\ud800').success).toBe(false);
  });

  test('limits: empty (after trimming) and too long are refused with the limit stated', () => {
    expect(issues(name, '   ')).toEqual(['must not be empty']);
    expect(issues(name, 'x'.repeat(11))).toEqual(['must be at most 10 characters']);
    expect(text({ max: 5 }).parse('')).toBe('');
  });

  test('the limit and the character rule appear in the JSON Schema (OpenAPI)', () => {
    const json = z.toJSONSchema(name, { io: 'input' }) as { maxLength?: number; minLength?: number; pattern?: string };
    expect(json.maxLength).toBe(10);
    expect(json.minLength).toBe(1);
    expect(new RegExp(json.pattern ?? '', 'u').test('a\u0000')).toBe(false);
    expect(new RegExp(json.pattern ?? '', 'u').test('Ada 👩🏽‍💻')).toBe(true);
  });

  test('any string: accepted exactly when it has no forbidden character; never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const result = text({ max: 1000, trim: false }).safeParse(s);
        const forbidden = [...s].some((c) => {
          const cp = c.codePointAt(0) ?? 0;
          return (
            cp < 0x20 ||
            (cp >= 0x7f && cp <= 0x9f) ||
            (cp >= 0xd800 && cp <= 0xdfff) ||
            [0x2028, 0x2029].includes(cp) ||
            (cp >= 0x202a && cp <= 0x202e) ||
            (cp >= 0x2066 && cp <= 0x2069)
          );
        });
        expect(result.success).toBe(!forbidden);
        expect(textProblem(s) === null).toBe(!forbidden);
      }),
    );
  });

  test('a clean text survives JSON and PostgreSQL JSONB rules: no NUL, no lone surrogate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const result = text({ max: 1000, multiline: true }).safeParse(s);
        if (result.success) expect(JSON.stringify(result.data)).not.toMatch(/\\u0000|\\ud[89a-f][0-9a-f]{2}/i);
      }),
    );
  });
});
