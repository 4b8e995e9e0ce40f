// Who is calling: GoTrue's requireAuthentication (a user's access token, whose user and session
// must still exist) and requireAdminCredentials (a token whose role is service_role or supabase_admin).
import type { AuthContext, Request } from './context.ts';
import { AuthError, badRequest, forbidden } from './errors.ts';
import * as sql from './sql.ts';
import { verifyAccessToken, type AccessTokenClaims } from './tokens.ts';
import { loadUser, type User } from './users.ts';

export interface SessionRow {
  id: string;
  user_id: string;
  created_at: Date;
  not_after: Date | null;
}

export interface Caller {
  claims: AccessTokenClaims;
  user: User;
  session: SessionRow | null;
}

const ADMIN_ROLES = ['service_role', 'supabase_admin'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

function bearer(r: Request): string {
  const match = /^(?:B|b)earer (\S+)$/.exec(r.req.headers.authorization ?? '');
  if (!match) throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
  return match[1];
}

export async function requireUser(ctx: AuthContext, r: Request): Promise<Caller> {
  const claims = await verifyAccessToken(bearer(r), ctx.secret);
  if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!UUID.test(claims.sub)) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const { db } = ctx.database;
  const user = await loadUser(db, claims.sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  let session: SessionRow | null = null;
  if (claims.session_id && claims.session_id !== NIL_UUID) {
    if (!UUID.test(claims.session_id)) throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
    session = (await db.one<SessionRow>(sql.findSession(claims.session_id))) ?? null;
    if (!session) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  return { claims, user, session };
}

export async function requireAdmin(ctx: AuthContext, r: Request): Promise<AccessTokenClaims> {
  const claims = await verifyAccessToken(bearer(r), ctx.secret);
  if (typeof claims.role !== 'string' || !ADMIN_ROLES.includes(claims.role)) {
    throw forbidden('not_admin', 'User not allowed');
  }
  return claims;
}

/** GoTrue's requestAud: the X-JWT-AUD header, else the token's aud, else the default audience. */
export function requestAudience(r: Request, claims?: AccessTokenClaims): string {
  const header = r.req.headers['x-jwt-aud'];
  if (typeof header === 'string' && header) return header;
  const aud = claims?.aud;
  const first = Array.isArray(aud) ? aud[0] : aud;
  return first || 'authenticated';
}
