import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { findAgency } from '../catalog/procedure-versions.ts';
import { isAllowedOnDossier } from './act-on-dossier.ts';
import { appendDossierAction } from './append-dossier-action.ts';
import { allocateDossierCode } from './dossier-code.ts';
import { findDossier } from './repository.ts';

/**
 * The one-stop desk accepts a dossier (ST-02, issue 4 §4): the dossier code of the receiving agency and day
 * (CODE-01), and the due date from this instant by the legal clock (DL-01). Code and action commit together.
 */
export async function receiveDossier(db: Kysely<Database>, actor: Actor, now: Date, dossierId: string): Promise<{ code: string; dueAt: Date | null }> {
  const dossier = await findDossier(db, dossierId);
  if (!dossier) throw new AppError('dossierNotFound');
  if (!isAllowedOnDossier(actor, 'dossier.receive', { ...dossier, current_agency_id: null })) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  return db.transaction().execute(async (trx) => {
    const agency = await findAgency(trx, { id: dossier.receiving_agency_id });
    const code = await allocateDossierCode(trx, agency!, now);
    const projection = await appendDossierAction(trx, dossierId, { kind: 'received', at: now, actor, payload: { code } });
    return { code, dueAt: projection.dueAt };
  });
}
