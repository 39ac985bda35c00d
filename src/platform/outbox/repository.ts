import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';

// SQL for the outbox table only; retry and dead-letter rules live in deliver-outbox.ts.
type Db = Kysely<Database> | Transaction<Database>;

/** Inserts a message unless one with the same idempotency key exists; true when a row was written. */
export async function insertOutboxMessage(db: Db, m: { topic: string; payload: unknown; idempotencyKey: string; now: Date | undefined }): Promise<boolean> {
  const at = m.now ?? sql<Date>`now()`;
  const result = await db.insertInto('outbox_message')
    .values({ topic: m.topic, payload: JSON.stringify(m.payload), idempotency_key: m.idempotencyKey, next_attempt_at: at, created_at: at, last_error: null, sent_at: null })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Claims up to `limit` due messages: counts the attempt and pushes their due time to the end of the lease.
 * SKIP LOCKED lets several workers claim at once, each taking rows no other is claiming.
 */
export async function claimDueOutboxMessages(trx: Transaction<Database>, now: Date, limit: number, leaseUntil: Date) {
  const due = await trx.selectFrom('outbox_message').select('id')
    .where('status', '=', 'pending').where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at').orderBy('id').limit(limit)
    .forUpdate().skipLocked().execute();
  if (!due.length) return [];
  return trx.updateTable('outbox_message').set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
    .where('id', 'in', due.map((r) => r.id))
    .returning(['id', 'topic', 'payload', 'attempts', 'idempotency_key']).execute();
}

export async function markOutboxMessageSent(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('outbox_message').set({ status: 'sent', sent_at: now, last_error: null }).where('id', '=', id).execute();
}

export async function markOutboxMessageFailed(db: Db, id: number, f: { error: string; nextAttemptAt: Date | null }): Promise<void> {
  await db.updateTable('outbox_message')
    .set({ last_error: f.error.slice(0, 2000), ...(f.nextAttemptAt ? { next_attempt_at: f.nextAttemptAt } : { status: 'dead' }) })
    .where('id', '=', id).execute();
}

export async function findOutboxMessageByKey(db: Db, idempotencyKey: string) {
  return db.selectFrom('outbox_message').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
}

/** Removes the pending messages of these topics (the demo seed's history is not announced); returns how many. */
export async function deletePendingOutboxMessages(db: Db, topics: readonly string[]): Promise<number> {
  const result = await db.deleteFrom('outbox_message').where('status', '=', 'pending').where('topic', 'in', [...topics]).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export type OutboxFailureState = 'dead' | 'retrying';

/** The failures (migration 0022's partial index): dead, or pending after at least one failed attempt. */
function failed(db: Db, state?: OutboxFailureState) {
  return db.selectFrom('outbox_message')
    .where((eb) => (state === 'dead' ? eb('status', '=', 'dead')
      : state === 'retrying' ? eb.and([eb('status', '=', 'pending'), eb('attempts', '>', 0)])
        : eb.or([eb('status', '=', 'dead'), eb.and([eb('status', '=', 'pending'), eb('attempts', '>', 0)])])));
}

/** The topics that have failures, for the page's filter. */
export async function listFailedOutboxTopics(db: Db): Promise<string[]> {
  return (await failed(db).select('topic').distinct().orderBy('topic').execute()).map((r) => r.topic);
}

/** Dead messages, and pending ones that failed at least once (being retried); never the payload, only its `to`. */
export async function listFailedOutboxMessages(db: Db, filter: { topic?: string | undefined; state?: OutboxFailureState | undefined; limit: number; offset: number }) {
  let query = failed(db, filter.state);
  if (filter.topic) query = query.where('topic', '=', filter.topic);
  const [rows, total] = await Promise.all([
    query.select(['id', 'topic', 'status', 'attempts', 'last_error', 'next_attempt_at', 'created_at', sql<string | null>`payload->>'to'`.as('recipient')])
      .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => ({ ...r, id: Number(r.id) })), total: Number(total.n) };
}

/** Locks one message for a change by an operator. */
export async function lockOutboxMessage(trx: Transaction<Database>, id: number) {
  return trx.selectFrom('outbox_message').select(['id', 'topic', 'status', 'attempts', 'last_error']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** A dead message starts over: pending, due now, no attempt counted, its old error cleared. */
export async function restartOutboxMessage(trx: Transaction<Database>, id: number, now: Date): Promise<void> {
  await trx.updateTable('outbox_message').set({ status: 'pending', attempts: 0, next_attempt_at: now, last_error: null }).where('id', '=', id).execute();
}
