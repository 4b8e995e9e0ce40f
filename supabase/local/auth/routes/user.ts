// GET /user and PUT /user (GoTrue's UserGet / UserUpdate): the signed-in user reads and changes
// their own record: user_metadata, password (other sessions end), e-mail (confirmed by e-mail).
import { requestAudience, requireUser } from '../authenticate.ts';
import { sendEmailChange } from '../codes.ts';
import type { AuthContext, Request } from '../context.ts';
import { audit, readJson, reply } from '../context.ts';
import { badRequest, forbidden, unprocessable } from '../errors.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../passwords.ts';
import { pkceParams, startFlow } from '../pkce.ts';
import { limitRequest } from '../rate-limit.ts';
import { referrer } from '../redirect.ts';
import * as sql from '../sql.ts';
import { loadUser, userJson } from '../users.ts';
import { userUpdateBody, validateEmail } from '../validation.ts';

export async function getUser(ctx: AuthContext, r: Request): Promise<void> {
  const { claims, user } = await requireUser(ctx, r);
  const fromClaims = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
  if (!fromClaims || requestAudience(r, claims) !== fromClaims) {
    throw badRequest('validation_failed', "Token audience doesn't match request audience");
  }
  reply(r, 200, userJson(user));
}

export async function updateUser(ctx: AuthContext, r: Request): Promise<void> {
  const { user, session } = await requireUser(ctx, r);
  limitRequest(ctx.limits.signInSignUps, r.req);
  const params = await readJson(r, userUpdateBody);
  const { auth } = ctx.config;
  const u = user.row;

  const email = params.email ? validateEmail(params.email) : '';
  const pkce = pkceParams(params.code_challenge, params.code_challenge_method);
  if (params.phone) throw unprocessable('phone_provider_disabled', 'Phone logins are disabled');
  if (params.password != null) checkPasswordStrength(params.password, auth.minimum_password_length);
  if (params.app_metadata != null) throw forbidden('not_admin', 'Updating app_metadata requires admin privileges');

  const changingEmail = email !== '' && email !== (u.email ?? '').toLowerCase();
  if (changingEmail && (await ctx.database.db.one(sql.findUserWithEmail(email, u.id)))) {
    throw unprocessable('email_exists', 'A user with this email address has already been registered');
  }

  let passwordHash: string | undefined;
  if (params.password != null) {
    if (auth.email.secure_password_change && (!session || Date.now() > session.created_at.getTime() + 24 * 3600 * 1000)) {
      if (!params.nonce) throw badRequest('reauthentication_needed', 'Password update requires reauthentication');
      throw unprocessable('reauthentication_not_valid', 'Requires reauthentication');
    }
    if (params.password !== '' && (await verifyPassword(params.password, u.encrypted_password))) {
      throw unprocessable('same_password', 'New password should be different from the old password.');
    }
    passwordHash = await hashPassword(params.password);
  }

  const redirectTo = referrer(ctx.config, r.req, r.url);
  const answer = await ctx.database.transaction(async (tx) => {
    if (passwordHash !== undefined) {
      await tx.run(sql.setPassword(u.id, passwordHash));
      await tx.run(sql.clearOneTimeTokens(u.id));
      // Whoever else holds a session must sign in again with the new password.
      await tx.run(session ? sql.deleteOtherSessions(u.id, session.id) : sql.deleteUserSessions(u.id));
      await audit(tx, r, u, 'user_updated_password');
    }
    if (params.data != null) await tx.run(sql.mergeUserMetadata(u.id, params.data));
    if (changingEmail) {
      const fresh = (await loadUser(tx, u.id))!;
      await startFlow(tx, u.id, pkce, 'email_change');
      await sendEmailChange(ctx, tx, fresh.row, email, redirectTo, !!pkce);
    }
    await audit(tx, r, u, 'user_modified');
    return userJson((await loadUser(tx, u.id))!);
  });
  reply(r, 200, answer);
}
