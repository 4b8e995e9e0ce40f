// The e-mails Auth sends, with GoTrue's default subjects and wording. Each carries the link
// (…/auth/v1/verify?token=<hash>&type=…&redirect_to=…) and the one-time code.
import type { MailMessage } from './mailer.ts';

export type EmailKind = 'signup' | 'magiclink' | 'recovery' | 'invite' | 'email_change';

const CONTENT: Record<EmailKind, { subject: string; title: string; intro: string; action: string }> = {
  signup: { subject: 'Confirm Your Email', title: 'Confirm your email', intro: 'Follow this link to confirm your email:', action: 'Confirm your email address' },
  magiclink: { subject: 'Your Magic Link', title: 'Magic Link', intro: 'Follow this link to login:', action: 'Log In' },
  recovery: { subject: 'Reset Your Password', title: 'Reset Password', intro: 'Follow this link to reset the password for your user:', action: 'Reset Password' },
  invite: { subject: 'You have been invited', title: 'You have been invited', intro: 'You have been invited to create a user. Follow this link to accept the invite:', action: 'Accept the invite' },
  email_change: { subject: 'Confirm Email Change', title: 'Confirm Change of Email', intro: 'Follow this link to confirm the update of your email:', action: 'Change Email' },
};

export function verificationUrl(apiUrl: string, hash: string, type: string, redirectTo: string): string {
  const params = new URLSearchParams({ token: hash, type, redirect_to: redirectTo });
  return `${apiUrl}/auth/v1/verify?${params.toString()}`;
}

export function buildEmail(kind: EmailKind, to: string, link: string, otp: string): MailMessage {
  const c = CONTENT[kind];
  const escaped = link.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return {
    to,
    subject: c.subject,
    text: `${c.title}\n\n${c.intro}\n${link}\n\nAlternatively, enter the code: ${otp}\n`,
    html: `<h2>${c.title}</h2>\n<p>${c.intro}</p>\n<p><a href="${escaped}">${c.action}</a></p>\n<p>Alternatively, enter the code: ${otp}</p>\n`,
  };
}
