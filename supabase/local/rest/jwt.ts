// Who a REST request runs as: the `role` claim of a valid JWT, or the anonymous role without one.
import { errors, jwtVerify } from 'jose';
import { ApiError } from './errors.ts';

export interface Caller {
  role: string;
  claims: Record<string, unknown>;
}

export interface AuthOptions {
  secret: Uint8Array;
  anonRole: string;
}

function jwtError(code: string, message: string): ApiError {
  return new ApiError(401, code, message, null, null, {
    'www-authenticate': `Bearer error="invalid_token", error_description="${message}"`,
  });
}

export async function authenticate(authorization: string | undefined, options: AuthOptions): Promise<Caller> {
  if (!authorization) return { role: options.anonRole, claims: { role: options.anonRole } };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return { role: options.anonRole, claims: { role: options.anonRole } };
  const token = match[1];
  const parts = token.split('.').length;
  if (parts !== 3) throw jwtError('PGRST301', `Expected 3 parts in JWT; got ${parts}`);
  try {
    const { payload } = await jwtVerify(token, options.secret, { clockTolerance: 30 });
    const role = typeof payload.role === 'string' && payload.role ? payload.role : options.anonRole;
    return { role, claims: payload as Record<string, unknown> };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw jwtError('PGRST303', 'JWT expired');
    if (error instanceof errors.JWSSignatureVerificationFailed) throw jwtError('PGRST301', 'JWSError JWSInvalidSignature');
    throw jwtError('PGRST301', 'JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got 2)');
  }
}
