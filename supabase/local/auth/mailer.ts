// How Auth sends e-mail. Until the local mailbox exists, the local mailer logs one line and writes
// each message as one JSON file ({to, subject, text, html, sentAt}) into mailDir, where tests and
// people can read the code or the link.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export function createFileMailer(mailDir: string, log: (line: string) => void): Mailer {
  return {
    async send(message) {
      const sentAt = new Date().toISOString();
      await mkdir(mailDir, { recursive: true });
      const file = join(mailDir, `${sentAt.replace(/[:.]/g, '-')}-${randomUUID()}.json`);
      await writeFile(file, JSON.stringify({ ...message, sentAt }, null, 2));
      log(`[auth] mail to ${message.to}: ${message.subject}`);
    },
  };
}
