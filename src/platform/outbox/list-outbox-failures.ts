import type { Kysely } from 'kysely';
import { authorize } from '../auth/authorize.ts';
import type { Actor } from '../context.ts';
import type { Database } from '../db/tables.ts';
import { maskRecipient } from './mask-recipient.ts';
import { listFailedOutboxMessages, listFailedOutboxTopics, type OutboxFailureState } from './repository.ts';

export const outboxFailuresPageSize = 50;

export interface OutboxFailureQuery { topic?: string | undefined; state?: OutboxFailureState | undefined; page: number }

export interface OutboxFailure {
  id: number;
  topic: string;
  state: OutboxFailureState;
  recipient: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
}

/**
 * The messages that could not go out (issue 5 §3, G-07): dead ones and those being retried, newest first. The
 * payload never leaves the database — it may carry a password link or a verification code — only its recipient,
 * masked.
 */
export async function listOutboxFailures(db: Kysely<Database>, actor: Actor, query: OutboxFailureQuery): Promise<{ rows: OutboxFailure[]; total: number; topics: string[] }> {
  authorize(actor, 'outbox.manage');
  const [found, topics] = await Promise.all([
    listFailedOutboxMessages(db, { topic: query.topic, state: query.state, limit: outboxFailuresPageSize, offset: (query.page - 1) * outboxFailuresPageSize }),
    listFailedOutboxTopics(db),
  ]);
  return {
    total: found.total,
    topics,
    rows: found.rows.map((r) => ({
      id: r.id, topic: r.topic, state: r.status === 'dead' ? 'dead' : 'retrying', recipient: maskRecipient(r.recipient), attempts: r.attempts,
      lastError: r.last_error, nextAttemptAt: r.status === 'dead' ? null : r.next_attempt_at, createdAt: r.created_at,
    })),
  };
}
