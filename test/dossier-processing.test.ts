import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../src/platform/context.ts';
import type { AppError } from '../src/platform/http/app-error.ts';
import { createLocalFileStore } from '../src/platform/files/local-file-store.ts';
import type { FileStore } from '../src/platform/files/file-store.ts';
import { storeUpload } from '../src/platform/files/store-upload.ts';
import { documentUploadPolicy } from '../src/platform/files/upload-policy.ts';
import { resolveSession } from '../src/modules/identity/resolve-session.ts';
import { startSession } from '../src/modules/identity/start-session.ts';
import { grantOfficerRole, insertAccount } from '../src/modules/identity/repository.ts';
import { addInternalNote } from '../src/modules/dossiers/add-internal-note.ts';
import { answerConsultation } from '../src/modules/dossiers/answer-consultation.ts';
import { appraiseDossier } from '../src/modules/dossiers/appraise-dossier.ts';
import { approveDossier } from '../src/modules/dossiers/approve-dossier.ts';
import { completeSupplement } from '../src/modules/dossiers/complete-supplement.ts';
import { forwardDossier } from '../src/modules/dossiers/forward-dossier.ts';
import { getApplicantDossier } from '../src/modules/dossiers/get-applicant-dossier.ts';
import { getProcessingDossier } from '../src/modules/dossiers/get-processing-dossier.ts';
import { issueResult, resultUploadPolicy } from '../src/modules/dossiers/issue-result.ts';
import { receiveDossier } from '../src/modules/dossiers/receive-dossier.ts';
import { requestConsultation } from '../src/modules/dossiers/request-consultation.ts';
import { requestSupplement } from '../src/modules/dossiers/request-supplement.ts';
import { returnResult } from '../src/modules/dossiers/return-result.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { supersedePublishedProcess } from '../src/modules/workflow/process/repository.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { pdfBytes, pngBytes, streamOf } from './support/sample-files.ts';

// Processing a dossier at ward Hòa Lâm along the default process TIEP_NHAN → THAM_DINH → PHE_DUYET → BAN_HANH →
// TRA_KET_QUA (issue 4 §5): what each action does, and who may not do it.

let database: TestDatabase;
let store: FileStore;
let root: string;
const actors = {} as Record<'citizen' | 'desk' | 'specialist' | 'specialist2' | 'leader' | 'clerk' | 'justiceSpecialist' | 'otherSpecialist', Actor>;
const policy = { idleMinutes: { person: 30, officer: 15 }, absoluteHours: { person: 12, officer: 10 } };
const at = (local: string) => new Date(`${local}+07:00`);
const ward = '000.00.41.H99';
const justice = '000.00.02.H99';

async function actorOf(accountId: string, officer: boolean): Promise<Actor> {
  const now = new Date();
  const { token } = await database.db.transaction().execute((trx) => startSession(trx, { accountId, officer, mfaVerified: true, ip: null, userAgent: null, now, policy }));
  return (await resolveSession(database.db, token, now, policy))!.actor;
}
async function officer(role: string, email: string, agency = ward): Promise<Actor> {
  const id = await insertAccount(database.db, { kind: 'officer', displayName: `${role} ${email.split('@')[0]}`, email });
  await grantOfficerRole(database.db, id, agency, role);
  return actorOf(id, true);
}
const accountId = (actor: Actor) => (actor.kind === 'officer' || actor.kind === 'person' ? actor.accountId : '');
let seq = 0;
const file = async () => (await submitDossier(database.db, actors.citizen, at('2026-12-07T08:00'), 'vi', { procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: ward, formData: {}, idempotencyKey: `p${seq++}` })).id;
const header = (id: string) => database.db.selectFrom('dossier').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const lastAction = async (id: string) => database.db.selectFrom('dossier_action').selectAll().where('dossier_id', '=', id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
const failsWith = (code: string, message?: RegExp) => (error: AppError) => {
  assert.equal(error.code, code);
  if (message) assert.match(error.fieldErrors.map((e) => e.message).join(' '), message);
  return true;
};
/** Filed, received and forwarded by the desk to the specialist's appraisal step, held by `specialist`. */
async function atAppraisal(): Promise<string> {
  const id = await file();
  await receiveDossier(database.db, actors.desk, at('2026-12-07T09:00'), id);
  await forwardDossier(database.db, actors.desk, at('2026-12-07T09:10'), { dossierId: id, assigneeId: accountId(actors.specialist) });
  return id;
}
async function atApproval(): Promise<string> {
  const id = await atAppraisal();
  await forwardDossier(database.db, actors.specialist, at('2026-12-08T09:00'), { dossierId: id });
  return id;
}
const storedPdf = async (actor: Actor) => storeUpload({ db: database.db, actor, now: new Date(), store, lang: 'vi' }, { stream: streamOf(pdfBytes('Quyet dinh')), fileName: 'quyet-dinh.pdf', policy: resultUploadPolicy });

before(async () => {
  database = await createTestDatabase();
  root = await mkdtemp(join(tmpdir(), 'opendvc-processing-'));
  store = createLocalFileStore(root);
  const byEmail = async (email: string) => (await database.db.selectFrom('account').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  // These tests follow the default process: take the demo's published process of 1.004222 out of force.
  const procedure = await database.db.selectFrom('procedure').select('id').where('code', '=', '1.004222').executeTakeFirstOrThrow();
  await supersedePublishedProcess(database.db, procedure.id);
  actors.citizen = await actorOf(await byEmail('an.nguyen@demo.hoabinhxanh.vn'), false);
  actors.desk = await officer('reception', 'mc@p.example.vn');
  actors.specialist = await officer('specialist', 'cv1@p.example.vn');
  actors.specialist2 = await officer('specialist', 'cv2@p.example.vn');
  actors.leader = await officer('leader', 'ld@p.example.vn');
  actors.clerk = await officer('clerk', 'vt@p.example.vn');
  actors.justiceSpecialist = await officer('specialist', 'cv@stp.example.vn', justice);
  actors.otherSpecialist = await officer('specialist', 'cv@khac.example.vn', '000.00.30.H99');
});
after(async () => {
  await database?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('forwarding along the process (issue 4 §5, DL-08, ST-M5)', () => {
  it('sends the dossier from the desk to the appraisal step with from, to, transition, unit and the step\'s own due time', async () => {
    const id = await file();
    await receiveDossier(database.db, actors.desk, at('2026-12-07T09:00'), id);
    await assert.rejects(forwardDossier(database.db, actors.specialist, at('2026-12-07T09:05'), { dossierId: id }), failsWith('forbidden', /Tiếp nhận hồ sơ/), 'the reception step is the desk\'s');
    await assert.rejects(forwardDossier(database.db, actors.citizen, at('2026-12-07T09:05'), { dossierId: id }), failsWith('forbidden'));
    await assert.rejects(forwardDossier(database.db, actors.otherSpecialist, at('2026-12-07T09:05'), { dossierId: id }), failsWith('forbidden'));
    await forwardDossier(database.db, actors.desk, at('2026-12-07T09:10'), { dossierId: id, note: 'Hồ sơ đủ thành phần' });
    const h = await header(id);
    assert.equal(h.status, 4);
    assert.equal(h.current_step, 'THAM_DINH');
    const action = await lastAction(id);
    assert.deepEqual({ ...(action.payload as Record<string, unknown>), stepDueAt: undefined }, {
      fromStep: 'TIEP_NHAN', toStep: 'THAM_DINH', transition: 'forward', toUnitCode: ward, note: 'Hồ sơ đủ thành phần', stepDueAt: undefined,
    });
    assert.equal((action.payload as { stepDueAt: string }).stepDueAt, h.step_due_at?.toISOString());
  });

  it('refuses a step the process does not allow from here, naming both steps, and the desk once the dossier left it', async () => {
    const id = await atAppraisal();
    await assert.rejects(forwardDossier(database.db, actors.specialist, at('2026-12-08T09:00'), { dossierId: id, toStep: 'BAN_HANH' }),
      failsWith('transitionNotAllowed', /từ bước “Thẩm định, đề xuất” sang bước “Ban hành kết quả”/));
    await assert.rejects(forwardDossier(database.db, actors.specialist, at('2026-12-08T09:00'), { dossierId: id, toStep: 'KHONG_CO' }), failsWith('transitionNotAllowed'));
    await assert.rejects(forwardDossier(database.db, actors.desk, at('2026-12-08T09:00'), { dossierId: id }), failsWith('forbidden', /chuyên viên thụ lý/));
    assert.equal((await header(id)).current_step, 'THAM_DINH', 'nothing was written');
  });

  it('lets only the holder of an assigned step act on it', async () => {
    const id = await atAppraisal();
    await assert.rejects(forwardDossier(database.db, actors.specialist2, at('2026-12-08T09:00'), { dossierId: id }), failsWith('forbidden', /cán bộ khác/));
    await assert.rejects(appraiseDossier(database.db, actors.specialist2, at('2026-12-08T09:00'), 'vi', { dossierId: id, proposal: 'grant', opinion: 'Đủ điều kiện' }), failsWith('forbidden'));
    await forwardDossier(database.db, actors.specialist, at('2026-12-08T09:00'), { dossierId: id });
    assert.equal((await header(id)).current_step, 'PHE_DUYET');
  });

  it('sends back to the appraisal only with a reason, by the leader, to the step the process names', async () => {
    const id = await atApproval();
    await assert.rejects(forwardDossier(database.db, actors.leader, at('2026-12-09T09:00'), { dossierId: id, toStep: 'THAM_DINH', note: ' ' }), failsWith('validationFailed'));
    await assert.rejects(forwardDossier(database.db, actors.specialist, at('2026-12-09T09:00'), { dossierId: id, toStep: 'THAM_DINH', note: 'Tự trả lại' }), failsWith('forbidden'));
    await forwardDossier(database.db, actors.leader, at('2026-12-09T09:00'), { dossierId: id, toStep: 'THAM_DINH', note: 'Bổ sung ý kiến về chỗ ở hợp pháp' });
    assert.equal((await header(id)).current_step, 'THAM_DINH');
    assert.equal(((await lastAction(id)).payload as { transition: string }).transition, 'sendBack');
  });
});

describe('the specialist\'s actions (issue 4 §5, DL-04/05, DL-07)', () => {
  it('records the appraisal and its proposal; a refusal proposal needs its reason; only at a handling step, only by the specialist', async () => {
    const id = await atAppraisal();
    await assert.rejects(appraiseDossier(database.db, actors.specialist, at('2026-12-08T08:00'), 'vi', { dossierId: id, proposal: 'refuse', opinion: 'Không đủ điều kiện' }), failsWith('validationFailed'));
    await assert.rejects(appraiseDossier(database.db, actors.leader, at('2026-12-08T08:00'), 'vi', { dossierId: id, proposal: 'grant', opinion: 'Được' }), failsWith('forbidden'));
    await appraiseDossier(database.db, actors.specialist, at('2026-12-08T08:00'), 'vi', { dossierId: id, proposal: 'refuse', opinion: 'Không đủ điều kiện', refusalReason: 'Chỗ ở không hợp pháp' });
    const action = await lastAction(id);
    assert.equal(action.kind, 'appraised');
    assert.equal(action.to_status, 4);
    assert.deepEqual(action.payload, { step: 'THAM_DINH', proposal: 'refuse', opinion: 'Không đủ điều kiện', refusalReason: 'Chỗ ở không hợp pháp' });
    await forwardDossier(database.db, actors.specialist, at('2026-12-08T09:00'), { dossierId: id });
    await assert.rejects(appraiseDossier(database.db, actors.specialist, at('2026-12-08T10:00'), 'vi', { dossierId: id, proposal: 'grant', opinion: 'Lại' }), failsWith('transitionNotAllowed', /Phê duyệt/));
  });

  it('asks for a supplement through the desk (Mẫu 02 in the desk\'s name), flagged late after 3 working days with the justification', async () => {
    const early = await atAppraisal();
    await requestSupplement(database.db, actors.specialist, at('2026-12-08T10:00'), 'vi', { dossierId: early, items: [{ name: 'Hợp đồng thuê nhà', reason: 'Bản chụp mờ' }] });
    const request = await lastAction(early);
    assert.equal((await header(early)).status, 5);
    assert.equal((request.payload as { throughDesk: boolean }).throughDesk, true);
    assert.equal((request.payload as { lateSupplementNotice: boolean }).lateSupplementNotice, false);
    await completeSupplement(database.db, actors.desk, at('2026-12-09T10:00'), { dossierId: early });
    assert.equal((await header(early)).current_step, 'THAM_DINH', 'back to the specialist after the supplement');

    const late = await atAppraisal();
    // Received Mon 7 Dec 09:00: three working days end Thu 10 Dec 09:00. A request after that is warned, not refused.
    await requestSupplement(database.db, actors.specialist, at('2026-12-10T10:00'), 'vi', {
      dossierId: late, items: [{ name: 'Giấy xác nhận', reason: 'Phát hiện khi xác minh' }], lateJustification: 'Chờ kết quả xác minh thực địa',
    });
    const flagged = (await lastAction(late)).payload as { lateSupplementNotice: boolean; lateJustification: string };
    assert.equal(flagged.lateSupplementNotice, true);
    assert.equal(flagged.lateJustification, 'Chờ kết quả xác minh thực địa');
    const view = await getProcessingDossier(database.db, actors.desk, late, at('2026-12-10T11:00'), 'vi');
    assert.equal(view.supplement.late, true, 'the page warns');

    const other = await atAppraisal();
    await assert.rejects(requestSupplement(database.db, actors.specialist2, at('2026-12-08T10:00'), 'vi', { dossierId: other, items: [{ name: 'A', reason: 'B' }] }), failsWith('forbidden'));
    await assert.rejects(requestSupplement(database.db, actors.otherSpecialist, at('2026-12-08T10:00'), 'vi', { dossierId: other, items: [{ name: 'A', reason: 'B' }] }), failsWith('forbidden'));
  });

  it('consults another unit with its own deadline: that unit reads the dossier until it answers, once, and may do nothing else', async () => {
    const id = await atAppraisal();
    const unit = (await database.db.selectFrom('agency').select('id').where('code', '=', justice).executeTakeFirstOrThrow()).id;
    await assert.rejects(getProcessingDossier(database.db, actors.justiceSpecialist, id, at('2026-12-08T09:00'), 'vi'), failsWith('forbidden'));
    await assert.rejects(requestConsultation(database.db, actors.leader, at('2026-12-08T09:00'), 'vi', { dossierId: id, toAgencyId: unit, question: 'Ý kiến?' }), failsWith('forbidden'));
    await assert.rejects(requestConsultation(database.db, actors.specialist, at('2026-12-08T09:00'), 'vi', { dossierId: id, toAgencyId: unit, question: ' ' }), failsWith('validationFailed'));
    await requestConsultation(database.db, actors.specialist, at('2026-12-08T09:00'), 'vi', { dossierId: id, toAgencyId: unit, question: 'Đề nghị cho ý kiến về tính hợp pháp của hợp đồng thuê nhà.' });
    const asked = await lastAction(id);
    // The default process gives a consultation half the appraisal's budget: (56 − 6 − 8) / 2 = 21 working hours from
    // Tue 09:00 — 6 h on Tuesday, 8 h on Wednesday, 7 h on Thursday (07:00–11:30, 13:30–17:00) — Thursday 16:00.
    assert.equal((asked.payload as { dueAt: string }).dueAt, at('2026-12-10T16:00').toISOString());
    assert.deepEqual((await header(id)).consulting_agency_ids, [unit]);

    const seen = await getProcessingDossier(database.db, actors.justiceSpecialist, id, at('2026-12-08T10:00'), 'vi');
    assert.deepEqual(seen.available, ['answerConsultation', 'note']);
    assert.equal(seen.consultations[0]!.dueAt?.toISOString(), at('2026-12-10T16:00').toISOString());
    await assert.rejects(forwardDossier(database.db, actors.justiceSpecialist, at('2026-12-08T10:00'), { dossierId: id }), failsWith('forbidden'));
    await assert.rejects(appraiseDossier(database.db, actors.justiceSpecialist, at('2026-12-08T10:00'), 'vi', { dossierId: id, proposal: 'grant', opinion: 'x' }), failsWith('forbidden'));
    await assert.rejects(answerConsultation(database.db, actors.otherSpecialist, at('2026-12-08T10:00'), 'vi', { dossierId: id, requestSeq: asked.seq, answer: 'Không phải đơn vị được hỏi' }), failsWith('forbidden'));
    await assert.rejects(answerConsultation(database.db, actors.specialist, at('2026-12-08T10:00'), 'vi', { dossierId: id, requestSeq: asked.seq, answer: 'Tự trả lời' }), failsWith('forbidden'));

    await answerConsultation(database.db, actors.justiceSpecialist, at('2026-12-11T09:00'), 'vi', { dossierId: id, requestSeq: asked.seq, answer: 'Hợp đồng hợp pháp.' });
    assert.equal(((await lastAction(id)).payload as { late: boolean }).late, true, 'answered after its own deadline');
    assert.deepEqual((await header(id)).consulting_agency_ids, []);
    await assert.rejects(answerConsultation(database.db, actors.justiceSpecialist, at('2026-12-11T09:05'), 'vi', { dossierId: id, requestSeq: asked.seq, answer: 'Lần hai' }), failsWith('forbidden'),
      'the unit may no longer read it');
    await assert.rejects(getProcessingDossier(database.db, actors.justiceSpecialist, id, at('2026-12-11T10:00'), 'vi'), failsWith('forbidden'));
    const answered = await getProcessingDossier(database.db, actors.specialist, id, at('2026-12-11T10:00'), 'vi');
    assert.equal(answered.consultations[0]!.answer, 'Hợp đồng hợp pháp.');
    assert.equal(answered.consultations[0]!.late, true);
  });
});

describe('the leader\'s approval and the clerk\'s issue (issue 4 §5, ST-09, DL-07)', () => {
  it('approves to the issue step; a refusal needs its reason; only the leader, only at the approval step', async () => {
    const early = await atAppraisal();
    await assert.rejects(approveDossier(database.db, actors.leader, at('2026-12-08T09:00'), 'vi', { dossierId: early, outcome: 'granted' }), failsWith('transitionNotAllowed', /Thẩm định, đề xuất/));
    const id = await atApproval();
    await assert.rejects(approveDossier(database.db, actors.specialist, at('2026-12-09T09:00'), 'vi', { dossierId: id, outcome: 'granted' }), failsWith('forbidden'));
    await assert.rejects(approveDossier(database.db, actors.leader, at('2026-12-09T09:00'), 'vi', { dossierId: id, outcome: 'refused', note: '' }), failsWith('validationFailed'));
    await approveDossier(database.db, actors.leader, at('2026-12-09T09:00'), 'vi', { dossierId: id, outcome: 'refused', note: 'Chỗ ở không hợp pháp' });
    const h = await header(id);
    assert.equal(h.status, 4);
    assert.equal(h.current_step, 'BAN_HANH');
    assert.equal((await lastAction(id)).reason, 'Chỗ ở không hợp pháp');
  });

  it('issues the signed result: status 9, the PDF linked as the result, number and date registered, the refusal reason carried', async () => {
    const id = await atApproval();
    const pdf = await storedPdf(actors.clerk);
    await assert.rejects(issueResult(database.db, actors.clerk, at('2026-12-09T09:00'), 'vi', { dossierId: id, file: pdf, documentNumber: '12/QĐ-UBND', signedOn: '2026-12-09' }),
      failsWith('transitionNotAllowed', /Phê duyệt/), 'not before the leader decides');
    await approveDossier(database.db, actors.leader, at('2026-12-09T09:00'), 'vi', { dossierId: id, outcome: 'refused', note: 'Chỗ ở không hợp pháp' });
    await assert.rejects(issueResult(database.db, actors.leader, at('2026-12-09T10:00'), 'vi', { dossierId: id, file: pdf, documentNumber: '12', signedOn: '2026-12-09' }), failsWith('forbidden'));
    await assert.rejects(issueResult(database.db, actors.clerk, at('2026-12-09T10:00'), 'vi', { dossierId: id, file: undefined, documentNumber: '', signedOn: '2026-12-31' }),
      (error: AppError) => { assert.equal(error.code, 'validationFailed'); assert.deepEqual(error.fieldErrors.map((e) => e.path), ['/documentNumber', '/signedOn', '/file']); return true; });
    const png = await storeUpload({ db: database.db, actor: actors.clerk, now: new Date(), store, lang: 'vi' }, { stream: streamOf(pngBytes), fileName: 'anh.png', policy: documentUploadPolicy });
    await assert.rejects(issueResult(database.db, actors.clerk, at('2026-12-09T10:00'), 'vi', { dossierId: id, file: png, documentNumber: '12', signedOn: '2026-12-09' }), failsWith('validationFailed', /PDF/));

    await issueResult(database.db, actors.clerk, at('2026-12-09T10:00'), 'vi', { dossierId: id, file: pdf, documentNumber: '12/TB-UBND', signedOn: '2026-12-09' });
    const h = await header(id);
    assert.equal(h.status, 9);
    assert.equal(h.current_step, 'TRA_KET_QUA');
    const action = await lastAction(id);
    assert.equal(action.kind, 'resolved');
    assert.equal(action.reason, 'Chỗ ở không hợp pháp', 'DL-07: the refusal letter is the result, with its reason');
    assert.deepEqual(action.payload, { outcome: 'refused', step: 'BAN_HANH', documentNumber: '12/TB-UBND', signedOn: '2026-12-09', resultFileId: pdf.id, reason: 'Chỗ ở không hợp pháp' });
    const linked = await database.db.selectFrom('dossier_file').selectAll().where('dossier_id', '=', id).execute();
    assert.deepEqual(linked.map((f) => [f.purpose, f.stored_file_id, f.action_seq]), [['result', pdf.id, action.seq]]);
    await assert.rejects(issueResult(database.db, actors.clerk, at('2026-12-09T11:00'), 'vi', { dossierId: id, file: pdf, documentNumber: '13', signedOn: '2026-12-09' }), failsWith('transitionNotAllowed'));
    await assert.rejects(returnResult(database.db, actors.clerk, at('2026-12-18T09:00'), 'vi', { dossierId: id, channel: 'desk' }), failsWith('forbidden'));
    await returnResult(database.db, actors.desk, at('2026-12-18T09:00'), 'vi', { dossierId: id, channel: 'desk' });
    assert.equal((await header(id)).status, 10);
  });
});

describe('internal notes (issue 4 §6 officers)', () => {
  it('are written by officers of the dossier, shown to them marked internal, and never to the applicant', async () => {
    const id = await atAppraisal();
    await appraiseDossier(database.db, actors.specialist, at('2026-12-08T08:00'), 'vi', { dossierId: id, proposal: 'grant', opinion: 'Đủ điều kiện' });
    await assert.rejects(addInternalNote(database.db, actors.citizen, at('2026-12-08T08:30'), 'vi', { dossierId: id, note: 'Tôi ghi chú' }), failsWith('forbidden'));
    await assert.rejects(addInternalNote(database.db, actors.otherSpecialist, at('2026-12-08T08:30'), 'vi', { dossierId: id, note: 'Đơn vị khác' }), failsWith('forbidden'));
    await assert.rejects(addInternalNote(database.db, actors.leader, at('2026-12-08T08:30'), 'vi', { dossierId: id, note: '  ' }), failsWith('validationFailed'));
    await addInternalNote(database.db, actors.leader, at('2026-12-08T08:30'), 'vi', { dossierId: id, note: 'Gọi điện xác minh với tổ dân phố' });
    const officerView = await getProcessingDossier(database.db, actors.specialist, id, at('2026-12-08T09:00'), 'vi');
    const note = officerView.timeline.find((e) => e.kind === 'noted')!;
    assert.equal(note.internal, true);
    assert.equal(note.payload['note'], 'Gọi điện xác minh với tổ dân phố');
    const reference = (await header(id)).reference;
    const applicantView = await getApplicantDossier(database.db, actors.citizen, reference, 'vi');
    assert.deepEqual(applicantView.timeline.map((e) => e.kind), ['submitted', 'received', 'forwarded']);
  });
});
