import { createMailSender, isEmailMessage, type MailSender } from '../mail/mail-transport.ts';
import type { OutboxHandlers } from './deliver-outbox.ts';
import { brandnameSmsGateway, type BrandnameGatewaySettings } from '../sms/brandname-sms-gateway.ts';
import { logSmsSender, unavailableSmsSender, type SmsMessage, type SmsSender } from './sms-sender.ts';

/** Every outbox topic and the channel that delivers it; modules add the handlers of their own topics. */
export function createOutboxHandlers(channels: { mail: MailSender; sms: SmsSender }, moduleHandlers: Partial<OutboxHandlers> = {}): OutboxHandlers {
  return {
    ...moduleHandlers,
    email: async (payload) => {
      if (!isEmailMessage(payload)) throw new Error('malformed e-mail payload');
      await channels.mail.send(payload);
    },
    sms: async (payload, meta) => {
      const p = payload as Partial<SmsMessage> | null;
      if (typeof p?.to !== 'string' || typeof p.text !== 'string') throw new Error('malformed SMS payload');
      await channels.sms.send({ to: p.to, text: p.text }, { idempotencyKey: meta.idempotencyKey });
    },
  };
}

interface Logger { info(obj: object, msg?: string): void }

/** The default sender: the portal's name at no-reply@ the portal's own host. */
export function defaultMailFrom(portalName: string, publicUrl: string): string {
  return `"${portalName}" <no-reply@${new URL(publicUrl).hostname}>`;
}

/**
 * Channels from the settings: SMTP (or the log without SMTP_URL, never in production); for SMS the brandname
 * gateway when one is configured, else a stand-in that writes to the log outside production and withholds the
 * message in production.
 */
export function createOutboxChannels(settings: {
  smtpUrl: string | undefined; mailFrom: string | undefined; publicUrl: string; portalName: string; production: boolean; smsGateway?: BrandnameGatewaySettings | undefined;
}, log: Logger) {
  const mail = createMailSender({ smtpUrl: settings.smtpUrl, from: settings.mailFrom ?? defaultMailFrom(settings.portalName, settings.publicUrl), log });
  if (settings.smsGateway) {
    const gateway = brandnameSmsGateway(settings.smsGateway);
    return { mail, sms: gateway, smsDescription: gateway.description };
  }
  return { mail, sms: settings.production ? unavailableSmsSender() : logSmsSender(log), smsDescription: undefined };
}
