import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';

// The signal of live updates (issue 5 §3): NOTIFY in a transaction of the app's pool reaches `listen` on commit only,
// on PGlite (through the node-postgres adapter) and on PostgreSQL (a dedicated connection, replaced when lost).
let database: TestDatabase;
before(async () => { database = await createTestDatabase({ seed: false }); });
after(async () => { await database?.close(); });

function collector() {
  const received: string[] = [];
  const waiters: Array<{ payload: string; resolve: () => void }> = [];
  return {
    received,
    onPayload(payload: string) {
      received.push(payload);
      for (const w of waiters.filter((w) => w.payload === payload)) w.resolve();
    },
    arrival(payload: string) {
      return received.includes(payload) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ payload, resolve }));
    },
  };
}
const notify = (payload: string) => sql`select pg_notify('test_events', ${payload})`.execute(database.db);

describe('listening for notifications (DatabaseHandle.listen)', () => {
  it('delivers a notification sent in a pooled transaction when it commits, never one rolled back', async () => {
    const heard = collector();
    const stop = await database.listen('test_events', heard.onPayload);
    try {
      await assert.rejects(database.db.transaction().execute(async (trx) => {
        await sql`select pg_notify('test_events', 'rolled back')`.execute(trx);
        throw new Error('abort');
      }), /abort/);
      await database.db.transaction().execute(async (trx) => {
        await sql`select pg_notify('test_events', 'committed')`.execute(trx);
      });
      await heard.arrival('committed');
      assert.deepEqual(heard.received, ['committed'], 'the rolled-back one, sent first, never came');
    } finally {
      await stop();
    }
    const still = collector();
    const stopStill = await database.listen('test_events', still.onPayload);
    await notify('after stop');
    await still.arrival('after stop');
    await stopStill();
    assert.ok(!heard.received.includes('after stop'), 'a stopped listener hears nothing more');
  });

  it('refuses a channel name that is not a plain identifier', async () => {
    await assert.rejects(database.listen('x; drop table account', () => undefined), /Invalid notification channel/);
  });

  it('with PostgreSQL, listens again after its connection is lost', { skip: !process.env['DATABASE_URL'] }, async () => {
    const heard = collector();
    const stop = await database.listen('test_events', heard.onPayload);
    try {
      const killed = await sql<{ done: boolean }>`select pg_terminate_backend(pid) as done from pg_stat_activity
        where datname = current_database() and query = 'LISTEN test_events' and pid <> pg_backend_pid()`.execute(database.db);
      assert.equal(killed.rows.length, 1, 'the listening connection found and cut');
      // Reconnection takes a second; PostgreSQL keeps no notification for a listener that is away, so ask until heard.
      for (let attempt = 0; attempt < 100 && !heard.received.includes('back'); attempt++) {
        await notify('back');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(heard.received.includes('back'));
    } finally {
      await stop();
    }
  });
});
