import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { grantOfficerRole, insertAccount, revokeOfficerRole, setAccountStatus } from './repository.ts';
import { resolveSession } from './resolve-session.ts';
import type { SessionPolicy } from './session-policy.ts';
import { startSession } from './start-session.ts';

let database: TestDatabase;
const policy: SessionPolicy = { idleMinutes: { person: 30, officer: 15 }, absoluteHours: { person: 12, officer: 10 } };
const t0 = new Date('2026-11-02T08:00:00+07:00');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

before(async () => { database = await createTestDatabase(); });
after(async () => { await database?.close(); });

async function signIn(accountId: string, officer: boolean, mfaVerified = true, now = t0) {
  return database.db.transaction().execute((trx) => startSession(trx, { accountId, officer, mfaVerified, ip: '127.0.0.1', userAgent: 'test', now, policy }));
}

describe('sessions (issue 3 §3)', () => {
  it('resolves a citizen session to the person, until it has been idle too long', async () => {
    const id = await insertAccount(database.db, { kind: 'citizen', displayName: 'Nguyễn Văn An', email: 'an@example.vn' });
    const { token } = await signIn(id, false);
    const active = await resolveSession(database.db, token, at(29), policy);
    assert.deepEqual(active?.actor, { kind: 'person', accountId: id, accountKind: 'citizen', name: 'Nguyễn Văn An' });
    // Activity at minute 29 moved the idle window: still alive at 29 + 29.
    assert.ok(await resolveSession(database.db, token, at(58), policy));
    assert.equal(await resolveSession(database.db, token, at(58 + 31), policy), null);
    assert.equal(await resolveSession(database.db, token, at(58 + 1), policy), null, 'an expired session stays revoked');
  });

  it('ends every session at the absolute timeout, however active', async () => {
    const id = await insertAccount(database.db, { kind: 'business', displayName: 'Công ty TNHH Hòa Bình Xanh' });
    const { token } = await signIn(id, false);
    for (let m = 20; m < 12 * 60; m += 20) assert.ok(await resolveSession(database.db, token, at(m), policy), `alive at ${m} min`);
    assert.equal(await resolveSession(database.db, token, at(12 * 60), policy), null);
  });

  it('gives officers shorter idle sessions', async () => {
    const id = await insertAccount(database.db, { kind: 'officer', displayName: 'Lê Thị Cúc' });
    const { token } = await signIn(id, true);
    assert.equal(await resolveSession(database.db, token, at(16), policy), null);
  });

  it('takes a deactivated account off its live sessions at once', async () => {
    const id = await insertAccount(database.db, { kind: 'citizen', displayName: 'Trần Thị Bình' });
    const { token } = await signIn(id, false);
    assert.ok(await resolveSession(database.db, token, at(1), policy));
    await setAccountStatus(database.db, id, 'disabled', at(2));
    assert.equal(await resolveSession(database.db, token, at(3), policy), null);
  });

  it('expands an officer grant to the agency subtree and follows a revoked role on the next request', async () => {
    const id = await insertAccount(database.db, { kind: 'officer', displayName: 'Phạm Văn Dũng' });
    await grantOfficerRole(database.db, id, '000.00.00.H99', 'reception');
    const { token } = await signIn(id, true);
    const resolved = await resolveSession(database.db, token, at(1), policy);
    assert.equal(resolved?.actor.kind, 'officer');
    const grants = resolved?.actor.kind === 'officer' ? resolved.actor.grants : [];
    const receive = grants.find((g) => g.permission === 'dossier.receive');
    const commune = await database.db.selectFrom('agency').select('id').where('kind', '=', 'commune').executeTakeFirstOrThrow();
    assert.ok(receive?.agencyIds.has(commune.id), 'a commune is inside the province subtree');
    assert.equal(grants.some((g) => g.permission === 'officer.manage'), false);
    await revokeOfficerRole(database.db, id, '000.00.00.H99', 'reception');
    const after = await resolveSession(database.db, token, at(2), policy);
    assert.deepEqual(after?.actor.kind === 'officer' ? after.actor.grants : null, []);
  });

  it('rotates the token when a session is restarted (sign-in, MFA step-up)', async () => {
    const id = await insertAccount(database.db, { kind: 'officer', displayName: 'Hoàng Văn Em' });
    const first = await signIn(id, true, false);
    assert.equal((await resolveSession(database.db, first.token, at(1), policy))?.mfaVerified, false);
    const second = await database.db.transaction().execute((trx) => startSession(trx, { accountId: id, officer: true, mfaVerified: true, previousToken: first.token, ip: null, userAgent: null, now: at(1), policy }));
    assert.equal(await resolveSession(database.db, first.token, at(2), policy), null);
    assert.equal((await resolveSession(database.db, second.token, at(2), policy))?.mfaVerified, true);
  });
});
