import nodemailer from 'nodemailer';
import type { EmailMessage } from './enqueue-email.ts';

export interface MailSender {
  send(message: EmailMessage): Promise<void>;
  /** Where mail goes, for the start-up banner. */
  description: string;
}

interface Logger { info(obj: object, msg?: string): void }

/**
 * Sends through the SMTP server of SMTP_URL (smtp://user:pass@host:587, smtps://… for implicit TLS). Without
 * it (never in production) each message is written whole to the log, links included, so a demo user can
 * follow them. Messages are UTF-8, so Vietnamese subjects and bodies arrive with their diacritics.
 */
export function createMailSender(options: { smtpUrl: string | undefined; from: string; log: Logger }): MailSender {
  if (!options.smtpUrl) {
    return {
      description: 'written to the log (no SMTP_URL)',
      async send(message) {
        options.log.info({ email: message }, `E-mail to ${message.to} (not sent: no SMTP_URL): ${message.subject}\n${message.text}`);
      },
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  const host = new URL(options.smtpUrl).host;
  return {
    description: `SMTP ${host}`,
    async send(message) {
      await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text, ...(message.html ? { html: message.html } : {}), textEncoding: 'base64' });
    },
  };
}

export function isEmailMessage(payload: unknown): payload is EmailMessage {
  const p = payload as Partial<EmailMessage> | null;
  return typeof p?.to === 'string' && typeof p.subject === 'string' && typeof p.text === 'string';
}
