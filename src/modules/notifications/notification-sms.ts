import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue-message.ts';
import type { OutboxHandler } from '../../platform/outbox/deliver-outbox.ts';
import type { SmsSender } from '../../platform/outbox/sms-sender.ts';

/** A notification's SMS as queued: `{link}` in the text becomes the portal's address of `linkPath` when sent. */
export interface NotificationSms {
  to: string;
  text: string;
  linkPath: string;
}

/**
 * Queues a notification's SMS in the caller's transaction (issue 5 §3). Like the e-mail's, its link is finished by
 * the worker from its own setting of the portal's address: the use cases that notify never need the configuration.
 */
export async function enqueueNotificationSms(trx: Transaction<Database> | Kysely<Database>, input: NotificationSms & { idempotencyKey: string; now: Date }): Promise<boolean> {
  const payload: NotificationSms = { to: input.to, text: input.text, linkPath: input.linkPath };
  return enqueueMessage(trx, { topic: 'notificationSms', payload, idempotencyKey: input.idempotencyKey, now: input.now });
}

/** The outbox handler of `notificationSms`: finishes the link and sends through the SMS channel, keyed for the gateway. */
export function notificationSmsHandler(options: { sms: SmsSender; publicUrl: string }): OutboxHandler {
  return async (payload, meta) => {
    const p = payload as Partial<NotificationSms> | null;
    if (typeof p?.to !== 'string' || typeof p.text !== 'string' || typeof p.linkPath !== 'string' || !p.linkPath.startsWith('/')) {
      throw new Error('malformed notification SMS payload');
    }
    await options.sms.send({ to: p.to, text: p.text.replaceAll('{link}', `${options.publicUrl}${p.linkPath}`) }, { idempotencyKey: meta.idempotencyKey });
  };
}
