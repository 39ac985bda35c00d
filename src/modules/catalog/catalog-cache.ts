import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { RevisionCache } from '../../platform/cache/revision-cache.ts';
import { readCatalogRevision } from './repository.ts';

/** The catalogue's read cache, keyed by the catalogue revision; shared by the catalogue's read use cases. */
export function createCatalogCache(db: Kysely<Database>, checkEveryMs: number): RevisionCache {
  return new RevisionCache(() => readCatalogRevision(db), checkEveryMs);
}
