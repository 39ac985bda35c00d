import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { ProcedureDefinition } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** What other modules need of a procedure to file a dossier under it: the published version and its definition. */
export async function findPublishedProcedureVersion(db: Db, code: string): Promise<{ procedureId: number; versionId: number; definition: ProcedureDefinition } | undefined> {
  return db.selectFrom('procedure as p').innerJoin('procedure_version as v', 'v.id', 'p.published_version_id')
    .select(['p.id as procedureId', 'v.id as versionId', 'v.definition']).where('p.code', '=', code).executeTakeFirst();
}

/** A version a dossier pinned (S-a): the definition it is handled under, whatever was published since. */
export async function getProcedureVersion(db: Db, versionId: number): Promise<{ code: string; definition: ProcedureDefinition }> {
  return db.selectFrom('procedure_version as v').innerJoin('procedure as p', 'p.id', 'v.procedure_id')
    .select(['p.code', 'v.definition']).where('v.id', '=', versionId).executeTakeFirstOrThrow();
}

export async function findAgency(db: Db, by: { code: string } | { id: number }): Promise<{ id: number; code: string; name: string; address: string } | undefined> {
  const query = db.selectFrom('agency').select(['id', 'code', 'name', 'address']);
  return ('code' in by ? query.where('code', '=', by.code) : query.where('id', '=', by.id)).executeTakeFirst();
}
