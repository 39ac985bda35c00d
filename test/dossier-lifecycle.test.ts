import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../src/platform/context.ts';
import type { AppError } from '../src/platform/http/app-error.ts';
import { resolveSession } from '../src/modules/identity/resolve-session.ts';
import { startSession } from '../src/modules/identity/start-session.ts';
import { grantOfficerRole, insertAccount } from '../src/modules/identity/repository.ts';
import { completeSupplement } from '../src/modules/dossiers/complete-supplement.ts';
import { extendDueDate } from '../src/modules/dossiers/extend-due-date.ts';
import { forwardDossier } from '../src/modules/dossiers/forward-dossier.ts';
import { receiveDossier } from '../src/modules/dossiers/receive-dossier.ts';
import { refuseReception } from '../src/modules/dossiers/refuse-reception.ts';
import { requestSupplement } from '../src/modules/dossiers/request-supplement.ts';
import { resolveDossier } from '../src/modules/dossiers/resolve-dossier.ts';
import { noticeEarlyReturn, returnResult } from '../src/modules/dossiers/return-result.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { decideWithdrawal, requestWithdrawal } from '../src/modules/dossiers/withdraw-dossier.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

let database: TestDatabase;
let citizen: Actor;
let stranger: Actor;
let desk: Actor;
let leader: Actor;
const policy = { idleMinutes: { person: 30, officer: 15 }, absoluteHours: { person: 12, officer: 10 } };
const at = (local: string) => new Date(`${local}+07:00`);

async function actorOf(accountId: string, officer: boolean): Promise<Actor> {
  const now = new Date();
  const { token } = await database.db.transaction().execute((trx) => startSession(trx, { accountId, officer, mfaVerified: true, ip: null, userAgent: null, now, policy }));
  return (await resolveSession(database.db, token, now, policy))!.actor;
}
async function officer(role: string, email: string): Promise<Actor> {
  const id = await insertAccount(database.db, { kind: 'officer', displayName: `${role} Hòa Lâm`, email });
  await grantOfficerRole(database.db, id, '000.00.41.H99', role);
  return actorOf(id, true);
}
let seq = 0;
const file = async (when: string) => (await submitDossier(database.db, citizen, at(when), 'vi', { procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: `k${seq++}` })).id;
const header = (id: string) => database.db.selectFrom('dossier').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const failsWith = (code: string) => (error: AppError) => { assert.equal(error.code, code); return true; };

before(async () => {
  database = await createTestDatabase();
  const byEmail = async (email: string) => (await database.db.selectFrom('account').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  citizen = await actorOf(await byEmail('an.nguyen@demo.hoabinhxanh.vn'), false);
  stranger = await actorOf(await byEmail('ketoan@thuongmaihbx.demo.vn'), false);
  desk = await officer('reception', 'mc.hoalam@example.vn');
  leader = await officer('leader', 'ld.hoalam@example.vn');
});
after(async () => { await database?.close(); });

describe('dossier lifecycle under the legal clock (issue 4 §4-5, ST-01..ST-10, DL-04..DL-11)', () => {
  it('runs file → receive → supplement → forward → resolve → return, the due date restarting after the supplement', async () => {
    const id = await file('2026-12-07T08:00');
    await receiveDossier(database.db, desk, at('2026-12-07T09:00'), id);
    assert.equal((await header(id)).due_at?.toISOString(), at('2026-12-16T09:00').toISOString());
    await forwardDossier(database.db, desk, at('2026-12-07T09:05'), { dossierId: id });
    await requestSupplement(database.db, desk, at('2026-12-08T10:00'), 'vi', { dossierId: id, items: [{ name: 'Giấy tờ chứng minh chỗ ở hợp pháp', reason: 'Bản sao chưa chứng thực' }] });
    assert.equal((await header(id)).status, 5);
    assert.equal((await header(id)).due_at, null, 'no due date while waiting for the applicant');
    await completeSupplement(database.db, citizen, at('2026-12-09T14:00'), { dossierId: id });
    const resumed = await header(id);
    assert.equal(resumed.status, 4);
    assert.equal(resumed.due_at?.toISOString(), at('2026-12-18T14:00').toISOString(), 'DL-04: 7 working days again from completion');
    assert.equal(resumed.original_due_at?.toISOString(), at('2026-12-16T09:00').toISOString());
    await resolveDossier(database.db, leader, at('2026-12-17T10:00'), 'vi', { dossierId: id, outcome: 'granted' });
    await assert.rejects(returnResult(database.db, desk, at('2026-12-17T11:00'), 'vi', { dossierId: id, channel: 'desk' }), failsWith('validationFailed'));
    await noticeEarlyReturn(database.db, desk, at('2026-12-17T10:30'), { dossierId: id, readyAt: at('2026-12-17T11:00') });
    await returnResult(database.db, desk, at('2026-12-17T11:00'), 'vi', { dossierId: id, channel: 'desk' });
    const done = await header(id);
    assert.equal(done.status, 10);
    const kinds = (await database.db.selectFrom('dossier_action').select(['kind', 'from_status', 'to_status']).where('dossier_id', '=', id).orderBy('seq').execute())
      .map((a) => `${a.kind}:${a.from_status}→${a.to_status}`);
    assert.deepEqual(kinds, ['submitted:0→1', 'received:1→2', 'forwarded:2→4', 'supplementRequested:4→5', 'supplemented:5→4', 'resolved:4→9', 'earlyReturnNoticed:9→9', 'returned:9→10']);
  });

  it('DL-05: asks once and completely; a second request needs a justification and is flagged', async () => {
    const id = await file('2026-12-07T08:00');
    await receiveDossier(database.db, desk, at('2026-12-07T09:00'), id);
    await assert.rejects(requestSupplement(database.db, desk, at('2026-12-07T10:00'), 'vi', { dossierId: id, items: [] }), failsWith('validationFailed'));
    await requestSupplement(database.db, desk, at('2026-12-07T10:00'), 'vi', { dossierId: id, items: [{ name: 'Tờ khai CT01', reason: 'Thiếu chữ ký chủ hộ' }] });
    await completeSupplement(database.db, desk, at('2026-12-08T10:00'), { dossierId: id, note: 'Nhận bản giấy tại quầy' });
    await assert.rejects(requestSupplement(database.db, desk, at('2026-12-14T10:00'), 'vi', { dossierId: id, items: [{ name: 'Ảnh', reason: 'Mờ' }] }), failsWith('validationFailed'));
    await requestSupplement(database.db, desk, at('2026-12-14T10:00'), 'vi', { dossierId: id, items: [{ name: 'Ảnh', reason: 'Mờ' }], repeatJustification: 'Phát hiện khi thẩm định thực địa' });
    const last = await database.db.selectFrom('dossier_action').select('payload').where('dossier_id', '=', id).where('kind', '=', 'supplementRequested').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal((last.payload as { repeat: boolean }).repeat, true);
    assert.equal((last.payload as { lateSupplementNotice: boolean }).lateSupplementNotice, true, 'DL-09: more than 3 working days after receipt');
  });

  it('DL-06: extends once, only by the end of the previous working day, to a later date', async () => {
    const id = await file('2026-12-07T08:00');
    await receiveDossier(database.db, desk, at('2026-12-07T09:00'), id);
    await assert.rejects(extendDueDate(database.db, leader, at('2026-12-15T17:01'), 'vi', { dossierId: id, newDueAt: at('2026-12-22T17:00'), reason: 'Chờ xác minh' }), failsWith('validationFailed'));
    await assert.rejects(extendDueDate(database.db, leader, at('2026-12-10T09:00'), 'vi', { dossierId: id, newDueAt: at('2026-12-15T17:00'), reason: 'Chờ xác minh' }), failsWith('validationFailed'));
    await extendDueDate(database.db, leader, at('2026-12-10T09:00'), 'vi', { dossierId: id, newDueAt: at('2026-12-22T17:00'), reason: 'Chờ kết quả xác minh của cơ quan khác' });
    const extended = await header(id);
    assert.equal(extended.due_at?.toISOString(), at('2026-12-22T17:00').toISOString());
    assert.equal(extended.original_due_at?.toISOString(), at('2026-12-16T09:00').toISOString());
    await assert.rejects(extendDueDate(database.db, leader, at('2026-12-11T09:00'), 'vi', { dossierId: id, newDueAt: at('2026-12-29T17:00'), reason: 'Lần hai' }), failsWith('validationFailed'));
    await assert.rejects(extendDueDate(database.db, desk, at('2026-12-11T09:00'), 'vi', { dossierId: id, newDueAt: at('2026-12-29T17:00'), reason: 'Không có quyền' }), failsWith('forbidden'));
  });

  it('DL-11: withdrawal is the applicant\'s request and the agency\'s decision, impossible once resolved', async () => {
    const id = await file('2026-12-07T08:00');
    await receiveDossier(database.db, desk, at('2026-12-07T09:00'), id);
    await assert.rejects(requestWithdrawal(database.db, stranger, at('2026-12-07T10:00'), 'vi', { dossierId: id, reason: 'Không phải hồ sơ của tôi' }), failsWith('forbidden'));
    await requestWithdrawal(database.db, citizen, at('2026-12-07T10:00'), 'vi', { dossierId: id, reason: 'Đã chuyển nơi ở' });
    await decideWithdrawal(database.db, desk, at('2026-12-07T11:00'), 'vi', { dossierId: id, accept: false, reason: 'Hồ sơ đã được thẩm định xong' });
    assert.equal((await header(id)).status, 2);
    await requestWithdrawal(database.db, citizen, at('2026-12-07T14:00'), 'vi', { dossierId: id, reason: 'Đã chuyển nơi ở' });
    await decideWithdrawal(database.db, desk, at('2026-12-07T15:00'), 'vi', { dossierId: id, accept: true, reason: 'Đồng ý rút' });
    assert.equal((await header(id)).status, 8);
    await assert.rejects(requestWithdrawal(database.db, citizen, at('2026-12-08T09:00'), 'vi', { dossierId: id, reason: 'Lại' }), failsWith('transitionNotAllowed'));
  });

  it('refuses at reception with a mandatory reason, and nothing happens afterwards', async () => {
    const id = await file('2026-12-07T08:00');
    await assert.rejects(refuseReception(database.db, desk, at('2026-12-07T09:00'), 'vi', { dossierId: id, reason: '  ' }), failsWith('validationFailed'));
    await refuseReception(database.db, desk, at('2026-12-07T09:00'), 'vi', { dossierId: id, reason: 'Không thuộc thẩm quyền của phường' });
    const refused = await header(id);
    assert.equal(refused.status, 3);
    assert.equal(refused.code, null);
    await assert.rejects(receiveDossier(database.db, desk, at('2026-12-07T09:30'), id), failsWith('transitionNotAllowed'));
  });
});
