// Sending a one-time code and link by e-mail, as GoTrue's sendConfirmation / sendMagicLink /
// sendPasswordRecovery / sendEmailChange do: at most one e-mail of a kind per address every
// auth.email.max_frequency, within the project's e-mail rate limit, the code's hash stored on the
// user (confirmation_token, recovery_token, email_change_token_*) and in auth.one_time_tokens, and
// the e-mail enqueued in the same transaction (mail.ts).
import type { AuthContext } from './context.ts';
import type { Db } from './db.ts';
import { enqueueAuthEmail } from './mail.ts';
import { limitFrequency } from './rate-limit.ts';
import * as sql from './sql.ts';
import { newOtp, tokenHash } from './tokens.ts';
import type { UserRow } from './users.ts';

interface Issued {
  otp: string;
  /** What is stored and put in the link: the code's hash, `pkce_`-prefixed in a PKCE flow. */
  hash: string;
}

function issue(ctx: AuthContext, address: string, pkce = false): Issued {
  const otp = newOtp(ctx.config.auth.email.otp_length);
  return { otp, hash: `${pkce ? 'pkce_' : ''}${tokenHash(address, otp)}` };
}

/** Sign-up confirmation (also invitations, with `kind` = invite). */
export async function sendConfirmation(ctx: AuthContext, tx: Db, user: UserRow, redirectTo: string, kind: 'signup' | 'invite' = 'signup', pkce = false) {
  limitFrequency(user.confirmation_sent_at, ctx.config.auth.email.max_frequency);
  const email = user.email ?? '';
  const code = issue(ctx, email, pkce);
  await tx.run(sql.setConfirmationToken(user.id, code.hash));
  await tx.run(sql.upsertOneTimeToken(user.id, 'confirmation_token', code.hash, email));
  await enqueueAuthEmail(ctx, tx, { kind, to: email, user, ...code, redirectTo });
}

/** Magic link and password recovery share the recovery token (and its frequency limit), as in GoTrue. */
export async function sendRecoveryCode(ctx: AuthContext, tx: Db, user: UserRow, redirectTo: string, kind: 'magiclink' | 'recovery', pkce = false) {
  limitFrequency(user.recovery_sent_at, ctx.config.auth.email.max_frequency);
  const email = user.email ?? '';
  const code = issue(ctx, email, pkce);
  await tx.run(sql.setRecoveryToken(user.id, code.hash));
  await tx.run(sql.upsertOneTimeToken(user.id, 'recovery_token', code.hash, email));
  await enqueueAuthEmail(ctx, tx, { kind, to: email, user, ...code, redirectTo });
}

/** E-mail change: a code to the new address and, with double_confirm_changes, one to the current. */
export async function sendEmailChange(ctx: AuthContext, tx: Db, user: UserRow, newEmail: string, redirectTo: string, pkce = false) {
  limitFrequency(user.email_change_sent_at, ctx.config.auth.email.max_frequency);
  const toNew = issue(ctx, newEmail, pkce);
  const secure = ctx.config.auth.email.double_confirm_changes && !!user.email;
  const toCurrent = secure ? issue(ctx, user.email!, pkce) : undefined;
  await tx.run(sql.setEmailChange(user.id, newEmail, toNew.hash, toCurrent?.hash ?? ''));
  await tx.run(sql.upsertOneTimeToken(user.id, 'email_change_token_new', toNew.hash, newEmail));
  if (toCurrent) await tx.run(sql.upsertOneTimeToken(user.id, 'email_change_token_current', toCurrent.hash, user.email!));
  const change = { kind: 'email_change', user, newEmail, redirectTo } as const;
  await enqueueAuthEmail(ctx, tx, { ...change, to: newEmail, ...toNew });
  if (toCurrent) await enqueueAuthEmail(ctx, tx, { ...change, to: user.email!, ...toCurrent });
}

/** For admin generate_link: the same bookkeeping, no e-mail; returns the code and its hash. */
export async function prepareLink(ctx: AuthContext, tx: Db, user: UserRow, type: 'signup' | 'invite' | 'magiclink' | 'recovery'): Promise<Issued> {
  const email = user.email ?? '';
  const code = issue(ctx, email);
  if (type === 'signup' || type === 'invite') {
    await tx.run(sql.setConfirmationToken(user.id, code.hash));
    await tx.run(sql.upsertOneTimeToken(user.id, 'confirmation_token', code.hash, email));
  } else {
    await tx.run(sql.setRecoveryToken(user.id, code.hash));
    await tx.run(sql.upsertOneTimeToken(user.id, 'recovery_token', code.hash, email));
  }
  return code;
}
