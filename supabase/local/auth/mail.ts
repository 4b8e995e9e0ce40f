// The e-mails Auth sends, through the mail module (jobs/mail/): each is a `send-email` job enqueued
// in the request's transaction, beside the token it carries, so a request that rolls back sends
// nothing and every code that is sent exists. The jobs worker renders the template and delivers it
// (the local mailbox, SMTP or an e-mail API), retrying a failing transport. Template data carries
// Supabase Auth's variables: ConfirmationURL, Token, TokenHash, SiteURL, Email, NewEmail.
import { AUTH_TEMPLATES, enqueueEmail, LOCALES, type Locale } from '../../../jobs/mail/index.ts';
import { InvalidPayloadError, type Queryable } from '../../../jobs/queue.ts';
import type { AuthContext } from './context.ts';
import type { Db } from './db.ts';
import { badRequest } from './errors.ts';
import { limitEmail } from './rate-limit.ts';
import type { UserRow } from './users.ts';

/** The language of Auth's e-mails when the user's `user_metadata.locale` is not one Comptoir writes in. */
export const DEFAULT_LOCALE: Locale = 'fr';

/** GoTrue's e-mail kinds; each is also the `type` of its verification link. */
export type EmailKind = keyof typeof AUTH_TEMPLATES;

export interface AuthEmail {
  kind: EmailKind;
  to: string;
  /** The account the e-mail is about: its address is {{ .Email }}, its metadata picks the locale. */
  user: UserRow;
  otp: string;
  /** The stored hash, `pkce_`-prefixed in a PKCE flow: {{ .TokenHash }} and the link's token. */
  hash: string;
  redirectTo: string;
  /** For an e-mail change: {{ .NewEmail }}. */
  newEmail?: string;
}

export function verificationUrl(apiUrl: string, hash: string, type: string, redirectTo: string): string {
  const params = new URLSearchParams({ token: hash, type, redirect_to: redirectTo });
  return `${apiUrl}/auth/v1/verify?${params.toString()}`;
}

export function localeOf(user: UserRow): Locale {
  const wanted = user.raw_user_meta_data?.locale;
  return LOCALES.find((locale) => locale === wanted) ?? DEFAULT_LOCALE;
}

/**
 * Counts the e-mail against `[auth.rate_limit] email_sent`, then enqueues it on `tx`. An address
 * the mail module cannot send to is GoTrue's 400 email_address_invalid.
 */
export async function enqueueAuthEmail(ctx: AuthContext, tx: Db, email: AuthEmail): Promise<void> {
  limitEmail(ctx.limits);
  const data = {
    ConfirmationURL: verificationUrl(ctx.apiUrl, email.hash, email.kind, email.redirectTo),
    Token: email.otp,
    TokenHash: email.hash,
    SiteURL: ctx.config.auth.site_url,
    Email: email.user.email ?? '',
    ...(email.newEmail ? { NewEmail: email.newEmail } : {}),
  };
  try {
    await enqueueEmail(queryable(tx), { to: email.to, template: AUTH_TEMPLATES[email.kind], locale: localeOf(email.user), data });
  } catch (error) {
    if (error instanceof InvalidPayloadError && error.issues.some((issue) => issue.path[0] === 'to')) {
      throw badRequest('email_address_invalid', `Email address ${JSON.stringify(email.to)} is invalid`);
    }
    throw error;
  }
}

function queryable(tx: Db): Queryable {
  return { query: async (text, values = []) => ({ rows: await tx.many({ text, values }) }) };
}
