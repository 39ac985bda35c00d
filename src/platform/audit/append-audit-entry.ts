import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import { auditEntryHash, type AuditContent } from './entry-hash.ts';

export interface AuditEvent {
  actorId?: string | null;
  /** Who, in words: an account's name, `system`, `cli:import`, or the attempted login for a failure. */
  actorLabel: string;
  ip?: string | null;
  userAgent?: string | null;
  /** Stable dotted name, e.g. `identity.signIn.failed`, `identity.role.granted`. */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry to the audit trail inside the caller's transaction (so the entry and the change it
 * records commit together). The chain head row is locked first: concurrent writers queue instead of forking.
 */
export async function appendAuditEntry(trx: Transaction<Database>, now: Date, event: AuditEvent): Promise<void> {
  const head = await trx.selectFrom('audit_chain_head').select('hash').where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  const content: AuditContent = {
    at: now.toISOString(), actorId: event.actorId ?? null, actorLabel: event.actorLabel, ip: event.ip ?? null,
    userAgent: event.userAgent ?? null, action: event.action, targetType: event.targetType ?? null, targetId: event.targetId ?? null,
    before: event.before ?? null, after: event.after ?? null,
  };
  const hash = auditEntryHash(head.hash, content);
  await trx.insertInto('audit_entry').values({
    at: now, actor_id: content.actorId, actor_label: content.actorLabel, ip: content.ip, user_agent: content.userAgent,
    action: content.action, target_type: content.targetType, target_id: content.targetId,
    before: content.before === null ? null : JSON.stringify(content.before), after: content.after === null ? null : JSON.stringify(content.after),
    prev_hash: head.hash, hash,
  }).execute();
  await trx.updateTable('audit_chain_head').set({ hash }).where('id', '=', 1).execute();
}

/** For callers outside a transaction (a failed sign-in changes nothing else): one transaction of its own. */
export async function recordAuditEntry(db: Kysely<Database>, now: Date, event: AuditEvent): Promise<void> {
  await db.transaction().execute((trx) => appendAuditEntry(trx, now, event));
}

