import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { ConfigurationError, loadConfig } from '@tnp/platform';
import { gatewayConfigSchema, DEVELOPMENT_JWT_SECRET } from '../gateway.config';
import { createTokenVerifier, mintToken, tokenVerifierFor, type TokenVerifierOptions } from './jwt';
import { parseVerificationKeys } from './keys';

const ISSUER = 'telephony-platform';
const AUDIENCE = 'telephony-api';
const SECRET = 'unit-secret-unit-secret-unit-secret-0001';
const OLD_SECRET = 'rotated-out-secret-rotated-out-secret-01';
const NEW_SECRET = 'rotated-in-secret-rotated-in-secret-0001';
const claims = { sub: 'op-1', role: 'operator', sites: ['lon-1'] };
const now = () => Math.floor(Date.now() / 1000);

const verifier = (options: Partial<TokenVerifierOptions> = {}) =>
  createTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, maxLifetimeSeconds: 12 * 3600, secret: SECRET, ...options });

const sign = (
  key: CryptoKey | Uint8Array,
  header: { alg: string; kid?: string },
  payload: JWTPayload = {},
  options: { iat?: number | null; exp?: number | null; iss?: string; aud?: string } = {},
): Promise<string> => {
  const jwt = new SignJWT({ ...claims, ...payload })
    .setProtectedHeader(header)
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE);
  if (options.iat !== null) jwt.setIssuedAt(options.iat ?? now());
  if (options.exp !== null) jwt.setExpirationTime(options.exp ?? now() + 3600);
  return jwt.sign(key);
};
const secretKey = (secret: string) => new TextEncoder().encode(secret);
const bearer = (token: string) => `Bearer ${token}`;

const refusal = async (promise: Promise<unknown>): Promise<{ code: string; message: string }> => {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('the token was accepted');
};

describe('bearer tokens', () => {
  test('a token of the dev secret is accepted, as mint-token and the test harnesses make them', async () => {
    const token = await mintToken(
      { sub: 'op-1', role: 'operator', sites: ['lon-1'] },
      { secret: SECRET, issuer: ISSUER, audience: AUDIENCE },
    );
    await expect(verifier().verify(bearer(token))).resolves.toEqual({
      id: 'op-1',
      role: 'operator',
      sites: ['lon-1'],
      occupierId: null,
      tenant: null,
    });
  });

  test('issuer and audience must match', async () => {
    expect(
      await refusal(verifier().verify(bearer(await sign(secretKey(SECRET), { alg: 'HS256' }, {}, { iss: 'someone-else' })))),
    ).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('iss'),
    });
    expect(
      await refusal(verifier().verify(bearer(await sign(secretKey(SECRET), { alg: 'HS256' }, {}, { aud: 'another-api' })))),
    ).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('aud'),
    });
  });

  test('a token without exp is refused', async () => {
    const token = await sign(secretKey(SECRET), { alg: 'HS256' }, {}, { exp: null });
    expect(await refusal(verifier().verify(bearer(token)))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('"exp"'),
    });
  });

  test('an expired token is refused', async () => {
    const token = await sign(secretKey(SECRET), { alg: 'HS256' }, {}, { iat: now() - 7200, exp: now() - 3600 });
    expect(await refusal(verifier().verify(bearer(token)))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('exp'),
    });
  });

  test('a token living longer than the maximum is refused, with or without iat', async () => {
    const max = verifier({ maxLifetimeSeconds: 3600 });
    await expect(max.verify(bearer(await sign(secretKey(SECRET), { alg: 'HS256' }, {}, { exp: now() + 3600 })))).resolves.toMatchObject({
      id: 'op-1',
    });
    const long = await sign(secretKey(SECRET), { alg: 'HS256' }, {}, { exp: now() + 2 * 3600 });
    expect(await refusal(max.verify(bearer(long)))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('JWT_MAX_LIFETIME'),
    });
    const noIat = await sign(secretKey(SECRET), { alg: 'HS256' }, {}, { iat: null, exp: now() + 2 * 3600 });
    expect(await refusal(max.verify(bearer(noIat)))).toMatchObject({ message: expect.stringContaining('JWT_MAX_LIFETIME') });
    // An old iat does not make a token that lives on for long acceptable, nor does one in the future.
    const backdated = await sign(secretKey(SECRET), { alg: 'HS256' }, {}, { iat: now() - 3000, exp: now() + 3000 });
    expect(await refusal(max.verify(bearer(backdated)))).toMatchObject({ message: expect.stringContaining('JWT_MAX_LIFETIME') });
    const future = await sign(secretKey(SECRET), { alg: 'HS256' }, {}, { iat: now() + 7200, exp: now() + 7200 + 600 });
    expect(await refusal(max.verify(bearer(future)))).toMatchObject({ message: expect.stringContaining('iat is in the future') });
  });

  test("alg 'none', a wrong secret and garbage are refused", async () => {
    const unsecured = new UnsecuredJWT({ ...claims })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .encode();
    expect(await refusal(verifier().verify(bearer(unsecured)))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('algorithm none is not accepted'),
    });
    const forged = await sign(secretKey('another-secret-another-secret-another-1'), { alg: 'HS256' });
    expect(await refusal(verifier().verify(bearer(forged)))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('signature'),
    });
    expect(await refusal(verifier().verify('Bearer not.a.jwt'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(verifier().verify(undefined))).toMatchObject({ code: 'UNAUTHENTICATED', message: 'A bearer token is required' });
  });

  test('keys rotate by kid: old and new verify side by side, an unknown kid is refused', async () => {
    const { keys, problems } = parseVerificationKeys(
      JSON.stringify([
        { kid: '2026-01', alg: 'HS256', secret: OLD_SECRET },
        { kid: '2026-02', alg: 'HS256', secret: NEW_SECRET },
      ]),
    );
    expect(problems).toEqual([]);
    const rotating = verifier({ keys, secret: undefined });
    await expect(rotating.verify(bearer(await sign(secretKey(OLD_SECRET), { alg: 'HS256', kid: '2026-01' })))).resolves.toMatchObject({
      id: 'op-1',
    });
    await expect(rotating.verify(bearer(await sign(secretKey(NEW_SECRET), { alg: 'HS256', kid: '2026-02' })))).resolves.toMatchObject({
      id: 'op-1',
    });
    expect(await refusal(rotating.verify(bearer(await sign(secretKey(OLD_SECRET), { alg: 'HS256', kid: '2026-02' }))))).toMatchObject({
      message: expect.stringContaining('signature'),
    });
    expect(await refusal(rotating.verify(bearer(await sign(secretKey(OLD_SECRET), { alg: 'HS256', kid: '2025-12' }))))).toMatchObject({
      message: expect.stringContaining('unknown key id 2025-12'),
    });
    // Without a legacy secret, a kid-less token has nothing to be checked with.
    expect(await refusal(rotating.verify(bearer(await sign(secretKey(SECRET), { alg: 'HS256' }))))).toMatchObject({
      message: expect.stringContaining('must name its key'),
    });
  });

  test('an RSA public key by kid verifies RS256 only: an HS256 token made with the public key as secret is refused', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(publicKey);
    const { keys, problems } = parseVerificationKeys(JSON.stringify([{ kid: 'rsa-1', alg: 'RS256', publicKey: pem }]));
    expect(problems).toEqual([]);
    const rsa = verifier({ keys });
    await expect(rsa.verify(bearer(await sign(privateKey, { alg: 'RS256', kid: 'rsa-1' })))).resolves.toMatchObject({ id: 'op-1' });
    // The classic confusion: the public key is public, so anyone can HMAC with it.
    const confused = await sign(new TextEncoder().encode(pem), { alg: 'HS256', kid: 'rsa-1' });
    expect(await refusal(rsa.verify(bearer(confused)))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('key rsa-1 verifies RS256 tokens, not HS256'),
    });
    const confusedWithoutKid = await sign(new TextEncoder().encode(pem), { alg: 'HS256' });
    expect(await refusal(rsa.verify(bearer(confusedWithoutKid)))).toMatchObject({ message: expect.stringContaining('signature') });
    // An RS256 token without a kid has no key here (no JWKS configured).
    expect(await refusal(rsa.verify(bearer(await sign(privateKey, { alg: 'RS256' }))))).toMatchObject({
      message: expect.stringContaining('must name its key'),
    });
  });

  test('JWT_KEYS refuses private keys, weak secrets, keys of the wrong type and duplicate kids', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    const publicJwk = await exportJWK(publicKey);
    const { keys, problems } = parseVerificationKeys(
      JSON.stringify({
        keys: [
          { ...publicJwk, kid: 'ec-1', alg: 'ES256' },
          { ...privateJwk, kid: 'ec-2', alg: 'ES256' },
          { kid: 'short', alg: 'HS256', secret: 'too-short' },
          { ...publicJwk, kid: 'ec-3', alg: 'RS256' },
          { ...publicJwk, kid: 'ec-1', alg: 'ES256' },
          { kid: 'no-alg', secret: SECRET },
        ],
      }),
    );
    expect(keys.map((k) => k.kid)).toEqual(['ec-1']);
    expect(problems).toEqual([
      expect.stringContaining('ec-2): is a private JWK'),
      expect.stringContaining('short'),
      expect.stringContaining('RS256 needs an RSA key'),
      expect.stringContaining('kid ec-1 is given twice'),
      expect.stringContaining('no-alg'),
    ]);
    expect(() => loadConfig(gatewayConfigSchema, { JWT_KEYS: JSON.stringify([{ kid: 'short', alg: 'HS256', secret: 'x' }]) })).toThrow(
      ConfigurationError,
    );
    expect(() => loadConfig(gatewayConfigSchema, { JWT_KEYS: '{not json' })).toThrow(/JWT_KEYS: is not JSON/);
  });

  test('configuration: lifetime and tolerance as durations; production needs real keys and an https JWKS', () => {
    const config = loadConfig(gatewayConfigSchema, { JWT_MAX_LIFETIME: '30m', JWT_CLOCK_TOLERANCE: '5s' });
    expect(config.JWT_MAX_LIFETIME).toBe(1800);
    expect(config.JWT_CLOCK_TOLERANCE).toBe(5);
    expect(loadConfig(gatewayConfigSchema, {}).JWT_MAX_LIFETIME).toBe(12 * 3600);
    expect(() => loadConfig(gatewayConfigSchema, { JWT_MAX_LIFETIME: 'forever' })).toThrow(/JWT_MAX_LIFETIME/);
    const production = { NODE_ENV: 'production', NATS_USER: 'gateway', NATS_PASSWORD: 'p' };
    expect(() => loadConfig(gatewayConfigSchema, production)).toThrow(/JWT_SECRET: must be set in production/);
    expect(() => loadConfig(gatewayConfigSchema, { ...production, JWT_JWKS_URL: 'http://idp.example/jwks' })).toThrow(
      /JWT_JWKS_URL: must be an https URL/,
    );
    expect(() => loadConfig(gatewayConfigSchema, { ...production, JWT_JWKS_ALGORITHMS: 'RS256,HS256' })).toThrow(
      /HS256 is not an asymmetric/,
    );
    const idp = loadConfig(gatewayConfigSchema, { ...production, JWT_JWKS_URL: 'https://idp.example/jwks' });
    expect(idp.JWT_JWKS_ALGORITHMS).toContain('RS256');
    expect(idp.JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
  });

  test('production never accepts a token of the development secret, even next to a JWKS', async () => {
    const config = loadConfig(gatewayConfigSchema, {
      NODE_ENV: 'production',
      NATS_USER: 'gateway',
      NATS_PASSWORD: 'p',
      JWT_KEYS: JSON.stringify([{ kid: 'k1', alg: 'HS256', secret: NEW_SECRET }]),
    });
    const tokens = tokenVerifierFor(config, { warn: () => undefined });
    const dev = await mintToken({ sub: 'x', role: 'platform' }, { secret: DEVELOPMENT_JWT_SECRET, issuer: ISSUER, audience: AUDIENCE });
    expect(await refusal(tokens.verify(bearer(dev)))).toMatchObject({ message: expect.stringContaining('must name its key') });
    const rotated = await mintToken({ sub: 'x', role: 'platform' }, { secret: NEW_SECRET, issuer: ISSUER, audience: AUDIENCE, kid: 'k1' });
    await expect(tokens.verify(bearer(rotated))).resolves.toMatchObject({ id: 'x', role: 'platform' });
  });
});

describe("bearer tokens from an identity provider's JWKS", () => {
  let server: Server;
  let url: string;
  let served: { keys: JWK[] } | 'down' = { keys: [] };
  let fetches = 0;
  const pairs: Record<string, { privateKey: CryptoKey; jwk: JWK }> = {};
  const keyPair = async (kid: string, alg: 'ES256' | 'EdDSA' | 'RS256'): Promise<void> => {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
    pairs[kid] = { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
  };
  const jwk = (kid: string): JWK => pairs[kid]?.jwk ?? {};
  const key = (kid: string): CryptoKey => pairs[kid]!.privateKey;

  beforeAll(async () => {
    await Promise.all([keyPair('es-1', 'ES256'), keyPair('ed-1', 'EdDSA'), keyPair('es-2', 'ES256'), keyPair('rs-x', 'RS256')]);
    server = createServer((_request, response) => {
      fetches++;
      if (served === 'down') {
        response.writeHead(503).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/jwk-set+json' }).end(JSON.stringify(served));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    served = { keys: [jwk('es-1'), jwk('ed-1')] };
    fetches = 0;
  });

  const idp = (options: { cacheMaxAgeMs?: number; cooldownMs?: number } = {}) =>
    verifier({ secret: SECRET, jwks: { url, algorithms: ['RS256', 'ES256', 'EdDSA'], ...options } });

  test('ES256 and EdDSA tokens verify with the keys the server serves, fetched once', async () => {
    const tokens = idp();
    await expect(tokens.verify(bearer(await sign(key('es-1'), { alg: 'ES256', kid: 'es-1' })))).resolves.toMatchObject({ id: 'op-1' });
    await expect(tokens.verify(bearer(await sign(key('ed-1'), { alg: 'EdDSA', kid: 'ed-1' })))).resolves.toMatchObject({ id: 'op-1' });
    expect(fetches).toBe(1);
    // The legacy secret keeps working next to the provider.
    await expect(tokens.verify(bearer(await sign(secretKey(SECRET), { alg: 'HS256' })))).resolves.toMatchObject({ id: 'op-1' });
  });

  test('a key the provider rotates in is fetched when a token names it; a key it never served is refused', async () => {
    const tokens = idp({ cooldownMs: 0 });
    await expect(tokens.verify(bearer(await sign(key('es-1'), { alg: 'ES256', kid: 'es-1' })))).resolves.toBeDefined();
    served = { keys: [jwk('es-2')] };
    await expect(tokens.verify(bearer(await sign(key('es-2'), { alg: 'ES256', kid: 'es-2' })))).resolves.toMatchObject({ id: 'op-1' });
    expect(fetches).toBe(2);
    expect(await refusal(tokens.verify(bearer(await sign(key('rs-x'), { alg: 'RS256', kid: 'rs-x' }))))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('no applicable key'),
    });
    // A token signed by another key under a served kid fails on its signature.
    expect(await refusal(tokens.verify(bearer(await sign(key('es-1'), { alg: 'ES256', kid: 'es-2' }))))).toMatchObject({
      message: expect.stringContaining('signature'),
    });
  });

  test('an HS256 token naming a provider kid is refused: symmetric algorithms never reach the JWKS', async () => {
    const tokens = idp();
    const confused = await sign(new TextEncoder().encode(JSON.stringify(jwk('es-1'))), { alg: 'HS256', kid: 'es-1' });
    expect(await refusal(tokens.verify(bearer(confused)))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('unknown key id es-1'),
    });
    const ed = idp();
    const onlyEs = verifier({ jwks: { url, algorithms: ['ES256'] } });
    await expect(ed.verify(bearer(await sign(key('ed-1'), { alg: 'EdDSA', kid: 'ed-1' })))).resolves.toBeDefined();
    expect(await refusal(onlyEs.verify(bearer(await sign(key('ed-1'), { alg: 'EdDSA', kid: 'ed-1' }))))).toMatchObject({
      message: expect.stringContaining('not allowed'),
    });
  });

  test('a provider that does not answer: 503 retryable without keys, the keys fetched last while they are recent', async () => {
    served = 'down';
    const failures: boolean[] = [];
    const cold = verifier({ jwks: { url, algorithms: ['ES256'] }, onJwksFailure: (_e, stale) => failures.push(stale) });
    const token = await sign(key('es-1'), { alg: 'ES256', kid: 'es-1' });
    expect(await refusal(cold.verify(bearer(token)))).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining("identity provider's keys could not be fetched"),
    });

    served = { keys: [jwk('es-1')] };
    const warm = verifier({ jwks: { url, algorithms: ['ES256'], cacheMaxAgeMs: 0 }, onJwksFailure: (_e, stale) => failures.push(stale) });
    await expect(warm.verify(bearer(token))).resolves.toBeDefined();
    served = 'down';
    await expect(warm.verify(bearer(token))).resolves.toMatchObject({ id: 'op-1' });
    expect(failures).toEqual([false, true]);
  });
});
