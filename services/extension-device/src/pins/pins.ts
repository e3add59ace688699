import { createCipheriv, createDecipheriv, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { PinHash } from '@tnp/extension-device-domain';

const KEY_LENGTH = 32;

/**
 * Hashes running at once, at most (half of libuv's default threadpool of 4, and a core left for
 * the event loop). scrypt runs on that threadpool, never on the event loop; but unbounded, a burst of PIN
 * commands would take every thread (and 16 MiB each) for as long as the burst lasts, and DNS
 * lookups, file reads and other crypto of every other request would queue behind them. Bounded,
 * those always find a free thread and the event loop a free core; the PIN commands wait their turn.
 */
export const PIN_HASHES_AT_ONCE = Math.max(1, Math.min(availableParallelism() - 1, 2));

let hashing = 0;
const waitingToHash: (() => void)[] = [];

const derive = async (pin: string, salt: string): Promise<Buffer> => {
  if (hashing < PIN_HASHES_AT_ONCE) hashing++;
  else await new Promise<void>((resolve) => waitingToHash.push(resolve));
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      scrypt(pin, salt, KEY_LENGTH, { N: 16_384, r: 8, p: 1 }, (error, key) => (error ? reject(error) : resolve(key))),
    );
  } finally {
    // The slot goes straight to the next hash waiting, if any.
    const next = waitingToHash.shift();
    if (next) next();
    else hashing--;
  }
};

/** A PIN is kept only as a salted scrypt hash; the PIN itself never reaches an event, a log or a query. */
export const hashPin = async (pin: string): Promise<PinHash> => {
  const salt = randomBytes(16).toString('base64');
  return { salt, hash: (await derive(pin, salt)).toString('base64') };
};

export const pinMatches = async (pin: string, stored: PinHash): Promise<boolean> => {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(pin, stored.salt);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};

/** Six random digits, never one digit repeated: every extension's default PIN differs. */
export const generateDefaultPin = (): string => {
  for (;;) {
    const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (!/^(\d)\1+$/.test(pin)) return pin;
  }
};

const SEALED = 'v1';

/** A default PIN at rest: AES-256-GCM under the configured key, with a fresh IV each time. */
export const sealPin = (pin: string, key: Buffer): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(pin, 'utf8'), cipher.final()]);
  return [SEALED, iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join(':');
};

export const openPin = (stored: string, key: Buffer): string => {
  const [version, iv, tag, sealed] = stored.split(':');
  if (version !== SEALED || !iv || !tag || !sealed) throw new Error('A default PIN is not sealed with a known format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8');
};
