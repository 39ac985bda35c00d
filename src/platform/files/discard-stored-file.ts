import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import { deleteStoredFile } from './repository.ts';

/**
 * Forgets a stored file (an attachment removed from a draft). Only the row goes here: its object may be shared
 * (dedup, reuse) and is removed by the orphan sweep once no row refers to it, so a rolled-back caller loses
 * nothing. The caller has authorised the change to the record that held the file.
 */
export function discardStoredFile(db: Kysely<Database> | Transaction<Database>, id: string): Promise<boolean> {
  return deleteStoredFile(db, id);
}
