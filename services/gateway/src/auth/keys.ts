import { createPublicKey, createSecretKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';

/** HMAC algorithms: one shared secret signs and verifies. */
export const SYMMETRIC_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;
/** Signature algorithms with a key pair: the gateway holds only the public key. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;
export type SymmetricAlgorithm = (typeof SYMMETRIC_ALGORITHMS)[number];
export type AsymmetricAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];
export type Algorithm = SymmetricAlgorithm | AsymmetricAlgorithm;

export const isSymmetric = (alg: string): alg is SymmetricAlgorithm => (SYMMETRIC_ALGORITHMS as readonly string[]).includes(alg);
export const isAsymmetric = (alg: string): alg is AsymmetricAlgorithm => (ASYMMETRIC_ALGORITHMS as readonly string[]).includes(alg);

export const MIN_SECRET_LENGTH = 32;

/**
 * A key the gateway verifies tokens with: bound to one key id and one algorithm, so a token can
 * never pick how its signature is checked (no HS256 token verified with an RSA public key).
 */
export type VerificationKey = {
  readonly kid: string;
  readonly alg: Algorithm;
  readonly key: KeyObject;
};

const EC_CURVES: Record<string, string> = { ES256: 'prime256v1', ES384: 'secp384r1', ES512: 'secp521r1' };

/** Why `key` cannot verify `alg`, or undefined when it can. */
export const keyAlgorithmProblem = (alg: Algorithm, key: KeyObject): string | undefined => {
  if (isSymmetric(alg)) {
    if (key.type !== 'secret') return `${alg} needs a shared secret, not a ${key.type} key`;
    return (key.symmetricKeySize ?? 0) < MIN_SECRET_LENGTH ? `an ${alg} secret must be at least ${MIN_SECRET_LENGTH} bytes` : undefined;
  }
  if (key.type !== 'public') return `${alg} needs a public key (never a private key or a secret)`;
  const type = key.asymmetricKeyType;
  if (alg.startsWith('RS') || alg.startsWith('PS')) {
    if (type !== 'rsa' && !(alg.startsWith('PS') && type === 'rsa-pss')) return `${alg} needs an RSA key, not ${type}`;
    return (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048 ? `${alg} needs an RSA key of at least 2048 bits` : undefined;
  }
  if (alg.startsWith('ES')) {
    if (type !== 'ec') return `${alg} needs an EC key, not ${type}`;
    const curve = key.asymmetricKeyDetails?.namedCurve;
    return curve === EC_CURVES[alg] ? undefined : `${alg} needs the ${EC_CURVES[alg]} curve, not ${curve}`;
  }
  if (alg === 'Ed25519') return type === 'ed25519' ? undefined : `Ed25519 needs an Ed25519 key, not ${type}`;
  return type === 'ed25519' || type === 'ed448' ? undefined : `EdDSA needs an Ed25519 or Ed448 key, not ${type}`;
};

const algorithmSchema = z.enum([...SYMMETRIC_ALGORITHMS, ...ASYMMETRIC_ALGORITHMS]);
const kidSchema = z.string().min(1).max(200);

/** One entry of JWT_KEYS: a shared secret, a PEM public key (or certificate), or a public JWK. */
const keyEntrySchema = z.union([
  z.strictObject({ kid: kidSchema, alg: algorithmSchema, secret: z.string().min(MIN_SECRET_LENGTH) }),
  z.strictObject({ kid: kidSchema, alg: algorithmSchema, publicKey: z.string().min(1) }),
  z.looseObject({ kid: kidSchema, alg: algorithmSchema, kty: z.enum(['oct', 'RSA', 'EC', 'OKP']) }),
]);
type KeyEntry = z.infer<typeof keyEntrySchema>;

const keyObjectOf = (entry: KeyEntry): KeyObject => {
  if ('secret' in entry && typeof entry.secret === 'string') return createSecretKey(Buffer.from(entry.secret, 'utf8'));
  if ('publicKey' in entry && typeof entry.publicKey === 'string') {
    if (/PRIVATE KEY/.test(entry.publicKey)) throw new Error('is a private key: give the gateway the public key only');
    return createPublicKey(entry.publicKey);
  }
  const jwk = entry as JsonWebKey & { kid: string; alg: string };
  if (jwk.kty === 'oct') {
    if (typeof jwk.k !== 'string') throw new Error('an oct JWK needs its "k"');
    return createSecretKey(Buffer.from(jwk.k, 'base64url'));
  }
  if ('d' in jwk || 'p' in jwk) throw new Error('is a private JWK: give the gateway the public key only');
  return createPublicKey({ key: jwk, format: 'jwk' });
};

/**
 * JWT_KEYS: a JSON array of keys, or a JSON Web Key Set ({"keys": [...]}). Every key names its
 * `kid` and `alg`. Examples:
 *   [{"kid":"2026-01","alg":"HS256","secret":"…32 characters or more…"},
 *    {"kid":"idp-1","alg":"RS256","publicKey":"-----BEGIN PUBLIC KEY-----\n…"},
 *    {"kid":"idp-2","alg":"ES256","kty":"EC","crv":"P-256","x":"…","y":"…"}]
 */
export const parseVerificationKeys = (text: string): { keys: VerificationKey[]; problems: string[] } => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { keys: [], problems: [`is not JSON: ${(error as Error).message}`] };
  }
  const list = json && typeof json === 'object' && !Array.isArray(json) && 'keys' in json ? (json as { keys: unknown }).keys : json;
  if (!Array.isArray(list)) return { keys: [], problems: ['must be a JSON array of keys or a JSON Web Key Set'] };
  const keys: VerificationKey[] = [];
  const problems: string[] = [];
  list.forEach((raw: unknown, index) => {
    const parsed = keyEntrySchema.safeParse(raw);
    const label = `key ${index}${raw && typeof raw === 'object' && 'kid' in raw ? ` (kid ${String((raw as { kid: unknown }).kid)})` : ''}`;
    if (!parsed.success) {
      problems.push(
        `${label}: needs kid, alg and one of secret (${MIN_SECRET_LENGTH}+ characters), publicKey (PEM) or a JWK (kty…): ${parsed.error.issues
          .map((i) => `${i.path.join('.') || '(key)'} ${i.message}`)
          .join('; ')}`,
      );
      return;
    }
    const entry = parsed.data;
    if (keys.some((k) => k.kid === entry.kid)) {
      problems.push(`${label}: kid ${entry.kid} is given twice`);
      return;
    }
    try {
      const key = keyObjectOf(entry);
      const problem = keyAlgorithmProblem(entry.alg, key);
      if (problem) problems.push(`${label}: ${problem}`);
      else keys.push({ kid: entry.kid, alg: entry.alg, key });
    } catch (error) {
      problems.push(`${label}: ${(error as Error).message}`);
    }
  });
  return { keys, problems };
};

/** '12h', '30m', '90s', '1d', or a number of seconds. */
export const durationSeconds = z
  .string()
  .regex(/^\d+\s*(s|m|h|d)?$/, "a duration such as '12h', '30m', '90s' or a number of seconds")
  .transform((text) => {
    const [, amount = '0', unit = 's'] = /^(\d+)\s*(s|m|h|d)?$/.exec(text) ?? [];
    return Number(amount) * { s: 1, m: 60, h: 3600, d: 86_400 }[unit as 's' | 'm' | 'h' | 'd'];
  });
