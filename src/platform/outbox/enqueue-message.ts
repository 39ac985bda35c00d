import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import { insertOutboxMessage } from './repository.ts';

/** Every topic; modules other than notifications add theirs (payments: refunds sent to the gateway, issue 5 §2). */
export type OutboxTopic = 'email' | 'sms' | 'paymentRefund';

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
