// Access tokens (HS256 JWTs with Supabase's claims), refresh tokens (GoTrue's 12 random
// alphanumeric characters), e-mail one-time codes and the hashes stored for them.
import { createHash, randomInt } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, SignJWT } from 'jose';
import { forbidden } from './errors.ts';

export interface AccessTokenClaims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  exp?: number;
  iat?: number;
  nbf?: number;
  email?: string;
  phone?: string;
  role?: string;
  session_id?: string;
  is_anonymous?: boolean;
  [claim: string]: unknown;
}

export interface SignedAccessToken {
  token: string;
  expiresAt: number;
}

export async function signAccessToken(
  claims: { iss: string; sub: string; aud: string; [claim: string]: unknown },
  secret: Uint8Array,
  lifetimeSeconds: number,
): Promise<SignedAccessToken> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + lifetimeSeconds;
  // Claim order as GoTrue writes them: iss, sub, aud, exp, iat, then Supabase's own.
  const { iss, sub, aud, ...rest } = claims;
  const payload = { iss, sub, aud, exp: expiresAt, iat: issuedAt, ...rest };
  const token = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret);
  return { token, expiresAt };
}

/**
 * Verifies a bearer token as GoTrue's parseJWTClaims does (golang-jwt v5, HS256 only, no leeway,
 * audience not checked here) and refuses it with GoTrue's 403 bad_jwt and golang-jwt's wording.
 */
export async function verifyAccessToken(token: string, secret: Uint8Array): Promise<AccessTokenClaims> {
  const refuse = (reason: string) => forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${reason}`);
  if (token.split('.').length !== 3) throw refuse('token is malformed: token contains an invalid number of segments');
  let alg: string | undefined;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    throw refuse('token is malformed: could not JSON decode header');
  }
  if (alg !== 'HS256') throw refuse(`token signature is invalid: signing method ${alg} is invalid`);
  let claims: AccessTokenClaims;
  try {
    const { payload } = await compactVerify(token, secret);
    claims = JSON.parse(new TextDecoder().decode(payload));
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
      throw refuse('token signature is invalid: signature is invalid');
    }
    throw refuse('token is malformed: could not JSON decode claim');
  }
  if (claims === null || typeof claims !== 'object') throw refuse('token is malformed: could not JSON decode claim');
  const now = Date.now() / 1000;
  if (typeof claims.exp === 'number' && now >= claims.exp) throw refuse('token has invalid claims: token is expired');
  if (typeof claims.nbf === 'number' && now < claims.nbf) throw refuse('token has invalid claims: token is not valid yet');
  return claims;
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A refresh token: 12 random lowercase alphanumeric characters, like GoTrue's. */
export function newRefreshToken(): string {
  let token = '';
  for (let i = 0; i < 12; i++) token += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return token;
}

/** A numeric one-time code of `length` digits. */
export function newOtp(length: number): string {
  let otp = '';
  for (let i = 0; i < length; i++) otp += String(randomInt(10));
  return otp;
}

/** What GoTrue stores and puts in links for a code: hex SHA-224 of the address followed by the code. */
export function tokenHash(emailOrPhone: string, otp: string): string {
  return createHash('sha224').update(emailOrPhone + otp).digest('hex');
}
