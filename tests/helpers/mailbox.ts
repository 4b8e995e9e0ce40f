// Reading the test stack's mailbox (COMPTOIR_MAILBOX_URL) through its JSON API, where the stack's
// jobs worker delivers every `send-email` job, and the jobs that carry e-mail to an address.
import { sql } from './env.ts';

export const MAILBOX_URL = process.env.COMPTOIR_MAILBOX_URL!;

export interface MailSummary {
  id: string;
  subject: string;
  from: string;
  to: string[];
  receivedAt: string;
  snippet: string;
}

export interface Mail extends Omit<MailSummary, 'snippet'> {
  html: string;
  text: string;
  /** Every http(s) link of the HTML, in order. */
  links: string[];
}

/** The messages to `to` now, newest first. */
export async function inbox(to: string): Promise<MailSummary[]> {
  const response = await fetch(`${MAILBOX_URL}/api/v1/messages?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`mailbox answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as MailSummary[];
}

export async function readMail(id: string): Promise<Mail> {
  const response = await fetch(`${MAILBOX_URL}/api/v1/messages/${encodeURIComponent(id)}`);
  if (!response.ok) throw new Error(`mailbox answered ${response.status} for message ${id}`);
  return (await response.json()) as Mail;
}

/** Waits until at least `count` messages to `to` have arrived (at most `timeoutMs`); answers them, oldest first. */
export async function mailsTo(to: string, count = 1, timeoutMs = 10_000): Promise<Mail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = await inbox(to);
    if (list.length >= count) return Promise.all(list.reverse().map((m) => readMail(m.id)));
    if (Date.now() > deadline) throw new Error(`${list.length} e-mail(s) to ${to} after ${timeoutMs} ms, expected ${count} (TEST_STACK_LOG=1 shows the worker's log)`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The newest message to `to`, once at least `count` have arrived. */
export async function lastMailTo(to: string, count = 1): Promise<Mail> {
  return (await mailsTo(to, count)).at(-1)!;
}

/** `send-email` jobs addressed to `to`: Auth enqueues them in its transaction, so this is exact at once. */
export async function emailJobsTo(to: string): Promise<Array<{ template: string; locale: string; state: string }>> {
  return sql(
    `select data ->> 'template' as template, data ->> 'locale' as locale, state::text from pgboss.job
     where name = 'send-email' and data ->> 'to' = $1 order by created_on`,
    [to],
  );
}
