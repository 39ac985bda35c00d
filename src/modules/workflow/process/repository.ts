import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';

// SQL for procedure_process only; the rules live in the use cases.
type Db = Kysely<Database> | Transaction<Database>;

export async function findPublishedProcess(db: Db, procedureId: number) {
  return db.selectFrom('procedure_process').select(['id', 'version', 'definition']).where('procedure_id', '=', procedureId).where('status', '=', 'published').executeTakeFirst();
}

export async function findProcess(db: Db, id: number) {
  return db.selectFrom('procedure_process').select(['id', 'procedure_id', 'version', 'status', 'definition']).where('id', '=', id).executeTakeFirst();
}
