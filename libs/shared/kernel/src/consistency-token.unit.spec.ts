import { formatConsistencyToken, mergeConsistencyTokens, parseConsistencyToken } from './consistency-token';

describe('consistency tokens', () => {
  test('read and written back in one canonical form, the later mark kept when a service repeats', () => {
    const token = parseConsistencyToken('number-inventory@812.1204, assignment@99.37,number-inventory@811.9999');
    expect(token.get('number-inventory')).toEqual({ transactionId: 812, position: 1204 });
    expect(formatConsistencyToken(token)).toBe('assignment@99.37,number-inventory@812.1204');
  });

  test('merging keeps each service’s later mark, ordered by transaction first, then position', () => {
    const merged = mergeConsistencyTokens(
      parseConsistencyToken('number-inventory@10.500,fax@3.3'),
      parseConsistencyToken('number-inventory@11.20'),
      undefined,
    );
    expect(formatConsistencyToken(merged)).toBe('fax@3.3,number-inventory@11.20');
  });

  test.each(['', 'number-inventory', 'number-inventory@1', 'Number@1.2', 'a@1.2;b@3.4', 'a@-1.2', `a@${'9'.repeat(20)}.1`])(
    'refuses %j naming the header',
    (text) => {
      expect(() => parseConsistencyToken(text)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          details: { fields: [expect.objectContaining({ path: 'Consistency-Token' })] },
        }),
      );
    },
  );
});
