// Who a REST request runs as: the `role` claim of a valid JWT, or the anonymous role without one.
// Errors, codes and messages are PostgREST's (v13+, as hosted Supabase answers): PGRST301 when the
// token cannot be decoded or verified, PGRST303 when its claims are refused.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ApiError } from './errors.ts';

export interface Caller {
  role: string;
  claims: Record<string, unknown>;
}

export interface AuthOptions {
  secret: Uint8Array;
  anonRole: string;
  /** PostgREST's jwt-aud: when set, a token whose `aud` does not name it is refused. */
  audience?: string;
  /** Seconds since the epoch (tests); defaults to now. */
  now?: number;
}

/** PostgREST allows 30 seconds of clock skew on exp, nbf and iat. */
const ALLOWED_SKEW_SECONDS = 30;
const HMAC_ALGORITHMS: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };
const KNOWN_ALGORITHMS = new Set(['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512', 'EdDSA']);

function invalidToken(code: string, message: string, details: string | null = null): ApiError {
  return new ApiError(401, code, message, details, null, {
    'www-authenticate': `Bearer error="invalid_token", error_description=${JSON.stringify(message)}`,
  });
}

const decodeError = (message: string, details: string | null = null) => invalidToken('PGRST301', message, details);
const claimsError = (message: string) => invalidToken('PGRST303', message);

/**
 * The token of `Authorization: Bearer <token>` (scheme case-insensitive, as wai's extractBearerAuth):
 * undefined without a bearer Authorization header (the request runs as anon), '' for `Bearer` alone.
 */
function tokenOf(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  const match = /^(\S*)(\s*)([\s\S]*)$/.exec(authorization)!;
  if (match[1].toLowerCase() !== 'bearer') return undefined;
  return match[3].trimStart();
}

function parseJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks the header and signature; returns the payload's claims. */
function verify(token: string, secret: Uint8Array): Record<string, unknown> {
  if (token === '') throw decodeError('Empty JWT is sent in Authorization header');
  const parts = token.split('.');
  if (parts.length !== 3) throw decodeError(`Expected 3 parts in JWT; got ${parts.length}`);
  const [headerPart, payloadPart, signaturePart] = parts;
  const header = parseJson(headerPart);
  if (!isObject(header) || typeof header.alg !== 'string') throw decodeError('JWT cryptographic operation failed');
  if (header.alg === 'none') {
    throw decodeError('Wrong or unsupported encoding algorithm', "JWT is unsecured but expected 'alg' was not 'none'");
  }
  if (!KNOWN_ALGORITHMS.has(header.alg)) throw decodeError('JWT cryptographic operation failed');
  const hash = HMAC_ALGORITHMS[header.alg];
  const expected = hash ? createHmac(hash, secret).update(`${headerPart}.${payloadPart}`).digest() : undefined;
  const given = Buffer.from(signaturePart, 'base64url');
  if (!expected || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw decodeError('No suitable key or wrong key type', 'None of the keys was able to decode the JWT');
  }
  const claims = parseJson(payloadPart);
  if (!isObject(claims)) throw claimsError('Parsing claims failed');
  return claims;
}

/** PostgREST's claim checks, in its order: exp, nbf, iat, aud. */
function validateClaims(claims: Record<string, unknown>, now: number, audience: string | undefined): void {
  const timeClaim = (key: 'exp' | 'nbf' | 'iat'): number | undefined => {
    const value = claims[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number') throw claimsError(`The JWT '${key}' claim must be a number`);
    return Math.trunc(value);
  };
  const exp = timeClaim('exp');
  if (exp !== undefined && now - ALLOWED_SKEW_SECONDS > exp) throw claimsError('JWT expired');
  const nbf = timeClaim('nbf');
  if (nbf !== undefined && now + ALLOWED_SKEW_SECONDS < nbf) throw claimsError('JWT not yet valid');
  const iat = timeClaim('iat');
  if (iat !== undefined && now + ALLOWED_SKEW_SECONDS < iat) throw claimsError('JWT issued at future');
  const aud = claims.aud;
  if (aud === undefined || aud === null) return;
  const auds = typeof aud === 'string' ? [aud] : aud;
  if (!Array.isArray(auds) || !auds.every((a) => typeof a === 'string')) {
    throw claimsError("The JWT 'aud' claim must be a string or an array of strings");
  }
  const matches = (a: string) => audience === undefined || a === audience;
  const valid = typeof aud === 'string' ? matches(aud) : auds.length === 0 || auds.some(matches);
  if (!valid) throw claimsError('JWT not in audience');
}

export async function authenticate(authorization: string | undefined, options: AuthOptions): Promise<Caller> {
  const token = tokenOf(authorization);
  if (token === undefined) return { role: options.anonRole, claims: { role: options.anonRole } };
  const claims = verify(token, options.secret);
  validateClaims(claims, options.now ?? Math.floor(Date.now() / 1000), options.audience);
  const claim = claims.role;
  const role =
    claim === undefined || claim === null ? options.anonRole : typeof claim === 'string' ? claim : JSON.stringify(claim);
  return { role, claims: { ...claims, role } };
}
