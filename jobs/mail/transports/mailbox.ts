// The local default: the development mailbox (supabase/local/mailbox/, http://127.0.0.1:54324),
// which stores each message once per dedupe key.
import { messageId, type Transport } from './types.ts';

export function mailboxTransport(baseUrl: string): Transport {
  const endpoint = `${baseUrl.replace(/\/+$/, '')}/api/v1/messages`;
  return {
    name: 'mailbox',
    async send(email) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: email.dedupeKey,
          messageId: messageId(email, email.from),
          from: email.from,
          to: [email.to],
          subject: email.subject,
          html: email.html,
          text: email.text,
        }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = await response.text();
      if (!response.ok) throw new Error(`mailbox at ${baseUrl} answered ${response.status}: ${body.slice(0, 300)}`);
      return { providerMessageId: (JSON.parse(body) as { id: string }).id };
    },
  };
}
