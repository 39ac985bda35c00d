import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { ApplicantSnapshot } from './tables.ts';

// SQL for the dossier tables only; the rules live in the use cases.
type Db = Kysely<Database> | Transaction<Database>;

export async function insertDossier(trx: Transaction<Database>, d: {
  reference: string; procedureId: number; procedureVersionId: number; caseCode: string; applicantAccountId: string | null;
  applicant: ApplicantSnapshot; channel: 'online' | 'desk' | 'postal'; receivingAgencyId: number; deskAgencyId: number; processId: number | null; summary: string;
  formData: Record<string, unknown>; idempotencyKey: string | null; now: Date;
}): Promise<string> {
  const row = await trx.insertInto('dossier').values({
    reference: d.reference, code: null, procedure_id: d.procedureId, procedure_version_id: d.procedureVersionId, case_code: d.caseCode,
    applicant_account_id: d.applicantAccountId, applicant: JSON.stringify(d.applicant), channel: d.channel, receiving_agency_id: d.receivingAgencyId,
    desk_agency_id: d.deskAgencyId, process_id: d.processId, summary: d.summary, form_data: JSON.stringify(d.formData), idempotency_key: d.idempotencyKey, status: 0, created_at: d.now, updated_at: d.now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findDossierByIdempotencyKey(db: Db, accountId: string, key: string) {
  return db.selectFrom('dossier').select(['id', 'reference', 'status']).where('applicant_account_id', '=', accountId).where('idempotency_key', '=', key).executeTakeFirst();
}

/** The header, locked for the rest of the transaction: actions on one dossier are applied one at a time. */
export async function lockDossier(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('dossier').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findDossier(db: Db, id: string) {
  return db.selectFrom('dossier').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listActions(db: Db, dossierId: string) {
  return db.selectFrom('dossier_action').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
}

export async function insertAction(trx: Transaction<Database>, a: {
  dossierId: string; seq: number; kind: string; at: Date; actorId: string | null; actorLabel: string; fromStatus: number; toStatus: number;
  reason: string | null; payload: Record<string, unknown>;
}): Promise<void> {
  await trx.insertInto('dossier_action').values({
    dossier_id: a.dossierId, seq: a.seq, kind: a.kind, at: a.at, actor_id: a.actorId, actor_label: a.actorLabel,
    from_status: a.fromStatus, to_status: a.toStatus, reason: a.reason, payload: JSON.stringify(a.payload),
  }).execute();
}

export async function writeProjection(trx: Transaction<Database>, id: string, p: {
  status: number; code: string | null; submittedAt: Date | null; receivedAt: Date | null; dueAt: Date | null; originalDueAt: Date | null;
  resolvedAt: Date | null; returnedAt: Date | null; refusedAt: Date | null; stoppedAt: Date | null; actionCount: number; now: Date;
  currentStep: string | null; currentAgencyId: number | null; assigneeId: string | null; stepStartedAt: Date | null; stepDueAt: Date | null;
  consultingAgencyIds?: number[];
}): Promise<void> {
  await trx.updateTable('dossier').set({
    status: p.status, code: p.code, submitted_at: p.submittedAt, received_at: p.receivedAt, due_at: p.dueAt, original_due_at: p.originalDueAt,
    resolved_at: p.resolvedAt, returned_at: p.returnedAt, refused_at: p.refusedAt, stopped_at: p.stoppedAt, action_count: p.actionCount, updated_at: p.now,
    current_step: p.currentStep, current_agency_id: p.currentAgencyId, assignee_id: p.assigneeId, step_started_at: p.stepStartedAt, step_due_at: p.stepDueAt,
    ...(p.consultingAgencyIds ? { consulting_agency_ids: p.consultingAgencyIds } : {}),
  }).where('id', '=', id).execute();
}

export async function findDossierByCode(db: Db, code: string) {
  return db.selectFrom('dossier').select(['code', 'status', 'procedure_version_id', 'receiving_agency_id', 'received_at', 'due_at', 'resolved_at', 'returned_at'])
    .where('code', '=', code).executeTakeFirst();
}

export async function findDossierByReference(db: Db, reference: string) {
  return db.selectFrom('dossier').selectAll().where('reference', '=', reference).executeTakeFirst();
}

export async function listApplicantDossiers(db: Db, accountId: string, page: { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    db.selectFrom('dossier').select(['reference', 'code', 'status', 'summary', 'procedure_version_id', 'submitted_at', 'due_at', 'updated_at'])
      .where('applicant_account_id', '=', accountId).where('status', '<>', 0).orderBy('created_at', 'desc').limit(page.limit).offset(page.offset).execute(),
    db.selectFrom('dossier').select((eb) => eb.fn.countAll<string>().as('n')).where('applicant_account_id', '=', accountId).where('status', '<>', 0).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Open dossiers (2, 4, 5, 6, 7) whose due date is on or after a date, or not yet known (paused). */
export async function listOpenDossiersDueFrom(db: Db, date: string) {
  return db.selectFrom('dossier').select(['id', 'due_at', 'procedure_version_id', 'case_code', 'channel', 'receiving_agency_id', 'process_id'])
    .where('status', 'in', [2, 4, 5, 6, 7])
    .where((eb) => eb.or([eb('due_at', 'is', null), eb('due_at', '>=', new Date(`${date}T00:00:00+07:00`))]))
    .orderBy('received_at').execute();
}

/** A desk queue page: dossiers at these one-stop desks in these statuses, the most urgent (earliest due, then oldest) first. */
export async function listQueue(db: Db, agencyIds: number[], statuses: number[], page: { limit: number; offset: number }) {
  return db.selectFrom('dossier')
    .select(['id', 'reference', 'code', 'status', 'summary', 'applicant', 'channel', 'submitted_at', 'received_at', 'due_at'])
    .where('desk_agency_id', 'in', agencyIds).where('status', 'in', statuses)
    .orderBy((eb) => eb.fn.coalesce('due_at', 'submitted_at'), 'asc').orderBy('created_at', 'asc')
    .limit(page.limit).offset(page.offset).execute();
}

export async function countQueue(db: Db, agencyIds: number[]) {
  const rows = await db.selectFrom('dossier').select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('desk_agency_id', 'in', agencyIds).groupBy('status').execute();
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}

// Drafts (issue 4 §3): status 0, answers in form_data, deleted ones kept with discarded_at and never listed.

/** The applicant's drafts still open, the most recently saved first. */
export async function listApplicantDrafts(db: Db, accountId: string) {
  return db.selectFrom('dossier').select(['id', 'reference', 'summary', 'procedure_version_id', 'updated_at'])
    .where('applicant_account_id', '=', accountId).where('status', '=', 0).where('discarded_at', 'is', null)
    .orderBy('updated_at', 'desc').limit(100).execute();
}

export async function updateDraftAnswers(db: Db, id: string, formData: Record<string, unknown>, now: Date): Promise<void> {
  await db.updateTable('dossier').set({ form_data: JSON.stringify(formData), updated_at: now })
    .where('id', '=', id).where('status', '=', 0).where('discarded_at', 'is', null).execute();
}

export async function markDraftDiscarded(db: Db, id: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('dossier').set({ discarded_at: now, updated_at: now })
    .where('id', '=', id).where('status', '=', 0).where('discarded_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The applicant's latest filed dossier other than this one, for prefilling fields marked `previous` (P-01). */
export async function findLatestFiledDossier(db: Db, accountId: string, exceptId: string | null) {
  let query = db.selectFrom('dossier').select(['id', 'reference', 'code', 'form_data'])
    .where('applicant_account_id', '=', accountId).where('status', '<>', 0);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.orderBy('submitted_at', 'desc').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}
