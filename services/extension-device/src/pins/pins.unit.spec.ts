import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { generateDefaultPin, hashPin, openPin, pinMatches, sealPin } from './pins';

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

  test('a default PIN at rest is sealed: unreadable without the key, different each time, tamper-evident', () => {
    const key = randomBytes(32);
    const sealed = sealPin('482916', key);
    expect(sealed).not.toContain('482916');
    expect(sealPin('482916', key)).not.toBe(sealed);
    expect(openPin(sealed, key)).toBe('482916');
    expect(() => openPin(sealed, randomBytes(32))).toThrow();
    const [version, iv, tag, body = ''] = sealed.split(':');
    const flipped = Buffer.from(body, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => openPin([version, iv, tag, flipped.toString('base64')].join(':'), key)).toThrow();
  });
});

describe('PIN hashing off the event loop', () => {
  test('while a burst of PINs is hashed, the event loop keeps answering and the threadpool keeps a thread for others', async () => {
    let hashed = 0;
    const burst = Array.from({ length: 8 }, (_, i) => hashPin(`48291${i}`).then(() => hashed++));
    // Other work of the process: turns of the event loop, and a threadpool job (a file read).
    let turns = 0;
    let turnsBeforeFirstHash = -1;
    const loop = (async () => {
      while (hashed < burst.length) {
        await new Promise((resolve) => setImmediate(resolve));
        turns++;
        if (hashed > 0 && turnsBeforeFirstHash < 0) turnsBeforeFirstHash = turns;
      }
    })();
    const read = stat(__filename).then(() => hashed);
    await Promise.all([...burst, loop]);
    // The file read did not wait for a hash to free a thread: none had finished when it did.
    expect(await read).toBe(0);
    // The event loop went round many times while the first hash ran (a synchronous hash allows none).
    expect(turnsBeforeFirstHash).toBeGreaterThan(10);
  });
});
