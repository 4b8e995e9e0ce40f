// Every statement the mail module runs, on public.email_deliveries (migration 20261122040100_mail.sql).
import type { Statement } from '../sql.ts';

/** Records the attempt (creating the row on the first) and locks the row until the transaction ends. */
export const claimDelivery = (key: string, recipient: string, template: string, locale: string): Statement => ({
  text: `insert into public.email_deliveries as d (dedupe_key, recipient, template, locale, attempts)
         values ($1, $2, $3, $4, 1)
         on conflict (dedupe_key) do update set attempts = d.attempts + 1
         returning d.status, d.attempts`,
  values: [key, recipient, template, locale],
});

export const markSent = (key: string, transport: string, providerMessageId: string | null): Statement => ({
  text: `update public.email_deliveries
         set status = 'sent', sent_at = now(), transport = $2, provider_message_id = $3, last_error = null
         where dedupe_key = $1`,
  values: [key, transport, providerMessageId],
});

/** After a failed send (whose claim rolled back): counts the attempt and keeps the error. */
export const recordFailure = (key: string, recipient: string, template: string, locale: string, transport: string, error: string): Statement => ({
  text: `insert into public.email_deliveries as d (dedupe_key, recipient, template, locale, attempts, transport, last_error)
         values ($1, $2, $3, $4, 1, $5, $6)
         on conflict (dedupe_key) do update set attempts = d.attempts + 1, transport = $5, last_error = $6
         where d.status = 'sending'`,
  values: [key, recipient, template, locale, transport, error.slice(0, 2000)],
});

export const pruneDeliveries = (olderThanDays: number): Statement => ({
  text: `delete from public.email_deliveries where status = 'sent' and sent_at < now() - $1 * interval '1 day'`,
  values: [olderThanDays],
});
