// The platform's JWT check for functions with verify_jwt on (the default): the Authorization
// header must carry `Bearer <JWT>` signed with the project's JWT secret (HS256) and not expired.
// The anon and service_role keys are such JWTs. Failures answer 401 with the codes of
// https://supabase.com/docs/guides/functions/error-codes (Authentication Errors).
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { PlatformError } from './errors.ts';

export function createJwtCheck(jwtSecret: string): (authorization: string | undefined) => Promise<void> {
  const key = new TextEncoder().encode(jwtSecret);
  return async (authorization) => {
    if (!authorization) throw new PlatformError('UNAUTHORIZED_NO_AUTH_HEADER');
    const [scheme, token] = authorization.split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new PlatformError('UNAUTHORIZED_INVALID_JWT_FORMAT', "Auth header is not 'Bearer {token}'");
    }
    let algorithm: string | undefined;
    try {
      algorithm = decodeProtectedHeader(token).alg;
    } catch {
      throw new PlatformError('UNAUTHORIZED_INVALID_JWT_FORMAT');
    }
    if (algorithm === 'HS256') {
      try {
        await jwtVerify(token, key, { algorithms: ['HS256'] });
        return;
      } catch {
        throw new PlatformError('UNAUTHORIZED_LEGACY_JWT');
      }
    }
    // The local stack signs with the shared secret only: no asymmetric key can be valid here.
    if (algorithm === 'ES256' || algorithm === 'RS256') throw new PlatformError('UNAUTHORIZED_ASYMMETRIC_JWT');
    throw new PlatformError('UNAUTHORIZED_UNSUPPORTED_TOKEN_ALGORITHM', `Unsupported JWT algorithm ${algorithm}`);
  };
}
