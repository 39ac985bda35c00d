import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { isAllowedOnDossier } from './act-on-dossier.ts';
import { findDossier, findDossierByReference } from './repository.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The dossier a live-updates stream narrows to (issue 5 §3), by reference (the applicant's page) or id (the
 * officer's): the same read rule as the pages it serves. Someone else's dossier answers like an unknown one.
 */
export async function findWatchedDossier(db: Kysely<Database>, actor: Actor, referenceOrId: string): Promise<{ id: string }> {
  const dossier = uuid.test(referenceOrId) ? await findDossier(db, referenceOrId) : await findDossierByReference(db, referenceOrId);
  if (!dossier || dossier.discarded_at || !isAllowedOnDossier(actor, 'dossier.read', dossier)) throw new AppError('dossierNotFound');
  return { id: dossier.id };
}
