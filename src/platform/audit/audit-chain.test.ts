import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { appendAuditEntry, recordAuditEntry } from './append-audit-entry.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

let database: TestDatabase;
const now = new Date('2026-11-02T08:00:00+07:00');

before(async () => { database = await createTestDatabase({ seed: false }); });
after(async () => { await database?.close(); });

const tamper = async (statement: ReturnType<typeof sql>) => {
  // What an intruder with database rights would do: switch the guard off, change the row, switch it on.
  await sql`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`.execute(database.db);
  await statement.execute(database.db);
  await sql`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`.execute(database.db);
};

describe('audit trail (hash-chained, append-only)', () => {
  it('chains entries written concurrently into one verifiable chain', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => recordAuditEntry(database.db, now, {
      actorLabel: 'Nguyễn Văn An', action: 'identity.signIn.succeeded', ip: '127.0.0.1', targetType: 'account', targetId: String(i), after: { lần: i, ghiChú: 'đăng nhập' },
    })));
    await database.db.transaction().execute((trx) => appendAuditEntry(trx, now, { actorLabel: 'system', action: 'identity.role.granted', before: null, after: { role: 'reception' } }));
    assert.deepEqual(await verifyAuditChain(database.db, 5), { ok: true, entries: 13 });
  });

  it('refuses updates and deletes through the application role', async () => {
    await assert.rejects(sql`UPDATE audit_entry SET action = 'x' WHERE id = 1`.execute(database.db), /append-only/);
    await assert.rejects(sql`DELETE FROM audit_entry WHERE id = 1`.execute(database.db), /append-only/);
  });

  it('detects a modified row', async () => {
    await tamper(sql`UPDATE audit_entry SET actor_label = 'Người khác' WHERE id = 4`);
    const verdict = await verifyAuditChain(database.db);
    assert.equal(verdict.ok, false);
    assert.deepEqual(verdict.ok ? null : [verdict.brokenAt, verdict.reason], [4, 'hashMismatch']);
  });

  it('detects a removed row and a removed tail', async () => {
    const fresh = await createTestDatabase({ seed: false });
    try {
      for (let i = 0; i < 5; i++) await recordAuditEntry(fresh.db, now, { actorLabel: 'system', action: 'test.event', targetId: String(i) });
      await sql`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`.execute(fresh.db);
      await sql`DELETE FROM audit_entry WHERE id = 5`.execute(fresh.db);
      const tail = await verifyAuditChain(fresh.db);
      assert.deepEqual(tail.ok ? null : tail.reason, 'headMismatch');
      await sql`DELETE FROM audit_entry WHERE id = 2`.execute(fresh.db);
      const gap = await verifyAuditChain(fresh.db);
      assert.deepEqual(gap.ok ? null : [gap.brokenAt, gap.reason], [3, 'linkMismatch']);
    } finally {
      await fresh.close();
    }
  });
});
