import { SignJWT, jwtVerify } from 'jose';
import { PlatformError } from '@tnp/kernel';
import { callerFromClaims, claimsSchema, type Caller, type Role } from './principal';

export type JwtSettings = { readonly secret: string; readonly issuer: string; readonly audience: string };

const keyOf = (secret: string): Uint8Array => new TextEncoder().encode(secret);

export const verifyBearer = async (authorization: string | undefined, settings: JwtSettings): Promise<Caller> => {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new PlatformError('UNAUTHENTICATED', 'A bearer token is required');
  try {
    const { payload } = await jwtVerify(token, keyOf(settings.secret), {
      issuer: settings.issuer,
      audience: settings.audience,
      algorithms: ['HS256'],
    });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new Error(claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return callerFromClaims(claims.data);
  } catch (error) {
    throw new PlatformError('UNAUTHENTICATED', `Invalid token: ${(error as Error).message}`);
  }
};

export type TokenRequest = { sub: string; role: Role; sites?: string[]; occupierId?: string; tenant?: string; expiresIn?: string };

export const mintToken = (request: TokenRequest, settings: JwtSettings): Promise<string> => {
  const { expiresIn = '12h', ...claims } = request;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(keyOf(settings.secret));
};
