// The mail module, for Auth and for jobs: render a template (FR/EN, MJML → HTML + text), and send
// it either through the `send-email` job (retried, never twice — the normal way) or right now.
import type { Queryable } from '../queue.ts';
import type { EnqueueOptions } from '../enqueue.ts';
import { enqueue } from '../registry.ts';
import { renderEmail } from './render.ts';
import type { Locale, TemplateData, TemplateName } from './templates.ts';
import { senderFromEnv, transportFromEnv } from './transports/from-env.ts';
import type { Transport } from './transports/types.ts';

export { renderEmail, type RenderedEmail } from './render.ts';
export { templates, TEMPLATE_NAMES, LOCALES, type Locale, type TemplateName, type TemplateData } from './templates.ts';
export { transportFromEnv } from './transports/from-env.ts';

/**
 * Which template each e-mail of Supabase Auth (GoTrue's kinds, as supabase/local/auth names them)
 * uses. Each carries its one-time code ({{ .Token }}) beside the link, as GoTrue's do, so a
 * sign-in by code is the 'magic-link' e-mail; 'one-time-code' is for e-mails with a code alone.
 */
export const AUTH_TEMPLATES = {
  signup: 'confirmation',
  magiclink: 'magic-link',
  recovery: 'recovery',
  invite: 'invite',
  email_change: 'email-change',
} as const satisfies Record<string, TemplateName>;

export interface EmailToSend<T extends TemplateName> {
  to: string;
  template: T;
  locale: Locale;
  data: TemplateData<T>;
  /** Two e-mails with the same key are delivered once (default: one per job). */
  dedupeKey?: string;
}

/**
 * Enqueues a `send-email` job on `db` — inside the caller's transaction if `db` is a client in one.
 * Rejects, before anything is written, a payload the queue refuses (bad address, unknown template,
 * missing template data), with every problem in the message. Resolves to the job id.
 */
export async function enqueueEmail<T extends TemplateName>(db: Queryable, email: EmailToSend<T>, options?: EnqueueOptions): Promise<string | null> {
  return enqueue(db, 'send-email', email as never, options);
}

/**
 * Renders and sends at once through `transport` (default: from the environment), without a job:
 * no retry, no dedupe record. For callers that cannot wait for a worker (a CLI, a local tool).
 */
export async function sendEmailNow<T extends TemplateName>(email: EmailToSend<T>, transport: Transport = transportFromEnv()): Promise<{ providerMessageId?: string }> {
  const rendered = await renderEmail(email.template, email.locale, email.data);
  return transport.send({ from: senderFromEnv(), to: email.to, dedupeKey: email.dedupeKey ?? crypto.randomUUID(), ...rendered });
}
