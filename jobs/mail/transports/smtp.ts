// SMTP through nodemailer (SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS; SMTP_SECURE=true for TLS
// from the first byte, otherwise STARTTLS when the server offers it).
import nodemailer from 'nodemailer';
import { messageId, type Transport } from './types.ts';

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
}

export function smtpTransport(settings: SmtpSettings): Transport {
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.pass ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    name: 'smtp',
    async send(email) {
      const info = await transporter.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: messageId(email, email.from),
      });
      return { providerMessageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}
