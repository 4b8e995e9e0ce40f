// POST /token?grant_type=password|refresh_token|pkce (GoTrue's Token): the grants share the
// token_refresh rate limit.
import type { AuthContext, Request } from '../context.ts';
import { audit, readJson, reply } from '../context.ts';
import { badRequest, unprocessable } from '../errors.ts';
import { checkPasswordStrength, verifyPassword } from '../passwords.ts';
import { exchangeCode } from '../pkce.ts';
import { limitRequest } from '../rate-limit.ts';
import { issueSession, refreshSession } from '../sessions.ts';
import * as sql from '../sql.ts';
import { isBanned, isConfirmed, type UserRow } from '../users.ts';
import { passwordGrantBody, pkceGrantBody, refreshGrantBody } from '../validation.ts';
import { AUDIENCE } from './signup.ts';

const INVALID_LOGIN = 'Invalid login credentials';

export async function token(ctx: AuthContext, r: Request): Promise<void> {
  const grantType = r.url.searchParams.get('grant_type') ?? '';
  if (grantType !== 'password' && grantType !== 'refresh_token' && grantType !== 'pkce') {
    throw badRequest('invalid_credentials', 'unsupported_grant_type');
  }
  limitRequest(ctx.limits.token, r.req);
  if (grantType === 'pkce') {
    const { auth_code, code_verifier } = await readJson(r, pkceGrantBody);
    reply(r, 200, await exchangeCode(ctx, r, auth_code, code_verifier));
    return;
  }
  if (grantType === 'refresh_token') {
    const { refresh_token } = await readJson(r, refreshGrantBody);
    reply(r, 200, await refreshSession(ctx, r, refresh_token));
    return;
  }
  await passwordGrant(ctx, r);
}

async function passwordGrant(ctx: AuthContext, r: Request): Promise<void> {
  const params = await readJson(r, passwordGrantBody);
  const { auth } = ctx.config;
  if (params.email && params.phone) {
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided on login.');
  }
  if (params.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
  if (!params.email) throw badRequest('validation_failed', 'missing email or phone');
  if (!auth.email.enable_signup) throw unprocessable('email_provider_disabled', 'Email logins are disabled');

  const user = await ctx.database.db.one<UserRow>(sql.findUserByEmail(params.email.trim(), AUDIENCE));
  if (!user || !user.encrypted_password) throw badRequest('invalid_credentials', INVALID_LOGIN);
  if (isBanned(user)) throw badRequest('user_banned', 'User is banned');
  if (!(await verifyPassword(params.password, user.encrypted_password))) throw badRequest('invalid_credentials', INVALID_LOGIN);
  if (!isConfirmed(user)) throw badRequest('email_not_confirmed', 'Email not confirmed');

  const session = await ctx.database.transaction(async (tx) => {
    await audit(tx, r, user, 'login', { provider: 'email' });
    return issueSession(ctx, tx, r, user.id, 'password');
  });
  reply(r, 200, { ...session, ...weakPasswordNotice(params.password, auth.minimum_password_length) });
}

/** A password that no longer meets the rules still signs in; GoTrue says so in weak_password. */
function weakPasswordNotice(password: string, minimumLength: number) {
  try {
    checkPasswordStrength(password, minimumLength);
    return {};
  } catch (error) {
    const extra = (error as { extra?: { weak_password?: { reasons: string[] } } }).extra;
    if (!extra?.weak_password) return {};
    return { weak_password: { message: (error as Error).message, reasons: extra.weak_password.reasons } };
  }
}
