// /verify (GoTrue's Verify): exchanges an e-mailed code or link for a session.
//   POST {type, token, email} or {type, token_hash}  → token response (JSON)
//   GET ?token=<hash>&type=…&redirect_to=…           → 303 to redirect_to with the session, or the
//                                                       error, in the URL fragment
// In a PKCE flow (token prefixed pkce_) the GET redirects with ?code=… instead, to be exchanged at
// POST /token?grant_type=pkce. Reachable without an apikey, since it is opened from an e-mail.
import type { AuthContext, Request } from '../context.ts';
import { audit, readJson, redirect, reply } from '../context.ts';
import type { Db } from '../db.ts';
import { AuthError, badRequest, forbidden, unprocessable } from '../errors.ts';
import { limitRequest } from '../rate-limit.ts';
import { referrer } from '../redirect.ts';
import { issueAuthCode } from '../pkce.ts';
import { issueSession, type TokenResponse } from '../sessions.ts';
import * as sql from '../sql.ts';
import { tokenHash } from '../tokens.ts';
import { isBanned, isConfirmed, type UserRow } from '../users.ts';
import { validateEmail, verifyBody } from '../validation.ts';
import { AUDIENCE } from './signup.ts';

const EMAIL_CHANGE_HALF_DONE = 'Confirmation link accepted. Please proceed to confirm link sent to the other email';
const LINK_INVALID = 'Email link is invalid or has expired';
const TOKEN_INVALID = 'Token has expired or is invalid';

type Outcome = { session: TokenResponse } | { message: string } | { code: string };

export async function verifyGet(ctx: AuthContext, r: Request): Promise<void> {
  limitRequest(ctx.limits.verify, r.req);
  const token = r.url.searchParams.get('token') ?? '';
  let type = r.url.searchParams.get('type') ?? '';
  if (!type) throw badRequest('validation_failed', 'Verify requires a verification type');
  if (!token) throw badRequest('validation_failed', 'Verify requires a token or a token hash');
  const redirectTo = referrer(ctx.config, r.req, r.url);
  const pkce = token.startsWith('pkce_');
  let outcome: Outcome;
  try {
    outcome = await ctx.database.transaction(async (tx) => {
      const found = await findByTokenHash(ctx, tx, type, token);
      type = found.type;
      return complete(ctx, tx, r, found.user, type, token, pkce);
    });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const params = errorFragment(error);
    // In a PKCE flow the error is also in the query string, for the server that reads it.
    redirect(r, withFragment(pkce ? withQuery(redirectTo, params) : redirectTo, params));
    return;
  }
  if ('message' in outcome) {
    redirect(r, withFragment(redirectTo, new URLSearchParams({ message: outcome.message })));
    return;
  }
  if ('code' in outcome) {
    redirect(r, withQuery(redirectTo, new URLSearchParams({ code: outcome.code })));
    return;
  }
  const s = outcome.session;
  const fragment = new URLSearchParams({
    access_token: s.access_token,
    expires_at: String(s.expires_at),
    expires_in: String(s.expires_in),
    refresh_token: s.refresh_token,
    token_type: s.token_type,
    type,
  });
  redirect(r, withFragment(redirectTo, fragment));
}

export async function verifyPost(ctx: AuthContext, r: Request): Promise<void> {
  limitRequest(ctx.limits.verify, r.req);
  const p = await readJson(r, verifyBody);
  if (!p.type) throw badRequest('validation_failed', 'Verify requires a verification type');
  if ((!p.token && !p.token_hash) || (p.token && p.token_hash)) {
    throw badRequest('validation_failed', 'Verify requires either a token or a token hash');
  }
  let hash = p.token_hash;
  let email = '';
  if (p.token) {
    if (p.phone && !p.email) throw forbidden('otp_expired', TOKEN_INVALID);
    if (!p.email || p.phone) throw badRequest('validation_failed', 'Only an email address or phone number should be provided on verify');
    try {
      email = validateEmail(p.email);
    } catch {
      throw unprocessable('validation_failed', 'Invalid email format');
    }
    hash = tokenHash(email, p.token);
  } else if (p.email || p.phone || p.redirect_to) {
    throw badRequest('validation_failed', 'Only the token_hash and type should be provided');
  }
  const outcome = await ctx.database.transaction(async (tx) => {
    const found = p.token_hash ? await findByTokenHash(ctx, tx, p.type, hash) : await findByEmailAndCode(ctx, tx, p.type, email, hash);
    return complete(ctx, tx, r, found.user, found.type, hash);
  });
  if ('message' in outcome) reply(r, 200, { msg: outcome.message, code: '200' });
  else if ('session' in outcome) reply(r, 200, outcome.session);
}

interface Found {
  user: UserRow;
  /** `email` resolves to signup or magiclink, whichever code matched. */
  type: string;
}

function expired(sentAt: Date | null, ctx: AuthContext): boolean {
  return !sentAt || Date.now() > sentAt.getTime() + ctx.config.auth.email.otp_expiry * 1000;
}

const matches = (stored: string | null, hash: string) => !!stored && (stored === hash || stored === `pkce_${hash}`);

/** GoTrue's verifyTokenHash: the link's hash names the user. */
async function findByTokenHash(ctx: AuthContext, tx: Db, type: string, hash: string): Promise<Found> {
  let user: UserRow | undefined;
  if (type === 'email') user = (await tx.one(sql.findUserByConfirmationToken(hash))) ?? (await tx.one(sql.findUserByRecoveryToken(hash)));
  else if (type === 'signup' || type === 'invite') user = await tx.one(sql.findUserByConfirmationToken(hash));
  else if (type === 'recovery' || type === 'magiclink') user = await tx.one(sql.findUserByRecoveryToken(hash));
  else if (type === 'email_change') user = await tx.one(sql.findUserByEmailChangeToken(hash));
  else throw badRequest('validation_failed', 'Invalid email verification type');
  if (!user) throw forbidden('otp_expired', LINK_INVALID);
  if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
  let sentAt: Date | null;
  if (type === 'email') {
    const viaRecovery = matches(user.recovery_token, hash);
    type = viaRecovery ? 'magiclink' : 'signup';
    sentAt = viaRecovery ? user.recovery_sent_at : user.confirmation_sent_at;
  } else if (type === 'signup' || type === 'invite') sentAt = user.confirmation_sent_at;
  else if (type === 'email_change') sentAt = user.email_change_sent_at;
  else sentAt = user.recovery_sent_at;
  if (expired(sentAt, ctx)) throw forbidden('otp_expired', LINK_INVALID);
  return { user, type };
}

/** GoTrue's verifyUserAndToken: the e-mail address names the user, the code must match. */
async function findByEmailAndCode(ctx: AuthContext, tx: Db, type: string, email: string, hash: string): Promise<Found> {
  let user: UserRow | undefined;
  if (type === 'email_change') {
    user = await tx.one<UserRow>(sql.findUserByEmailChangeToken(hash));
    if (user && ![user.email, user.email_change].some((e) => e?.toLowerCase() === email)) user = undefined;
  } else if (['email', 'signup', 'invite', 'recovery', 'magiclink'].includes(type)) {
    user = await tx.one<UserRow>(sql.findUserByEmail(email, AUDIENCE));
  } else if (type === 'sms' || type === 'phone_change') {
    throw forbidden('otp_expired', TOKEN_INVALID);
  } else {
    throw badRequest('validation_failed', 'Unsupported verification type');
  }
  if (!user) throw forbidden('otp_expired', TOKEN_INVALID);
  if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
  const valid = (stored: string | null, sentAt: Date | null) => matches(stored, hash) && !expired(sentAt, ctx);
  let resolved = type;
  let ok: boolean;
  if (type === 'email') {
    if (valid(user.confirmation_token, user.confirmation_sent_at)) { ok = true; resolved = 'signup'; }
    else if (valid(user.recovery_token, user.recovery_sent_at)) { ok = true; resolved = 'magiclink'; }
    else ok = false;
  } else if (type === 'signup' || type === 'invite') ok = valid(user.confirmation_token, user.confirmation_sent_at);
  else if (type === 'email_change') {
    ok = valid(user.email_change_token_current, user.email_change_sent_at) || valid(user.email_change_token_new, user.email_change_sent_at);
  } else ok = valid(user.recovery_token, user.recovery_sent_at);
  if (!ok) throw forbidden('otp_expired', TOKEN_INVALID);
  return { user, type: resolved };
}

/** What a verified code does, then the session it opens (or, half-way through an e-mail change, a message). */
async function complete(ctx: AuthContext, tx: Db, r: Request, user: UserRow, type: string, hash: string, pkce = false): Promise<Outcome> {
  if (type === 'signup' || type === 'invite') {
    await audit(tx, r, user, type === 'invite' ? 'invite_accepted' : 'user_signedup');
    await tx.run(sql.confirmUser(user.id));
    await tx.run(sql.markIdentityEmailVerified(user.id));
    await tx.run(sql.clearOneTimeTokens(user.id));
  } else if (type === 'recovery' || type === 'magiclink') {
    await tx.run(sql.clearRecoveryToken(user.id));
    await tx.run(sql.clearOneTimeTokens(user.id));
    if (!isConfirmed(user)) {
      await audit(tx, r, user, 'user_signedup');
      await tx.run(sql.confirmUser(user.id));
    } else {
      await audit(tx, r, user, 'login');
    }
  } else if (type === 'email_change') {
    const secure = ctx.config.auth.email.double_confirm_changes && !!user.email;
    if (secure && (user.email_change_confirm_status ?? 0) === 0) {
      const which = matches(user.email_change_token_current, hash) ? 'current' : 'new';
      await tx.run(sql.acceptOneEmailChangeToken(user.id, which));
      await tx.run(sql.clearOneTimeToken(user.id, `email_change_token_${which}`));
      return { message: EMAIL_CHANGE_HALF_DONE };
    }
    await audit(tx, r, user, 'user_modified');
    await tx.run(sql.setIdentityEmail(user.id, user.email_change ?? ''));
    await tx.run(sql.applyEmailChange(user.id));
    await tx.run(sql.clearOneTimeTokens(user.id));
  } else {
    throw badRequest('validation_failed', 'Unsupported verification type');
  }
  if (pkce) return { code: await issueAuthCode(tx, user.id, type) };
  return { session: await issueSession(ctx, tx, r, user.id, 'otp') };
}

const OAUTH_ERROR: Record<number, string> = {
  400: 'invalid_request', 401: 'unauthorized_client', 403: 'access_denied', 500: 'server_error', 503: 'temporarily_unavailable',
};

function errorFragment(error: AuthError): URLSearchParams {
  const params = new URLSearchParams();
  if (OAUTH_ERROR[error.status]) params.set('error', OAUTH_ERROR[error.status]);
  params.set('error_code', error.code);
  params.set('error_description', error.message);
  return params;
}

function withQuery(target: string, params: URLSearchParams): string {
  try {
    const url = new URL(target);
    for (const [key, value] of params) url.searchParams.set(key, value);
    return url.toString();
  } catch {
    return target;
  }
}

function withFragment(target: string, fragment: URLSearchParams): string {
  const hashAt = target.indexOf('#');
  return `${hashAt === -1 ? target : target.slice(0, hashAt)}#${fragment.toString()}`;
}
