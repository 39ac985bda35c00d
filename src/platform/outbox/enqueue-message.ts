import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import { insertOutboxMessage } from './repository.ts';

/**
 * `notificationEmail`, `notificationSms`: a notification's e-mail or SMS, finished (its link made absolute) by the worker; `dossierNotice`:
 * store the PDF of a notice a dossier action issued (issue 4 §5); `paymentRefund`: a refund sent to the payment
 * gateway (issue 5 §2); `postalOrder`: an order placed with or cancelled at the postal operator (issue 5 §4).
 */
export type OutboxTopic = 'email' | 'sms' | 'notificationEmail' | 'notificationSms' | 'dossierNotice' | 'paymentRefund' | 'postalOrder';

/**
 * Records a message to deliver once the caller's transaction commits (ARCHITECTURE principle 5). Nothing is sent
 * from inside a request: a rolled-back change sends nothing, and the same idempotency key is only ever kept once.
 * Returns false when a message with that key already exists.
 */
export async function enqueueMessage(trx: Transaction<Database> | Kysely<Database>, input: {
  topic: OutboxTopic; payload: unknown; idempotencyKey: string; now?: Date | undefined;
}): Promise<boolean> {
  return insertOutboxMessage(trx, { topic: input.topic, payload: input.payload, idempotencyKey: input.idempotencyKey, now: input.now });
}
