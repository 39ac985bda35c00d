import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import { enqueueMessage } from '../outbox/enqueue-message.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
}

/** Queues an e-mail in the caller's transaction; the outbox worker sends it (see deliver-email.ts). */
export async function enqueueEmail(trx: Transaction<Database> | Kysely<Database>, input: EmailMessage & { idempotencyKey: string; now?: Date | undefined }): Promise<boolean> {
  const payload: EmailMessage = { to: input.to, subject: input.subject, text: input.text, ...(input.html ? { html: input.html } : {}) };
  return enqueueMessage(trx, { topic: 'email', payload, idempotencyKey: input.idempotencyKey, now: input.now });
}
