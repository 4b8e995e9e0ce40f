// An e-mail API over HTTP, in Resend's shape (POST {MAIL_API_URL}/emails, Bearer MAIL_API_KEY,
// Idempotency-Key header so that a retried send is delivered once). MAIL_API_URL defaults to
// https://api.resend.com; point it at any compatible provider or a local fake.
import { messageId, type Transport } from './types.ts';

export interface ApiSettings {
  baseUrl: string;
  apiKey: string;
}

export function httpApiTransport(settings: ApiSettings): Transport {
  const endpoint = `${settings.baseUrl.replace(/\/+$/, '')}/emails`;
  return {
    name: 'api',
    async send(email) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${settings.apiKey}`,
          'content-type': 'application/json',
          'idempotency-key': email.dedupeKey,
        },
        body: JSON.stringify({
          from: email.from,
          to: [email.to],
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: { 'Message-ID': messageId(email, email.from) },
        }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = await response.text();
      if (!response.ok) throw new Error(`e-mail API answered ${response.status}: ${body.slice(0, 500)}`);
      const id = (JSON.parse(body || '{}') as { id?: unknown }).id;
      return { providerMessageId: typeof id === 'string' ? id : undefined };
    },
  };
}
