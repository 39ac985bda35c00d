import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { StoredFileTable } from './tables.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type StoredFileRow = Selectable<StoredFileTable>;

// Every column is given on insert (the id is generated), so a new row is the whole row but its id.
export type NewStoredFileRow = Required<Omit<Insertable<StoredFileTable>, 'id'>>;

export function insertStoredFile(db: Db, row: NewStoredFileRow): Promise<StoredFileRow> {
  return db.insertInto('stored_file').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findStoredFile(db: Db, id: string): Promise<StoredFileRow | undefined> {
  return db.selectFrom('stored_file').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A row sharing its object with a new one is locked FOR SHARE: it cannot be deleted until the new row is
 * committed, so the orphan sweep never sees its object unreferenced in between.
 */
export function lockStoredFile(db: Db, id: string): Promise<StoredFileRow | undefined> {
  return db.selectFrom('stored_file').selectAll().where('id', '=', id).forShare().executeTakeFirst();
}

export function lockSameContent(db: Db, uploadedBy: string | null, sha256: string): Promise<StoredFileRow | undefined> {
  return db.selectFrom('stored_file').selectAll()
    .where((eb) => (uploadedBy === null ? eb('uploaded_by', 'is', null) : eb('uploaded_by', '=', uploadedBy)))
    .where('sha256', '=', sha256)
    .orderBy('created_at').limit(1).forShare().executeTakeFirst();
}

export async function isStorageKeyReferenced(db: Db, storageKey: string): Promise<boolean> {
  const row = await db.selectFrom('stored_file').select('id').where('storage_key', '=', storageKey).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function deleteStoredFile(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('stored_file').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
