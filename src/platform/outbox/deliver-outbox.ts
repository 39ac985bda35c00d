import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { claimDueOutboxMessages, markOutboxMessageFailed, markOutboxMessageSent } from './repository.ts';
import type { OutboxTopic } from './enqueue-message.ts';

/** What a handler knows of the message besides its payload: the key a remote system can deduplicate on. */
export interface OutboxDeliveryMeta { idempotencyKey: string }

/** Sends one message of a topic; throwing means "try again later". */
export type OutboxHandler = (payload: unknown, meta: OutboxDeliveryMeta) => Promise<void>;
/** E-mail and SMS always; the modules' own topics when their handlers are installed (a missing one is retried, then dead). */
export type OutboxHandlers = Record<'email' | 'sms', OutboxHandler> & Partial<Record<OutboxTopic, OutboxHandler>>;

export interface DeliveryPolicy {
  /** After this many failed attempts a message is dead (kept, with its last error, for an operator). */
  maxAttempts: number;
  /** First retry delay; each further retry waits twice as long, up to `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** How long a claimed message is reserved for the worker that took it; after a crash it becomes due again. */
  leaseMs: number;
  batchSize: number;
}

export const defaultDeliveryPolicy: DeliveryPolicy = { maxAttempts: 8, baseBackoffMs: 30_000, maxBackoffMs: 3_600_000, leaseMs: 300_000, batchSize: 20 };

export function retryDelayMs(attempts: number, policy: DeliveryPolicy): number {
  return Math.min(policy.baseBackoffMs * 2 ** (attempts - 1), policy.maxBackoffMs);
}

/**
 * Delivers the messages that are due. They are claimed in a short transaction of their own and sent outside
 * it: a slow mail server never holds a database connection or lock (the embedded engine has only one), and
 * several workers never take the same message. Delivery is at least once: a worker dying between sending and
 * recording leaves the message to be sent again once its lease runs out.
 */
export async function deliverOutbox(db: Kysely<Database>, handlers: OutboxHandlers, now: Date, policy: DeliveryPolicy = defaultDeliveryPolicy): Promise<{ sent: number; retried: number; dead: number }> {
  const claimed = await db.transaction().execute((trx) => claimDueOutboxMessages(trx, now, policy.batchSize, new Date(now.getTime() + policy.leaseMs)));
  const result = { sent: 0, retried: 0, dead: 0 };
  for (const message of claimed) {
    const handler = handlers[message.topic as OutboxTopic];
    try {
      if (!handler) throw new Error(`no handler for outbox topic "${message.topic}"`);
      await handler(message.payload, { idempotencyKey: message.idempotency_key });
      await markOutboxMessageSent(db, message.id, now);
      result.sent++;
    } catch (error) {
      const dead = message.attempts >= policy.maxAttempts;
      await markOutboxMessageFailed(db, message.id, {
        error: error instanceof Error ? error.message : String(error),
        nextAttemptAt: dead ? null : new Date(now.getTime() + retryDelayMs(message.attempts, policy)),
      });
      if (dead) result.dead++;
      else result.retried++;
    }
  }
  return result;
}
