// Picks the transport from the environment (documented in .env.example):
// MAIL_TRANSPORT=smtp|api|mailbox, or by what is configured: SMTP_HOST → SMTP, MAIL_API_KEY → API,
// otherwise the local mailbox at COMPTOIR_MAILBOX_URL (default http://127.0.0.1:54324).
import { httpApiTransport } from './http-api.ts';
import { mailboxTransport } from './mailbox.ts';
import { smtpTransport } from './smtp.ts';
import type { Transport } from './types.ts';

export const DEFAULT_FROM = 'Comptoir <no-reply@comptoir.local>';

export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): Transport {
  const kind = env.MAIL_TRANSPORT || (env.SMTP_HOST ? 'smtp' : env.MAIL_API_KEY ? 'api' : 'mailbox');
  switch (kind) {
    case 'smtp':
      if (!env.SMTP_HOST) throw new Error('MAIL_TRANSPORT=smtp needs SMTP_HOST');
      return smtpTransport({
        host: env.SMTP_HOST,
        port: Number(env.SMTP_PORT || 587),
        secure: env.SMTP_SECURE === 'true' || env.SMTP_PORT === '465',
        user: env.SMTP_USER || undefined,
        pass: env.SMTP_PASS || undefined,
      });
    case 'api':
      if (!env.MAIL_API_KEY) throw new Error('MAIL_TRANSPORT=api needs MAIL_API_KEY');
      return httpApiTransport({ baseUrl: env.MAIL_API_URL || 'https://api.resend.com', apiKey: env.MAIL_API_KEY });
    case 'mailbox':
      return mailboxTransport(env.COMPTOIR_MAILBOX_URL || 'http://127.0.0.1:54324');
    default:
      throw new Error(`MAIL_TRANSPORT must be smtp, api or mailbox (got "${kind}")`);
  }
}

export function senderFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.SMTP_FROM || env.MAIL_FROM || DEFAULT_FROM;
}
