// Sessions and the tokens that carry them: signing in opens a session (a row in auth.sessions,
// how it was authenticated in auth.mfa_amr_claims, a first refresh token) and answers GoTrue's
// token response; refreshing rotates the refresh token with GoTrue's reuse rules.
import { randomUUID } from 'node:crypto';
import type { AuthContext, Request } from './context.ts';
import { audit } from './context.ts';
import type { Db } from './db.ts';
import { badRequest, OAuthError } from './errors.ts';
import { clientIp } from './rate-limit.ts';
import * as sql from './sql.ts';
import { newRefreshToken, signAccessToken } from './tokens.ts';
import { isBanned, loadUser, userJson, type User } from './users.ts';

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: Record<string, unknown>;
}

interface RefreshTokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  updated_at: Date;
  parent: string | null;
  session_id: string | null;
}

async function accessToken(ctx: AuthContext, tx: Db, user: User, sessionId: string) {
  const amr = await tx.many<{ authentication_method: string; updated_at: Date }>(sql.listAmrClaims(sessionId));
  const u = user.row;
  return signAccessToken(
    {
      iss: ctx.issuer,
      sub: u.id,
      aud: u.aud ?? 'authenticated',
      email: u.email ?? '',
      phone: u.phone ?? '',
      app_metadata: u.raw_app_meta_data ?? {},
      user_metadata: u.raw_user_meta_data ?? {},
      role: u.role ?? '',
      aal: 'aal1',
      amr: amr.map((c) => ({ method: c.authentication_method, timestamp: Math.floor(c.updated_at.getTime() / 1000) })),
      session_id: sessionId,
      is_anonymous: u.is_anonymous,
    },
    ctx.secret,
    ctx.config.auth.jwt_expiry,
  );
}

async function tokenResponse(ctx: AuthContext, tx: Db, userId: string, sessionId: string, refreshToken: string): Promise<TokenResponse> {
  const user = (await loadUser(tx, userId))!;
  const { token, expiresAt } = await accessToken(ctx, tx, user, sessionId);
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: ctx.config.auth.jwt_expiry,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: userJson(user),
  };
}

/** Opens a session for a user who just proved who they are (`method`: password, otp…). */
export async function issueSession(ctx: AuthContext, tx: Db, r: Request, userId: string, method: string): Promise<TokenResponse> {
  const sessionId = randomUUID();
  const userAgent = typeof r.req.headers['user-agent'] === 'string' ? r.req.headers['user-agent'] : null;
  await tx.run(sql.insertSession(sessionId, userId, userAgent, safeInet(clientIp(r.req))));
  await tx.run(sql.insertAmrClaim(sessionId, method));
  const refreshToken = newRefreshToken();
  await tx.run(sql.insertRefreshToken(refreshToken, userId, sessionId, null));
  await tx.run(sql.touchLastSignIn(userId));
  return tokenResponse(ctx, tx, userId, sessionId, refreshToken);
}

function safeInet(ip: string): string | null {
  return /^[0-9a-f:.]+$/i.test(ip) ? ip : null;
}

/**
 * grant_type=refresh_token. A revoked token that is the parent of the session's active token gets
 * that active token back (the client lost the answer); another revoked token is still swapped
 * within refresh_token_reuse_interval seconds of its revocation, and past it every token of the
 * session is revoked and the answer is refresh_token_already_used.
 */
export async function refreshSession(ctx: AuthContext, r: Request, presented: string): Promise<TokenResponse> {
  if (!presented) throw new OAuthError('invalid_request', 'refresh_token required');
  const { config } = ctx;
  return ctx.database.transactionCommitOnError(async (tx) => {
    const token = await tx.one<RefreshTokenRow>(sql.lockRefreshToken(presented));
    if (!token) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    const user = await loadUser(tx, token.user_id);
    if (!user) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    if (isBanned(user.row)) throw badRequest('user_banned', 'Invalid Refresh Token: User Banned');
    const session = token.session_id ? await tx.one<{ id: string; not_after: Date | null }>(sql.findSession(token.session_id)) : undefined;
    if (!session) throw badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found');
    if (session.not_after && session.not_after.getTime() < Date.now()) {
      throw badRequest('session_expired', 'Invalid Refresh Token: Session Expired');
    }

    let issued: string | undefined;
    if (token.revoked) {
      const active = await tx.one<RefreshTokenRow>(sql.findActiveRefreshToken(session.id));
      if (active && active.parent === token.token) {
        issued = active.token;
      } else {
        const reuseUntil = token.updated_at.getTime() + config.auth.refresh_token_reuse_interval * 1000;
        if (Date.now() > reuseUntil) {
          if (config.auth.enable_refresh_token_rotation) await tx.run(sql.revokeSessionTokens(session.id));
          ctx.log(`[auth] possible abuse attempt: refresh token ${token.id} reused`);
          throw badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used');
        }
      }
    }
    await audit(tx, r, user.row, 'token_refreshed');
    if (!issued) {
      await audit(tx, r, user.row, 'token_revoked');
      await tx.run(sql.revokeRefreshToken(token.id));
      issued = newRefreshToken();
      await tx.run(sql.insertRefreshToken(issued, user.row.id, session.id, token.token));
    }
    await tx.run(sql.touchSession(session.id));
    return tokenResponse(ctx, tx, user.row.id, session.id, issued);
  });
}
