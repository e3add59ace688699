import { generateDefaultPin, hashPin, pinMatches } from './pins';

describe('PINs', () => {
  test('default PINs are random six-digit strings', () => {
    const pins = new Set(Array.from({ length: 50 }, generateDefaultPin));
    expect(pins.size).toBeGreaterThan(40);
    for (const pin of pins) expect(pin).toMatch(/^\d{6}$/);
  });

  test('a PIN is stored as a salted hash that verifies only the same PIN', async () => {
    const stored = await hashPin('482916');
    expect(JSON.stringify(stored)).not.toContain('482916');
    expect(await pinMatches('482916', stored)).toBe(true);
    expect(await pinMatches('482917', stored)).toBe(false);
    const again = await hashPin('482916');
    expect(again.hash).not.toBe(stored.hash);
  });
});
