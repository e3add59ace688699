import { parseOrThrow, type PlatformError } from '@tnp/kernel';
import {
  createDestinationSchema,
  listOccupierNumbersSchema,
  registerUserSchema,
  renameDestinationSchema,
  setDisplayNameSchema,
} from './assignment.schemas';

/** The fields a request is refused on, as the API answers them (VALIDATION_FAILED). */
const refusedFields = (schema: Parameters<typeof parseOrThrow>[0], input: unknown): string[] => {
  try {
    parseOrThrow(schema, input);
    return [];
  } catch (error) {
    expect((error as PlatformError).code).toBe('VALIDATION_FAILED');
    return (error as PlatformError).details.fields?.map((f) => f.path) ?? [];
  }
};

const BAD = ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\u0007', '\u001b[31m', '\u0085', 'two\nlines', 'tab\there', '\u202egnp.exe'];

describe('assignment free text', () => {
  test('user names: NUL, unpaired surrogates, control characters and bidi overrides are refused, naming the field', () => {
    for (const bad of BAD) {
      expect(refusedFields(registerUserSchema, { occupierId: 'acme', userId: 'u-ada', firstName: bad, lastName: 'Lovelace' })).toEqual([
        'firstName',
      ]);
      expect(refusedFields(registerUserSchema, { occupierId: 'acme', userId: 'u-ada', firstName: 'Ada', lastName: `L${bad}` })).toEqual([
        'lastName',
      ]);
    }
    expect(refusedFields(registerUserSchema, { occupierId: 'acme', userId: 'u-ada', firstName: 'Zoë', lastName: '李 👩🏽‍💻' })).toEqual([]);
  });

  test('destination names and display names likewise', () => {
    for (const bad of BAD) {
      expect(refusedFields(createDestinationSchema, { occupierId: 'acme', destinationId: 'd1', kind: 'route', name: bad })).toEqual([
        'name',
      ]);
      expect(refusedFields(renameDestinationSchema, { occupierId: 'acme', destinationId: 'd1', name: bad })).toEqual(['name']);
      expect(refusedFields(setDisplayNameSchema, { number: '+12125550100', first: 'Front', second: bad })).toEqual(['second']);
    }
  });

  test('the length limits hold after trimming', () => {
    expect(refusedFields(setDisplayNameSchema, { number: '+12125550100', first: 'x'.repeat(41) })).toEqual(['first']);
    expect(refusedFields(setDisplayNameSchema, { number: '+12125550100', first: `  ${'x'.repeat(40)}  ` })).toEqual([]);
    expect(refusedFields(createDestinationSchema, { occupierId: 'acme', destinationId: 'd1', kind: 'route', name: '   ' })).toEqual([
      'name',
    ]);
  });

  test('a search term is text too', () => {
    expect(refusedFields(listOccupierNumbersSchema, { occupierId: 'acme', search: 'ada\u0000' })).toEqual(['search']);
  });
});
