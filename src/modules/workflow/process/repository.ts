import { sql, type Kysely, type Transaction } from 'kysely';
import type { ProcessDefinition } from './process-definition.ts';
import type { Database } from '../../../platform/db/tables.ts';

// SQL for procedure_process only; the rules live in the use cases.
type Db = Kysely<Database> | Transaction<Database>;

export async function findPublishedProcess(db: Db, procedureId: number) {
  return db.selectFrom('procedure_process').select(['id', 'version', 'definition']).where('procedure_id', '=', procedureId).where('status', '=', 'published').executeTakeFirst();
}

export async function findProcess(db: Db, id: number) {
  return db.selectFrom('procedure_process').select(['id', 'procedure_id', 'version', 'status', 'definition']).where('id', '=', id).executeTakeFirst();
}

/** Every version of one procedure's process, newest first: the history the editor shows. */
export async function listProcessVersions(db: Db, procedureId: number) {
  return db.selectFrom('procedure_process').select(['id', 'version', 'status', 'definition', 'note', 'changed_by_label', 'changed_at'])
    .where('procedure_id', '=', procedureId).orderBy('version', 'desc').execute();
}

export async function findDraftProcess(db: Db, procedureId: number) {
  return db.selectFrom('procedure_process').select(['id', 'version', 'definition']).where('procedure_id', '=', procedureId).where('status', '=', 'draft').executeTakeFirst();
}

export async function nextProcessVersion(db: Db, procedureId: number): Promise<number> {
  const row = await db.selectFrom('procedure_process').select(sql<number>`coalesce(max(version), 0)::int`.as('last')).where('procedure_id', '=', procedureId).executeTakeFirstOrThrow();
  return row.last + 1;
}

interface Change { definition: ProcessDefinition; note: string; changedBy: string | null; changedByLabel: string; at: Date }

export async function insertProcess(db: Db, procedureId: number, version: number, status: 'draft' | 'published', change: Change): Promise<number> {
  const row = await db.insertInto('procedure_process').values({
    procedure_id: procedureId, version, status, definition: JSON.stringify(change.definition), note: change.note,
    changed_by: change.changedBy, changed_by_label: change.changedByLabel, changed_at: change.at,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProcess(db: Db, id: number, status: 'draft' | 'published', change: Change): Promise<void> {
  await db.updateTable('procedure_process').set({
    status, definition: JSON.stringify(change.definition), note: change.note, changed_by: change.changedBy, changed_by_label: change.changedByLabel, changed_at: change.at,
  }).where('id', '=', id).execute();
}

/** Retires the published version (it stays pinned by the dossiers filed under it). */
export async function supersedePublishedProcess(db: Db, procedureId: number): Promise<number | null> {
  const row = await db.updateTable('procedure_process').set({ status: 'superseded' }).where('procedure_id', '=', procedureId).where('status', '=', 'published')
    .returning('version').executeTakeFirst();
  return row?.version ?? null;
}

/**
 * Published procedures with where their process stands (its published version, whether a draft waits), a page at a
 * time, filtered by code or by name with the accents folded ("dang ky khai sinh" finds "Đăng ký khai sinh").
 */
export async function listProcedureProcessRows(db: Db, filter: { folded?: string | undefined; limit: number; offset: number }) {
  let q = db.selectFrom('procedure as p').where('p.published_version_id', 'is not', null);
  if (filter.folded) {
    const pattern = `%${filter.folded.replace(/[\\%_]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('p.name_folded', 'like', pattern), eb('p.code', 'like', pattern)]));
  }
  const [{ total }, rows] = await Promise.all([
    q.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
    q.select(['p.id', 'p.code', 'p.name', 'p.name_en', 'p.level'])
      .select((eb) => [
        eb.selectFrom('procedure_process as pp').select('pp.version').whereRef('pp.procedure_id', '=', 'p.id').where('pp.status', '=', 'published').as('published_version'),
        eb.selectFrom('procedure_process as pd').select('pd.version').whereRef('pd.procedure_id', '=', 'p.id').where('pd.status', '=', 'draft').as('draft_version'),
      ])
      .orderBy('p.code').limit(filter.limit).offset(filter.offset).execute(),
  ]);
  return { total, rows };
}

/** The agencies a step may name, by code. */
export async function listAgencyChoices(db: Db) {
  return db.selectFrom('agency').select(['id', 'code', 'name', 'name_en']).orderBy('code').execute();
}
