import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { FileStore } from './file-store.ts';
import { isStorageKeyReferenced } from './repository.ts';

export const orphanMinAgeMs = 24 * 60 * 60 * 1000;

/**
 * Removes objects no row refers to (a process killed between writing an object and recording it, a refused
 * duplicate in a rolled-back transaction, discarded files) and unfinished writes. Only objects older than a day
 * go: a younger one may belong to an upload whose row is about to be committed.
 */
export async function sweepOrphanFiles(context: { db: Kysely<Database>; store: FileStore; now: Date }, minAgeMs = orphanMinAgeMs): Promise<{ removed: number; incomplete: number }> {
  const cutoff = new Date(context.now.getTime() - minAgeMs);
  let removed = 0;
  for await (const object of context.store.list()) {
    if (object.modifiedAt >= cutoff) continue;
    if (await isStorageKeyReferenced(context.db, object.key)) continue;
    await context.store.delete(object.key);
    removed += 1;
  }
  const incomplete = await context.store.purgeIncomplete(cutoff);
  return { removed, incomplete };
}
