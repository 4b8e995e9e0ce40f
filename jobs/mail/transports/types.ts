// What every transport receives and returns.
export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Stable across retries of one e-mail: used as Message-ID and as the provider's idempotency key. */
  dedupeKey: string;
}

export interface Transport {
  name: 'smtp' | 'api' | 'mailbox';
  /** Resolves once the far side accepted the message; rejects (so the job retries) otherwise. */
  send(email: OutgoingEmail): Promise<{ providerMessageId?: string }>;
  close?(): void;
}

export function messageId(email: OutgoingEmail, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'comptoir.local';
  return `<${email.dedupeKey.replace(/[^A-Za-z0-9._-]/g, '-')}@${domain}>`;
}
