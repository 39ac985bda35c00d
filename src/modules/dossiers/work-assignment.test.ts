import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../platform/context.ts';
import type { AppError } from '../../platform/http/app-error.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { actorForAccount } from '../identity/actor-for-account.ts';
import { grantOfficerRole, insertAccount } from '../identity/repository.ts';
import { assignDossiers } from './assign-dossiers.ts';
import { claimDossier } from './claim-dossier.ts';
import { endAbsence } from './end-absence.ts';
import { approveDossier } from './approve-dossier.ts';
import { forwardDossier } from './forward-dossier.ts';
import { listWorkQueue } from './list-work-queue.ts';
import { receiveDossier } from './receive-dossier.ts';
import { releaseDossier } from './release-dossier.ts';
import { requestSupplement } from './request-supplement.ts';
import { setAbsence } from './set-absence.ts';
import { submitDossier } from './submit-dossier.ts';

// Officers' work queues, assignment, claiming and cover (issue 4 §2 "Assignment", §5), on the demo ward Hòa Lâm.
let database: TestDatabase;
let citizen: Actor, desk: Actor, duc: Actor, ngoc: Actor, second: Actor, clerk: Actor, otherLeader: Actor, otherSpecialist: Actor;
let ward: number;
const at = (local: string) => new Date(`${local}+07:00`);
// Monday 7 December 2026.
const now = at('2026-12-07T10:00');
let n = 0;
const db = () => database.db;
const id = (actor: Actor) => (actor.kind === 'officer' ? actor.accountId : '');
const failsWith = (code: string) => (error: AppError) => { assert.equal(error.code, code); return true; };
const header = (dossierId: string) => db().selectFrom('dossier').selectAll().where('id', '=', dossierId).executeTakeFirstOrThrow();
const lastAction = async (dossierId: string) => db().selectFrom('dossier_action').selectAll().where('dossier_id', '=', dossierId).orderBy('seq', 'desc').executeTakeFirstOrThrow();

/** A dossier received by the ward desk and forwarded to appraisal (a specialist step), unassigned. */
async function atAppraisal(when = '2026-12-07T08:00', procedureCode = '1.004222'): Promise<string> {
  const { id: dossierId } = await submitDossier(db(), citizen, at(when), 'vi', { procedureCode, caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: `work-${n++}` });
  await receiveDossier(db(), desk, at(when), dossierId);
  await forwardDossier(db(), desk, at(when), { dossierId });
  return dossierId;
}
async function newOfficer(role: string, email: string, agency = '000.00.41.H99'): Promise<Actor> {
  const accountId = await insertAccount(db(), { kind: 'officer', displayName: `Cán bộ ${email}`, email });
  await grantOfficerRole(db(), accountId, agency, role);
  return actorForAccount(db(), email);
}

before(async () => {
  database = await createTestDatabase();
  const demo = (name: string) => actorForAccount(db(), `${name}@demo.hoabinhxanh.vn`);
  [citizen, desk, duc, ngoc, otherLeader, otherSpecialist] = await Promise.all([demo('an.nguyen'), demo('mo.lt'), demo('duc.tv'), demo('ngoc.pt'), demo('lan.vt'), demo('hung.dv')]);
  second = await newOfficer('specialist', 'cv2.hoalam@example.vn');
  clerk = await newOfficer('clerk', 'vt.hoalam@example.vn');
  ward = (await db().selectFrom('agency').select('id').where('code', '=', '000.00.41.H99').executeTakeFirstOrThrow()).id;
});
after(async () => { await database?.close(); });

describe('claiming from the unit queue (issue 4 §2)', () => {
  it('gives an unassigned dossier to the specialist who claims it, recorded as an assigned action', async () => {
    const dossierId = await atAppraisal();
    await claimDossier(db(), duc, now, { dossierId });
    assert.equal((await header(dossierId)).assignee_id, id(duc));
    const action = await lastAction(dossierId);
    assert.equal(action.kind, 'assigned');
    assert.deepEqual({ assigneeId: action.payload['assigneeId'], previousAssigneeId: action.payload['previousAssigneeId'] }, { assigneeId: id(duc), previousAssigneeId: null });
  });

  it('refuses a dossier someone already holds, naming the holder', async () => {
    const dossierId = await atAppraisal();
    await claimDossier(db(), duc, now, { dossierId });
    await assert.rejects(claimDossier(db(), second, now, { dossierId }), (error: AppError) => {
      assert.equal(error.code, 'dossierHeld');
      assert.equal(error.params['holder'], 'Trần Văn Đức');
      return true;
    });
    assert.equal((await header(dossierId)).assignee_id, id(duc));
  });

  it('lets exactly one of two concurrent claims win', async () => {
    const dossierId = await atAppraisal();
    const results = await Promise.allSettled([claimDossier(db(), duc, now, { dossierId }), claimDossier(db(), second, now, { dossierId })]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.equal((refused.reason as AppError).code, 'dossierHeld');
    const holder = (await header(dossierId)).assignee_id;
    assert.ok(holder === id(duc) || holder === id(second));
    assert.equal((await db().selectFrom('dossier_action').select('seq').where('dossier_id', '=', dossierId).where('kind', '=', 'assigned').execute()).length, 1);
  });

  it('is refused to a specialist of another unit, a leader, a citizen, and at a step of another role', async () => {
    const dossierId = await atAppraisal();
    await assert.rejects(claimDossier(db(), otherSpecialist, now, { dossierId }), failsWith('forbidden'));
    await assert.rejects(claimDossier(db(), ngoc, now, { dossierId }), failsWith('forbidden'));
    await assert.rejects(claimDossier(db(), citizen, now, { dossierId }), failsWith('forbidden'));
    const atReception = (await submitDossier(db(), citizen, now, 'vi', { procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: `work-${n++}` })).id;
    await receiveDossier(db(), desk, now, atReception);
    await assert.rejects(claimDossier(db(), duc, now, { dossierId: atReception }), failsWith('forbidden'), 'the reception step is the desk\'s');
    assert.equal((await header(dossierId)).assignee_id, null);
  });
});

describe('giving a dossier back (issue 4 §2)', () => {
  it('puts it back in the unit queue when the holder releases it', async () => {
    const dossierId = await atAppraisal();
    await claimDossier(db(), duc, now, { dossierId });
    await releaseDossier(db(), duc, now, { dossierId, reason: 'Nghỉ phép đột xuất' });
    assert.equal((await header(dossierId)).assignee_id, null);
    const action = await lastAction(dossierId);
    assert.equal(action.payload['previousAssigneeId'], id(duc));
    assert.equal(action.reason, 'Nghỉ phép đột xuất');
  });

  it('is refused to anyone but the holder', async () => {
    const dossierId = await atAppraisal();
    await claimDossier(db(), duc, now, { dossierId });
    await assert.rejects(releaseDossier(db(), second, now, { dossierId }), failsWith('forbidden'));
    await assert.rejects(releaseDossier(db(), ngoc, now, { dossierId }), failsWith('forbidden'));
    await assert.rejects(releaseDossier(db(), citizen, now, { dossierId }), failsWith('forbidden'));
    assert.equal((await header(dossierId)).assignee_id, id(duc));
  });
});

describe('assignment by the unit leader (issue 4 §2)', () => {
  it('assigns in bulk, each dossier on its own, reporting the one it could not assign', async () => {
    const [a, b] = [await atAppraisal(), await atAppraisal()];
    const paused = await atAppraisal();
    await requestSupplement(db(), desk, now, 'vi', { dossierId: paused, items: [{ name: 'Giấy tờ chứng minh chỗ ở hợp pháp', reason: 'Bản chụp mờ' }] });
    const report = await assignDossiers(db(), ngoc, now, 'vi', { dossierIds: [a, paused, b], assigneeId: id(duc) });
    assert.deepEqual(report.outcomes.map((o) => [o.dossierId, o.ok]), [[a, true], [paused, false], [b, true]]);
    assert.equal(report.assigneeName, 'Trần Văn Đức');
    assert.equal((await header(a)).assignee_id, id(duc));
    assert.equal((await header(b)).assignee_id, id(duc));
    assert.equal((await header(paused)).assignee_id, null);
    assert.deepEqual((await lastAction(a)).payload, { assigneeId: id(duc), previousAssigneeId: null });
  });

  it('reassigns only with a reason, keeping who held it before', async () => {
    const dossierId = await atAppraisal();
    await assignDossiers(db(), ngoc, now, 'vi', { dossierIds: [dossierId], assigneeId: id(duc) });
    const refused = await assignDossiers(db(), ngoc, now, 'vi', { dossierIds: [dossierId], assigneeId: id(second) });
    assert.equal(refused.outcomes[0]!.ok, false);
    assert.equal((await header(dossierId)).assignee_id, id(duc));
    const done = await assignDossiers(db(), ngoc, now, 'vi', { dossierIds: [dossierId], assigneeId: id(second), reason: 'Cân đối khối lượng công việc' });
    assert.equal(done.outcomes[0]!.ok, true);
    const action = await lastAction(dossierId);
    assert.deepEqual([action.payload['assigneeId'], action.payload['previousAssigneeId'], action.reason], [id(second), id(duc), 'Cân đối khối lượng công việc']);
  });

  it('refuses an officer without the role the current step needs', async () => {
    const dossierId = await atAppraisal();
    const report = await assignDossiers(db(), ngoc, now, 'vi', { dossierIds: [dossierId], assigneeId: id(desk) });
    assert.equal(report.outcomes[0]!.ok, false);
    assert.match(report.outcomes[0]!.ok ? '' : report.outcomes[0]!.message, /không giữ vai trò Chuyên viên thụ lý/);
    assert.equal((await header(dossierId)).assignee_id, null);
  });

  it('is refused to a leader of another unit per dossier, and to a specialist or a citizen outright', async () => {
    const dossierId = await atAppraisal();
    const report = await assignDossiers(db(), otherLeader, now, 'vi', { dossierIds: [dossierId], assigneeId: id(duc) });
    assert.deepEqual(report.outcomes.map((o) => (o.ok ? 'ok' : o.code)), ['forbidden']);
    await assert.rejects(assignDossiers(db(), duc, now, 'vi', { dossierIds: [dossierId], assigneeId: id(second) }), failsWith('forbidden'));
    await assert.rejects(assignDossiers(db(), citizen, now, 'vi', { dossierIds: [dossierId], assigneeId: id(duc) }), failsWith('forbidden'));
    assert.equal((await header(dossierId)).assignee_id, null);
  });
});

describe('cover for an absent colleague (issue 4 §2)', () => {
  it('shows the absent officer\'s dossiers in the cover\'s queue, lets the cover act as holder, and warns on assignment', async () => {
    const dossierId = await atAppraisal();
    await assignDossiers(db(), ngoc, now, 'vi', { dossierIds: [dossierId], assigneeId: id(duc) });
    const absenceId = await setAbsence(db(), ngoc, now, 'vi', { agencyId: ward, officerId: id(duc), coveringOfficerId: id(second), startsOn: '2026-12-07', endsOn: '2026-12-09', reason: 'Đi tập huấn' });
    const mine = await listWorkQueue(db(), second, now, { tab: 'mine', pageSize: 500 });
    const row = mine.items.find((i) => i.id === dossierId);
    assert.equal(row?.coveringFor, 'Trần Văn Đức');
    assert.equal(row?.mayRelease, true);
    const another = await atAppraisal();
    const report = await assignDossiers(db(), ngoc, now, 'vi', { dossierIds: [another], assigneeId: id(duc) });
    assert.deepEqual(report.absences.map((a) => [a.endsOn, a.coveringName]), [['2026-12-09', 'Cán bộ cv2.hoalam@example.vn']]);
    // Once the absence is ended the cover no longer holds the dossier.
    await endAbsence(db(), ngoc, now, 'vi', { absenceId });
    assert.equal((await listWorkQueue(db(), second, now, { tab: 'mine', pageSize: 500 })).items.some((i) => i.id === dossierId), false);
    await assert.rejects(releaseDossier(db(), second, now, { dossierId }), failsWith('forbidden'));
    // While it ran, the cover could give the dossier back as its holder.
    const id2 = await setAbsence(db(), ngoc, now, 'vi', { agencyId: ward, officerId: id(duc), coveringOfficerId: id(second), startsOn: '2026-12-07', endsOn: '2026-12-07', reason: 'Ốm' });
    await releaseDossier(db(), second, now, { dossierId });
    assert.equal((await header(dossierId)).assignee_id, null);
    assert.equal((await lastAction(dossierId)).payload['coveringFor'], id(duc));
    await endAbsence(db(), ngoc, now, 'vi', { absenceId: id2 });
  });

  it('refuses an absence set by another unit\'s leader or a specialist, and checks its fields', async () => {
    const input = { agencyId: ward, officerId: id(duc), coveringOfficerId: id(second), startsOn: '2026-12-10', endsOn: '2026-12-11', reason: 'Nghỉ phép' };
    await assert.rejects(setAbsence(db(), otherLeader, now, 'vi', input), failsWith('forbidden'));
    await assert.rejects(setAbsence(db(), duc, now, 'vi', input), failsWith('forbidden'));
    await assert.rejects(setAbsence(db(), citizen, now, 'vi', input), failsWith('forbidden'));
    const fields = async (patch: Partial<typeof input>) => {
      const error = await setAbsence(db(), ngoc, now, 'vi', { ...input, ...patch }).then(() => undefined, (e: AppError) => e);
      assert.equal(error?.code, 'validationFailed');
      return error.fieldErrors.map((e) => e.path);
    };
    assert.deepEqual(await fields({ coveringOfficerId: id(duc) }), ['/coveringOfficerId']);
    assert.deepEqual(await fields({ endsOn: '2026-12-09' }), ['/endsOn']);
    assert.deepEqual(await fields({ coveringOfficerId: id(otherSpecialist) }), ['/coveringOfficerId']);
    assert.deepEqual(await fields({ reason: ' ' }), ['/reason']);
    const absenceId = await setAbsence(db(), ngoc, now, 'vi', input);
    assert.deepEqual(await fields({ startsOn: '2026-12-11', endsOn: '2026-12-14' }), ['/startsOn'], 'overlaps the one just recorded');
    await assert.rejects(endAbsence(db(), otherLeader, now, 'vi', { absenceId }), failsWith('forbidden'));
    const audit = await db().selectFrom('audit_entry').select('action').where('target_type', '=', 'officerAbsence').where('target_id', '=', String(absenceId)).execute();
    assert.deepEqual(audit.map((a) => a.action), ['dossiers.absence.set']);
  });
});

describe('the work queue (issue 4 §5)', () => {
  it('lists claimable dossiers to specialists of the unit and moves a claimed one to "mine"', async () => {
    const dossierId = await atAppraisal();
    const before = await listWorkQueue(db(), duc, now, { tab: 'claimable', pageSize: 500 });
    assert.ok(before.items.some((i) => i.id === dossierId && i.mayClaim && i.stepCode === 'THAM_DINH'));
    assert.deepEqual(before.tabs, ['mine', 'claimable']);
    await claimDossier(db(), duc, now, { dossierId });
    const after = await listWorkQueue(db(), duc, now, { tab: 'claimable', pageSize: 500 });
    assert.equal(after.items.some((i) => i.id === dossierId), false);
    assert.equal(after.counts.claimable, before.counts.claimable - 1);
    assert.equal(after.counts.mine, before.counts.mine + 1);
    assert.equal((await listWorkQueue(db(), otherSpecialist, now, { tab: 'claimable', pageSize: 500 })).items.some((i) => i.id === dossierId), false, 'another unit never sees it');
  });

  it('shows the leader the whole unit with holders, the unassigned, and those awaiting approval; the clerk those to issue', async () => {
    const held = await atAppraisal();
    await claimDossier(db(), duc, now, { dossierId: held });
    const free = await atAppraisal();
    const approval = await atAppraisal();
    await forwardDossier(db(), duc, now, { dossierId: approval, toStep: 'PHE_DUYET' });
    const unit = await listWorkQueue(db(), ngoc, now, { tab: 'unit', pageSize: 500 });
    assert.equal(unit.items.find((i) => i.id === held)?.holderName, 'Trần Văn Đức');
    assert.ok(unit.items.some((i) => i.id === free && i.holderName === null && i.mayAssign));
    const unassigned = await listWorkQueue(db(), ngoc, now, { tab: 'unassigned', pageSize: 500 });
    assert.ok(unassigned.items.some((i) => i.id === free));
    assert.equal(unassigned.items.some((i) => i.id === held), false);
    assert.deepEqual((await listWorkQueue(db(), ngoc, now, { tab: 'approval', pageSize: 500 })).items.map((i) => i.id).filter((x) => [held, free, approval].includes(x)), [approval]);
    assert.ok(unit.officers.some((o) => o.accountId === id(duc) && o.roles.includes('specialist')));
    const issue = await atAppraisal();
    await forwardDossier(db(), duc, now, { dossierId: issue, toStep: 'PHE_DUYET' });
    await approveDossier(db(), ngoc, now, 'vi', { dossierId: issue, outcome: 'granted' });
    const clerkView = await listWorkQueue(db(), clerk, now, { tab: 'issue', pageSize: 500 });
    assert.deepEqual(clerkView.items.map((i) => i.id).filter((x) => [held, free, approval, issue].includes(x)), [issue]);
    assert.equal((await listWorkQueue(db(), otherLeader, now, { tab: 'unit', pageSize: 500 })).items.some((i) => i.id === held), false);
  });

  it('filters by text without diacritics, step, due state and received period, most urgent first', async () => {
    const late = await atAppraisal('2026-11-16T08:00', '1.003197');
    const fresh = await atAppraisal('2026-12-07T09:00');
    const all = await listWorkQueue(db(), ngoc, now, { tab: 'unit', pageSize: 500 });
    const lateRow = all.items.find((i) => i.id === late)!;
    assert.equal(lateRow.due, 'overdue');
    assert.ok(all.items.findIndex((i) => i.id === late) < all.items.findIndex((i) => i.id === fresh), 'overdue before on time');
    const code = (await header(fresh)).code!;
    assert.deepEqual((await listWorkQueue(db(), ngoc, now, { tab: 'unit', filters: { q: code } })).items.map((i) => i.id), [fresh]);
    assert.ok((await listWorkQueue(db(), ngoc, now, { tab: 'unit', filters: { q: 'nguyen van an' }, pageSize: 500 })).items.some((i) => i.id === fresh));
    assert.equal((await listWorkQueue(db(), ngoc, now, { tab: 'unit', filters: { q: 'khong co ai' } })).total, 0);
    const overdue = await listWorkQueue(db(), ngoc, now, { tab: 'unit', filters: { due: 'overdue' }, pageSize: 500 });
    assert.ok(overdue.items.every((i) => i.due === 'overdue') && overdue.items.some((i) => i.id === late));
    const received = await listWorkQueue(db(), ngoc, now, { tab: 'unit', filters: { receivedFrom: '2026-12-07', receivedTo: '2026-12-07' }, pageSize: 500 });
    assert.ok(received.items.some((i) => i.id === fresh) && !received.items.some((i) => i.id === late));
    assert.equal((await listWorkQueue(db(), ngoc, now, { tab: 'unit', filters: { step: 'PHE_DUYET' }, pageSize: 500 })).items.some((i) => i.id === fresh), false);
    assert.ok((await listWorkQueue(db(), ngoc, now, { tab: 'unit', filters: { procedure: '1.003197' }, pageSize: 500 })).items.every((i) => i.procedureCode === '1.003197'));
    const paged = await listWorkQueue(db(), ngoc, now, { tab: 'unit', pageSize: 2, page: 2 });
    assert.equal(paged.items.length, 2);
    assert.deepEqual(paged.items.map((i) => i.id), all.items.slice(2, 4).map((i) => i.id));
  });

  it('is refused to a citizen', async () => {
    await assert.rejects(listWorkQueue(db(), citizen, now, {}), failsWith('forbidden'));
  });
});
