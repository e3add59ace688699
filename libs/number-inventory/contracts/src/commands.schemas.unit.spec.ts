import fc from 'fast-check';
import { parseOrThrow, type PlatformError } from '@tnp/kernel';
import { lockNumberSchema, markNumberAssignedSchema, provisionNumbersSchema } from './commands.schemas';

const paths = (input: object) =>
  provisionNumbersSchema.safeParse({ siteId: 'lon-1', rangeName: 'R', ...input }).error?.issues.map((i) => i.path.join('.'));
const range = (start: string, end: string) => paths({ range: { start, end } });

describe('provisioning a range', () => {
  test('a malformed start or end is named, whatever else is wrong (the range check never sees it)', () => {
    expect(range('020 7946 0000', '+442079460010')).toEqual(['range.start']);
    expect(range('+442079460000', '+44 20 7946 0010')).toEqual(['range.end']);
    expect(range('+44207946000O', '+442079460010')).toEqual(['range.start']);
    expect(range('+１２１２５５５０１００', '+12125550199')).toEqual(['range.start']);
    expect(range('+١٢١٢٥٥٥٠١٠٠', '+12125550199')).toEqual(['range.start']);
    expect(range('abc', 'def')).toEqual(['range.start', 'range.end']);
    expect(range('', '+12125550199')).toEqual(['range.start']);
    expect(paths({ range: { start: 'x', end: '+12125550199' }, numbers: ['+12125550100'] })).toEqual(['range.start', 'numbers']);
  });

  test('well-formed but inconsistent ranges are refused on the field at fault', () => {
    expect(range('+12125550100', '+121255501000')).toEqual(['range.end']);
    expect(range('+12125550199', '+12125550100')).toEqual(['range.end']);
    expect(range('+12125500000', '+12125599999')).toEqual(['range']);
    expect(range('+12125550100', '+12125550199')).toBeUndefined();
  });

  test('any strings (or other values) as start and end: refused with a field, never a thrown error', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.stringMatching(/^\+[0-9a-z ]{0,16}$/), fc.anything()),
        fc.anything(),
        (start, end) => {
          const result = provisionNumbersSchema.safeParse({ siteId: 'lon-1', rangeName: 'R', range: { start, end } });
          if (!result.success) expect(result.error.issues.every((i) => i.path.length > 0)).toBe(true);
        },
      ),
    );
  });

  test('the range name and ported-from text refuse NUL, unpaired surrogates and control characters, naming the field', () => {
    expect(paths({ range: { start: '+12125550100', end: '+12125550101' }, rangeName: 'A\u0000' })).toEqual(['rangeName']);
    expect(paths({ numbers: ['+12125550100'], portedIn: true, portedFrom: 'BT\ud800' })).toEqual(['portedFrom']);
    expect(paths({ numbers: ['+12125550100'], rangeName: 'a\nb' })).toEqual(['rangeName']);
    expect(paths({ numbers: ['+12125550100'], rangeName: 'x'.repeat(101) })).toEqual(['rangeName']);
  });
});

describe('other inventory commands', () => {
  test('a lock reason may span lines but holds no NUL or lone surrogate', () => {
    const at = { siteId: 'lon-1', number: '+12125550100' };
    expect(lockNumberSchema.safeParse({ ...at, reason: 'line one\nline two' }).success).toBe(true);
    const refused = (reason: string) => {
      try {
        parseOrThrow(lockNumberSchema, { ...at, reason });
        return [];
      } catch (error) {
        return (error as PlatformError).details.fields?.map((f) => f.path);
      }
    };
    expect(refused('fraud\u0000')).toEqual(['reason']);
    expect(refused('\udc00')).toEqual(['reason']);
  });

  test('an assigned user is an identifier, not free text', () => {
    const at = { siteId: 'lon-1', number: '+12125550100' };
    expect(markNumberAssignedSchema.safeParse({ ...at, userId: 'u-ada' }).success).toBe(true);
    expect(markNumberAssignedSchema.safeParse({ ...at, userId: 'u\u0000ada' }).error?.issues.map((i) => i.path.join('.'))).toEqual([
      'userId',
    ]);
  });
});
