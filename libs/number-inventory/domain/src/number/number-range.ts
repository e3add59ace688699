/** E.164: a plus sign, a country code that does not start with 0, at most 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

export const MAX_NUMBERS_PER_PROVISIONING = 10_000;

export const isE164 = (value: string): boolean => E164_PATTERN.test(value);

/** Every number from start to end inclusive; the caller has checked both are E.164 of one length. */
export const expandRange = (start: string, end: string): string[] => {
  const first = BigInt(start.slice(1));
  const last = BigInt(end.slice(1));
  const numbers: string[] = [];
  for (let n = first; n <= last; n++) numbers.push(`+${n.toString()}`);
  return numbers;
};

export const rangeSize = (start: string, end: string): number => Number(BigInt(end.slice(1)) - BigInt(start.slice(1))) + 1;
