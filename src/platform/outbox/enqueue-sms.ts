import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import { enqueueMessage } from './enqueue-message.ts';
import type { SmsMessage } from './sms-sender.ts';

/** Queues an SMS in the caller's transaction; the outbox worker hands it to the SMS gateway. */
export async function enqueueSms(trx: Transaction<Database> | Kysely<Database>, input: SmsMessage & { idempotencyKey: string; now?: Date | undefined }): Promise<boolean> {
  return enqueueMessage(trx, { topic: 'sms', payload: { to: input.to, text: input.text } satisfies SmsMessage, idempotencyKey: input.idempotencyKey, now: input.now });
}
