import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { MailSender } from '../../platform/mail/mail-transport.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue-message.ts';
import type { OutboxHandler } from '../../platform/outbox/deliver-outbox.ts';

/** A notification's e-mail as queued: `{link}` in the text becomes the portal's address of `linkPath` when sent. */
export interface NotificationEmail {
  to: string;
  subject: string;
  text: string;
  linkPath: string;
}

/**
 * Queues a notification's e-mail in the caller's transaction (ARCHITECTURE principle 5). The portal's public
 * address is the worker's setting, not the request's, so the link is made absolute when the message is sent.
 */
export async function enqueueNotificationEmail(trx: Transaction<Database> | Kysely<Database>, input: NotificationEmail & { idempotencyKey: string; now: Date }): Promise<boolean> {
  const payload: NotificationEmail = { to: input.to, subject: input.subject, text: input.text, linkPath: input.linkPath };
  return enqueueMessage(trx, { topic: 'notificationEmail', payload, idempotencyKey: input.idempotencyKey, now: input.now });
}

/** The outbox handler of `notificationEmail`: finishes the link and sends through the mail channel. */
export function notificationEmailHandler(options: { mail: MailSender; publicUrl: string }): OutboxHandler {
  return async (payload) => {
    const p = payload as Partial<NotificationEmail> | null;
    if (typeof p?.to !== 'string' || typeof p.subject !== 'string' || typeof p.text !== 'string' || typeof p.linkPath !== 'string' || !p.linkPath.startsWith('/')) {
      throw new Error('malformed notification e-mail payload');
    }
    await options.mail.send({ to: p.to, subject: p.subject, text: p.text.replaceAll('{link}', `${options.publicUrl}${p.linkPath}`) });
  };
}
