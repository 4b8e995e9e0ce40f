// Codes and links by e-mail: POST /otp and /magiclink (sign in without a password, creating the
// user unless create_user is false), /recover (password reset) and /resend, as GoTrue answers them.
import { randomBytes } from 'node:crypto';
import type { AuthContext, Request } from '../context.ts';
import { audit, readJson, reply } from '../context.ts';
import { sendConfirmation, sendEmailChange, sendRecoveryCode } from '../codes.ts';
import { badRequest, unprocessable } from '../errors.ts';
import { hashPassword } from '../passwords.ts';
import { pkceParams, startFlow, type Pkce } from '../pkce.ts';
import { limitRequest } from '../rate-limit.ts';
import { referrer } from '../redirect.ts';
import * as sql from '../sql.ts';
import { isConfirmed, type UserRow } from '../users.ts';
import { magicLinkBody, otpBody, recoverBody, resendBody, validateEmail } from '../validation.ts';
import { AUDIENCE, createEmailUser } from './signup.ts';

export async function otp(ctx: AuthContext, r: Request): Promise<void> {
  limitRequest(ctx.limits.signInSignUps, r.req);
  const params = await readJson(r, otpBody);
  if (params.email && params.phone) {
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided');
  }
  if (params.phone) throw unprocessable('phone_provider_disabled', 'Unsupported phone provider');
  await magicLink(ctx, r, params.email, params.data ?? {}, params.create_user, pkceParams(params.code_challenge, params.code_challenge_method));
}

export async function magicLinkRoute(ctx: AuthContext, r: Request): Promise<void> {
  limitRequest(ctx.limits.signInSignUps, r.req);
  const params = await readJson(r, magicLinkBody);
  await magicLink(ctx, r, params.email, params.data ?? {}, true, pkceParams(params.code_challenge, params.code_challenge_method));
}

async function magicLink(ctx: AuthContext, r: Request, rawEmail: string, data: Record<string, unknown>, createUser: boolean, pkce: Pkce | undefined) {
  const { auth } = ctx.config;
  if (!auth.email.enable_signup) throw unprocessable('email_provider_disabled', 'Email logins are disabled');
  if (!rawEmail) throw unprocessable('validation_failed', 'Password recovery requires an email');
  const email = validateEmail(rawEmail);
  const redirectTo = referrer(ctx.config, r.req, r.url);
  const existing = await ctx.database.db.one<UserRow>(sql.findUserByEmail(email, AUDIENCE));
  if (!existing && !createUser) throw unprocessable('otp_disabled', 'Signups not allowed for otp');

  if (!existing || !isConfirmed(existing)) {
    if (!auth.enable_signup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
    const autoconfirm = !auth.email.enable_confirmations;
    // Like GoTrue: sign them up with a random password they never learn.
    const passwordHash = existing ? '' : await hashPassword(randomBytes(32).toString('base64url'));
    await ctx.database.transaction(async (tx) => {
      const user = existing ?? (await createEmailUser(tx, { email, passwordHash, data, emailConfirmed: false }));
      if (autoconfirm) {
        await audit(tx, r, user, 'user_signedup', { provider: 'email' });
        await tx.run(sql.confirmUser(user.id));
        await audit(tx, r, user, 'user_recovery_requested');
        await startFlow(tx, user.id, pkce, 'magiclink');
        await sendRecoveryCode(ctx, tx, (await tx.one<UserRow>(sql.findUserById(user.id)))!, redirectTo, 'magiclink', !!pkce);
      } else {
        // The confirmation e-mail is the magic link for someone not yet confirmed.
        await audit(tx, r, user, 'user_confirmation_requested', { provider: 'email' });
        await startFlow(tx, user.id, pkce, 'signup');
        await sendConfirmation(ctx, tx, (await tx.one<UserRow>(sql.findUserById(user.id)))!, redirectTo, 'signup', !!pkce);
      }
    });
    reply(r, 200, {});
    return;
  }
  await ctx.database.transaction(async (tx) => {
    await audit(tx, r, existing, 'user_recovery_requested');
    await startFlow(tx, existing.id, pkce, 'magiclink');
    await sendRecoveryCode(ctx, tx, existing, redirectTo, 'magiclink', !!pkce);
  });
  reply(r, 200, {});
}

export async function recover(ctx: AuthContext, r: Request): Promise<void> {
  limitRequest(ctx.limits.signInSignUps, r.req);
  const params = await readJson(r, recoverBody);
  if (!ctx.config.auth.email.enable_signup) throw unprocessable('email_provider_disabled', 'Email logins are disabled');
  if (!params.email) throw badRequest('validation_failed', 'Password recovery requires an email');
  const email = validateEmail(params.email);
  const pkce = pkceParams(params.code_challenge, params.code_challenge_method);
  const user = await ctx.database.db.one<UserRow>(sql.findUserByEmail(email, AUDIENCE));
  // An unknown address gets the same answer, so /recover does not reveal who has an account.
  if (user) {
    const redirectTo = referrer(ctx.config, r.req, r.url);
    await ctx.database.transaction(async (tx) => {
      await audit(tx, r, user, 'user_recovery_requested');
      await startFlow(tx, user.id, pkce, 'recovery');
      await sendRecoveryCode(ctx, tx, user, redirectTo, 'recovery', !!pkce);
    });
  }
  reply(r, 200, {});
}

export async function resend(ctx: AuthContext, r: Request): Promise<void> {
  limitRequest(ctx.limits.signInSignUps, r.req);
  const params = await readJson(r, resendBody);
  if (!['signup', 'email_change', 'sms', 'phone_change'].includes(params.type)) {
    throw badRequest('validation_failed', 'Missing one of these types: signup, email_change, sms, phone_change');
  }
  if (params.type === 'sms' || params.type === 'phone_change' || params.phone) {
    throw unprocessable('phone_provider_disabled', 'Unsupported phone provider');
  }
  const email = validateEmail(params.email);
  const user = await ctx.database.db.one<UserRow>(
    sql.findUserByEmail(email, AUDIENCE),
  );
  const redirectTo = referrer(ctx.config, r.req, r.url);
  if (user && params.type === 'signup' && !isConfirmed(user)) {
    await ctx.database.transaction((tx) => sendConfirmation(ctx, tx, user, redirectTo));
  } else if (user && params.type === 'email_change' && user.email_change) {
    await ctx.database.transaction((tx) => sendEmailChange(ctx, tx, user, user.email_change!, redirectTo));
  }
  reply(r, 200, {});
}
