import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { DossierFilePurpose } from './tables.ts';

// SQL for dossier_file: which stored files belong to a dossier and as what. The rules live in the use cases.
type Db = Kysely<Database> | Transaction<Database>;

export async function attachDossierFile(trx: Db, f: {
  dossierId: string; storedFileId: string; purpose: DossierFilePurpose; componentCode?: string | null; actionSeq?: number | null;
  addedBy: string | null; now: Date;
}): Promise<number> {
  const row = await trx.insertInto('dossier_file').values({
    dossier_id: f.dossierId, stored_file_id: f.storedFileId, purpose: f.purpose, component_code: f.componentCode ?? null,
    action_seq: f.actionSeq ?? null, added_by: f.addedBy, added_at: f.now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The dossier's current files with what the store knows of each, oldest first. */
export async function listDossierFiles(db: Db, dossierId: string, purposes?: readonly DossierFilePurpose[]) {
  let query = db.selectFrom('dossier_file as df').innerJoin('stored_file as f', 'f.id', 'df.stored_file_id')
    .select(['df.id', 'df.purpose', 'df.component_code', 'df.action_seq', 'df.added_by', 'df.added_at', 'f.id as storedFileId', 'f.display_name',
      'f.media_type', 'f.size_bytes', 'f.sha256', 'f.digitised', 'f.reuse_source'])
    .where('df.dossier_id', '=', dossierId).where('df.removed_at', 'is', null);
  if (purposes?.length) query = query.where('df.purpose', 'in', [...purposes]);
  return query.orderBy('df.id').execute();
}

export async function detachDossierFile(trx: Db, dossierId: string, dossierFileId: number, now: Date): Promise<boolean> {
  const result = await trx.updateTable('dossier_file').set({ removed_at: now })
    .where('id', '=', dossierFileId).where('dossier_id', '=', dossierId).where('removed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The stored PDF of the notice an action issued, if it has been stored yet (issue 4 §5). */
export async function findNoticeFile(db: Db, dossierId: string, actionSeq: number) {
  return db.selectFrom('dossier_file').select(['id', 'stored_file_id'])
    .where('dossier_id', '=', dossierId).where('purpose', '=', 'notice').where('action_seq', '=', actionSeq).where('removed_at', 'is', null)
    .orderBy('id').executeTakeFirst();
}

/**
 * What a person could attach again (S-d): the component files of their earlier filed dossiers and the results
 * issued to them, newest first, one per content.
 */
export async function listReusableFiles(db: Db, accountId: string, exceptDossierId: string) {
  const rows = await db.selectFrom('dossier_file as df').innerJoin('dossier as d', 'd.id', 'df.dossier_id').innerJoin('stored_file as f', 'f.id', 'df.stored_file_id')
    .select(['df.id', 'df.purpose', 'f.id as storedFileId', 'f.display_name', 'f.size_bytes', 'f.sha256', 'd.reference', 'd.code'])
    .where('d.applicant_account_id', '=', accountId).where('d.id', '<>', exceptDossierId).where('d.status', '<>', 0)
    .where('df.removed_at', 'is', null).where('df.purpose', 'in', ['component', 'result'])
    .orderBy('df.id', 'desc').limit(200).execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.sha256) && (seen.add(r.sha256), true)).slice(0, 50);
}

/** One of the dossier's files still attached, with its stored file id. */
export async function findDossierFile(db: Db, dossierId: string, dossierFileId: number) {
  return db.selectFrom('dossier_file').selectAll().where('dossier_id', '=', dossierId).where('id', '=', dossierFileId).where('removed_at', 'is', null).executeTakeFirst();
}
