import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { ResultDocumentTable, ResultStatus } from './tables.ts';

// SQL for result_document. The rules live in the use cases.
type Db = Kysely<Database> | Transaction<Database>;

export function insertResult(trx: Transaction<Database>, row: Insertable<ResultDocumentTable>) {
  return trx.insertInto('result_document').values(row).execute();
}

/** A result with its issuer and dossier, as the verification page and the store show it. */
export function findResultView(db: Db, id: string) {
  return db.selectFrom('result_document as r').innerJoin('agency as a', 'a.id', 'r.agency_id').innerJoin('dossier as d', 'd.id', 'r.dossier_id')
    .select(['r.id', 'r.dossier_id', 'r.number', 'r.title', 'r.issued_at', 'r.recipient_name', 'r.recipient_id', 'r.recipient_account_id',
      'r.stored_file_id', 'r.sha256', 'r.status', 'r.status_reason', 'r.status_changed_at', 'r.replaced_by', 'r.replaces', 'r.signer_subject',
      'r.signer_serial', 'r.certificate_id', 'r.source', 'a.code as agencyCode', 'a.name as agencyName', 'd.code as dossierCode'])
    .where('r.id', '=', id).executeTakeFirst();
}

export type ResultView = NonNullable<Awaited<ReturnType<typeof findResultView>>>;

export function lockResult(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('result_document').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listDossierResults(db: Db, dossierId: string) {
  return db.selectFrom('result_document').select(['id', 'number', 'title', 'issued_at', 'status', 'status_reason', 'replaced_by', 'sha256', 'source'])
    .where('dossier_id', '=', dossierId).orderBy('issued_at').orderBy('number').execute();
}

/** Every result issued to the account (as the dossier's applicant), newest first. */
export function listRecipientResults(db: Db, accountId: string) {
  return db.selectFrom('result_document as r').innerJoin('agency as a', 'a.id', 'r.agency_id').innerJoin('dossier as d', 'd.id', 'r.dossier_id')
    .select(['r.id', 'r.number', 'r.title', 'r.issued_at', 'r.status', 'r.status_reason', 'r.replaced_by', 'r.sha256', 'r.stored_file_id',
      'a.name as agencyName', 'd.code as dossierCode'])
    .where('r.recipient_account_id', '=', accountId).orderBy('r.issued_at', 'desc').execute();
}

export async function markResult(trx: Transaction<Database>, id: string, change: { status: Exclude<ResultStatus, 'valid'>; reason: string; at: Date; replacedBy?: string }) {
  await trx.updateTable('result_document').set({ status: change.status, status_reason: change.reason, status_changed_at: change.at, replaced_by: change.replacedBy ?? null })
    .where('id', '=', id).execute();
}

/**
 * Takes the next number of the agency's results this year: "1/2026/KQ", "2/2026/KQ", … One upsert on the counter
 * row is atomic (the row lock serialises concurrent signers), so two signings never get the same number. A signing
 * that fails after this leaves a gap, as a paper register does when a numbered draft is spoiled.
 */
export async function allocateResultNumber(db: Db, agencyId: number, year: number): Promise<string> {
  const row = await db.insertInto('result_number_counter').values({ agency_id: agencyId, year, last_number: 1 })
    .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet((eb) => ({ last_number: eb('result_number_counter.last_number', '+', 1) })))
    .returning('last_number').executeTakeFirstOrThrow();
  return `${row.last_number}/${year}/KQ`;
}

/** Dossiers of these agencies (as filed) in these statuses, with how many valid results each has, oldest due first. */
export function listDossiersForResults(db: Db, agencyIds: number[], statuses: number[]) {
  return db.selectFrom('dossier as d')
    .select(['d.id', 'd.code', 'd.reference', 'd.status', 'd.applicant', 'd.due_at',
      (eb) => eb.selectFrom('result_document as r').select((e) => e.fn.countAll<string>().as('n')).whereRef('r.dossier_id', '=', 'd.id').where('r.status', '=', 'valid').as('results')])
    .where('d.receiving_agency_id', 'in', agencyIds).where('d.status', 'in', statuses)
    .orderBy((eb) => eb.fn.coalesce('d.due_at', 'd.submitted_at'), 'asc').limit(200).execute();
}
