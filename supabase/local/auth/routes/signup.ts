// POST /signup: a new e-mail user (GoTrue's Signup). With e-mail confirmations off the answer is a
// session; with them on, the user waits for the confirmation e-mail and the answer is the user.
import { randomUUID } from 'node:crypto';
import type { AuthContext, Request } from '../context.ts';
import { audit, readJson, reply } from '../context.ts';
import { sendConfirmation } from '../codes.ts';
import type { Db } from '../db.ts';
import { badRequest, internal, unprocessable } from '../errors.ts';
import { checkPasswordStrength, hashPassword } from '../passwords.ts';
import { pkceParams, startFlow } from '../pkce.ts';
import { limitRequest } from '../rate-limit.ts';
import { referrer } from '../redirect.ts';
import { issueSession } from '../sessions.ts';
import * as sql from '../sql.ts';
import { isConfirmed, loadUser, userJson, type UserRow } from '../users.ts';
import { signupBody, validateEmail } from '../validation.ts';

export const AUDIENCE = 'authenticated';

export async function signup(ctx: AuthContext, r: Request): Promise<void> {
  const params = await readJson(r, signupBody);
  const { auth } = ctx.config;
  if (!params.email && !params.phone) {
    throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
  }
  limitRequest(ctx.limits.signInSignUps, r.req);
  if (!auth.enable_signup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
  if (!params.password) throw badRequest('validation_failed', 'Signup requires a valid password');
  checkPasswordStrength(params.password, auth.minimum_password_length);
  if (params.email && params.phone) {
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided on signup.');
  }
  const pkce = pkceParams(params.code_challenge, params.code_challenge_method);
  if (!params.email) throw badRequest('phone_provider_disabled', 'Phone signups are disabled');
  if (!auth.email.enable_signup) throw badRequest('email_provider_disabled', 'Email signups are disabled');
  const email = validateEmail(params.email);
  const data = params.data ?? {};
  const autoconfirm = !auth.email.enable_confirmations;
  const redirectTo = referrer(ctx.config, r.req, r.url);

  const existing = await ctx.database.db.one<UserRow>(sql.findUserByEmail(email, AUDIENCE));
  if (existing && (isConfirmed(existing) || autoconfirm)) {
    await ctx.database.transaction((tx) => audit(tx, r, existing, 'user_repeated_signup', { provider: 'email' }));
    if (autoconfirm) throw unprocessable('user_already_exists', 'User already registered');
    reply(r, 200, obfuscatedUser(email, data));
    return;
  }
  // Hash outside the transaction: bcrypt is slow on purpose.
  const passwordHash = existing ? '' : await hashPassword(params.password);
  const answer = await ctx.database.transaction(async (tx) => {
    const user = existing ?? (await createEmailUser(tx, { email, passwordHash, data, emailConfirmed: false }));
    if (autoconfirm) {
      await audit(tx, r, user, 'user_signedup', { provider: 'email' });
      await tx.run(sql.confirmUser(user.id));
      await audit(tx, r, user, 'login', { provider: 'email' });
      return issueSession(ctx, tx, r, user.id, 'password');
    }
    await audit(tx, r, user, 'user_confirmation_requested', { provider: 'email' });
    await startFlow(tx, user.id, pkce, 'signup');
    await sendConfirmation(ctx, tx, (await tx.one<UserRow>(sql.findUserById(user.id)))!, redirectTo, 'signup', !!pkce);
    return userJson((await loadUser(tx, user.id))!);
  });
  reply(r, 200, answer);
}

/**
 * Inserts the user and its e-mail identity as GoTrue does: the row first (so triggers on
 * auth.users see the sign-up's user_metadata), then the identity, whose data is merged into
 * user_metadata. A failing trigger is GoTrue's 500 "Database error saving new user".
 */
export async function createEmailUser(
  tx: Db,
  u: { email: string; passwordHash: string; data: Record<string, unknown>; emailConfirmed: boolean; role?: string; appMetadata?: Record<string, unknown>; id?: string },
): Promise<UserRow> {
  const id = u.id ?? randomUUID();
  let row: UserRow | undefined;
  try {
    row = await tx.one<UserRow>(
      sql.insertUser({
        id,
        aud: AUDIENCE,
        role: u.role || 'authenticated',
        email: u.email,
        encryptedPassword: u.passwordHash,
        appMetadata: { provider: 'email', providers: ['email'], ...(u.appMetadata ?? {}) },
        userMetadata: u.data,
        emailConfirmed: u.emailConfirmed,
      }),
    );
  } catch (error) {
    throw Object.assign(internal('Database error saving new user'), { cause: error });
  }
  const identityData: Record<string, unknown> = { sub: id, email: u.email, email_verified: u.emailConfirmed, phone_verified: false };
  for (const [key, value] of Object.entries(u.data)) if (!(key in identityData)) identityData[key] = value;
  await tx.run(sql.insertIdentity(id, 'email', identityData));
  await tx.run(sql.mergeUserMetadata(id, { sub: id, email: u.email, email_verified: u.emailConfirmed, phone_verified: false }));
  return row!;
}

/** For an address already registered and confirmed: a made-up user, so sign-up does not reveal it. */
function obfuscatedUser(email: string, data: Record<string, unknown>) {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    aud: AUDIENCE,
    role: '',
    email,
    phone: '',
    confirmation_sent_at: now,
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: data,
    identities: [],
    created_at: now,
    updated_at: now,
    is_anonymous: false,
  };
}
