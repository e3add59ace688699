import { createCipheriv, createDecipheriv, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import type { PinHash } from '@tnp/extension-device-domain';

const KEY_LENGTH = 32;

const derive = (pin: string, salt: string): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(pin, salt, KEY_LENGTH, { N: 16_384, r: 8, p: 1 }, (error, key) => (error ? reject(error) : resolve(key))),
  );

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
