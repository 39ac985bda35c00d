import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { auditEntryHash } from './entry-hash.ts';

export type ChainVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: 'hashMismatch' | 'linkMismatch' | 'headMismatch' };

const genesis = '0'.repeat(64);

/**
 * `opendvc audit verify`: recomputes every hash in id order. A changed row breaks its own hash, a removed row
 * breaks the next link, and a removed tail no longer matches the chain head.
 */
export async function verifyAuditChain(db: Kysely<Database>, batchSize = 1000): Promise<ChainVerdict> {
  let prev = genesis;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_entry').selectAll().where('id', '>', lastId).orderBy('id').limit(batchSize).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      count++;
      if (row.prev_hash !== prev) return { ok: false, entries: count, brokenAt: row.id, reason: 'linkMismatch' };
      const expected = auditEntryHash(prev, {
        at: new Date(row.at).toISOString(), actorId: row.actor_id, actorLabel: row.actor_label, ip: row.ip, userAgent: row.user_agent,
        action: row.action, targetType: row.target_type, targetId: row.target_id, before: row.before ?? null, after: row.after ?? null,
      });
      if (expected !== row.hash) return { ok: false, entries: count, brokenAt: row.id, reason: 'hashMismatch' };
      prev = row.hash;
      lastId = row.id;
    }
  }
  const head = await db.selectFrom('audit_chain_head').select('hash').where('id', '=', 1).executeTakeFirstOrThrow();
  if (head.hash !== prev) return { ok: false, entries: count, brokenAt: lastId, reason: 'headMismatch' };
  return { ok: true, entries: count };
}
