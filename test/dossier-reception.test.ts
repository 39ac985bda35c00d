import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../src/platform/context.ts';
import { AppError } from '../src/platform/http/app-error.ts';
import { resolveSession } from '../src/modules/identity/resolve-session.ts';
import { startSession } from '../src/modules/identity/start-session.ts';
import { grantOfficerRole, insertAccount } from '../src/modules/identity/repository.ts';
import { receiveDossier } from '../src/modules/dossiers/receive-dossier.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

let database: TestDatabase;
let citizen: Actor;
let desk: Actor;
let otherDesk: Actor;
const policy = { idleMinutes: { person: 30, officer: 15 }, absoluteHours: { person: 12, officer: 10 } };
const now = new Date('2026-11-23T09:00:00+07:00');

/** The actor a real session of this account resolves to, as a request would see it. */
async function actorOf(accountId: string, officer: boolean): Promise<Actor> {
  const { token } = await database.db.transaction().execute((trx) => startSession(trx, { accountId, officer, mfaVerified: true, ip: null, userAgent: null, now, policy }));
  return (await resolveSession(database.db, token, now, policy))!.actor;
}

async function officerAt(agencyCode: string, email: string): Promise<Actor> {
  const id = await insertAccount(database.db, { kind: 'officer', displayName: `Cán bộ ${agencyCode}`, email });
  await grantOfficerRole(database.db, id, agencyCode, 'reception');
  return actorOf(id, true);
}

const filing = (key: string) => ({ procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: key });

before(async () => {
  database = await createTestDatabase();
  const account = await database.db.selectFrom('account').select('id').where('email', '=', 'an.nguyen@demo.hoabinhxanh.vn').executeTakeFirstOrThrow();
  citizen = await actorOf(account.id, false);
  desk = await officerAt('000.00.41.H99', 'mot-cua.hoalam@example.vn');
  otherDesk = await officerAt('000.00.42.H99', 'mot-cua.xuanhoa@example.vn');
});
after(async () => { await database?.close(); });

describe('filing and reception (issue 4 §3-4, ST-01, ST-02, CODE-01, CODE-02)', () => {
  it('files one dossier per idempotency key, however often and however concurrently it is sent', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => submitDossier(database.db, citizen, now, 'vi', filing('key-double-click'))));
    assert.equal(new Set(answers.map((a) => a.id)).size, 1);
    assert.equal(answers.filter((a) => a.created).length, 1);
    const again = await submitDossier(database.db, citizen, now, 'vi', filing('key-double-click'));
    assert.equal(again.id, answers[0]!.id);
    const rows = await database.db.selectFrom('dossier').select(['status', 'reference', 'code']).where('idempotency_key', '=', 'key-double-click').execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.status, 1);
    assert.equal(rows[0]!.code, null, 'CODE-02: no dossier code before acceptance');
    assert.match(rows[0]!.reference, /^HS261123-[A-Z2-9]{6}$/);
  });

  it('refuses a case or agency the procedure does not have, per field', async () => {
    await assert.rejects(submitDossier(database.db, citizen, now, 'vi', { ...filing('bad'), caseCode: 'TH9', receivingAgencyCode: '000.00.02.H99' }), (error: AppError) => {
      assert.equal(error.code, 'validationFailed');
      assert.deepEqual(error.fieldErrors.map((e) => e.path).sort(), ['/caseCode', '/receivingAgencyCode']);
      return true;
    });
  });

  it('gives gap-free, unique daily codes under many parallel receptions, and a due date from reception', async () => {
    const filed = await Promise.all(Array.from({ length: 25 }, (_, i) => submitDossier(database.db, citizen, now, 'vi', filing(`parallel-${i}`))));
    const received = await Promise.all(filed.map((d) => receiveDossier(database.db, desk, now, d.id)));
    const codes = received.map((r) => r.code).sort();
    assert.deepEqual(codes, Array.from({ length: 25 }, (_, i) => `000.00.41.H99-261123-${String(i + 1).padStart(4, '0')}`));
    // TH1 of 1.004222: 7 working days from Monday 23/11 09:00; Tuesday 24/11 (Ngày Văn hóa Việt Nam) is not
    // counted, so Thursday 03/12 09:00.
    assert.equal(received[0]!.dueAt?.toISOString(), new Date('2026-12-03T09:00:00+07:00').toISOString());
  });

  it('refuses to receive twice, without spending a number', async () => {
    const { id } = await submitDossier(database.db, citizen, now, 'vi', filing('twice'));
    const first = await receiveDossier(database.db, desk, now, id);
    await assert.rejects(receiveDossier(database.db, desk, now, id), (error: AppError) => error.code === 'transitionNotAllowed');
    const { id: next } = await submitDossier(database.db, citizen, now, 'vi', filing('after-twice'));
    const second = await receiveDossier(database.db, desk, now, next);
    assert.equal(Number(second.code.slice(-4)), Number(first.code.slice(-4)) + 1);
  });

  it('lets only the receiving agency\'s desk receive, and only people file', async () => {
    const { id } = await submitDossier(database.db, citizen, now, 'vi', filing('permissions'));
    await assert.rejects(receiveDossier(database.db, otherDesk, now, id), (error: AppError) => error.code === 'forbidden');
    await assert.rejects(receiveDossier(database.db, citizen, now, id), (error: AppError) => error.code === 'forbidden');
    await assert.rejects(submitDossier(database.db, desk, now, 'vi', filing('officer')), (error: AppError) => error.code === 'forbidden');
  });

  it('seeds the demo with dossiers in every status, one of them overdue', async () => {
    const rows = await database.db.selectFrom('dossier').select(['status', 'due_at']).where('idempotency_key', 'like', 'demo-seed-%').execute();
    assert.deepEqual([...new Set(rows.map((r) => r.status))].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const seededAt = new Date('2026-11-02T08:00:00+07:00');
    assert.ok(rows.some((r) => r.status === 4 && r.due_at !== null && new Date(r.due_at) < seededAt), 'an overdue dossier in processing');
  });

  it('keeps the action log append-only', async () => {
    await assert.rejects(database.db.updateTable('dossier_action').set({ kind: 'noted' }).execute(), /append-only/);
    await assert.rejects(database.db.deleteFrom('dossier_action').execute(), /append-only/);
  });
});
