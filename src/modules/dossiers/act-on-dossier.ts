import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { isAllowed } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { appendDossierAction, type NewAction } from './append-dossier-action.ts';
import type { DossierProjection } from './project-dossier.ts';
import { findDossier } from './repository.ts';

type DossierRow = NonNullable<Awaited<ReturnType<typeof findDossier>>>;

/**
 * The frame of every officer or applicant action on a dossier: find it, authorise the actor for this dossier
 * (its owner, or an officer holding the permission over its agency), let the use case check its own rules, then
 * append the action in one transaction.
 */
export async function actOnDossier(db: Kysely<Database>, input: {
  /** Any one of these suffices (e.g. the desk or the handling officer may forward). */
  actor: Actor; now: Date; dossierId: string; permissions: readonly string[];
  action: (dossier: DossierRow, trx: Transaction<Database>) => Promise<Omit<NewAction, 'at' | 'actor'>> | Omit<NewAction, 'at' | 'actor'>;
}): Promise<DossierProjection> {
  const dossier = await findDossier(db, input.dossierId);
  if (!dossier) throw new AppError('dossierNotFound');
  const scope = input.actor.kind === 'person' ? { ownerAccountId: dossier.applicant_account_id ?? undefined } : { agencyId: dossier.receiving_agency_id };
  if (!input.permissions.some((permission) => isAllowed(input.actor, permission, scope))) {
    throw new AppError(input.actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  }
  return db.transaction().execute(async (trx) => {
    const action = await input.action(dossier, trx);
    return appendDossierAction(trx, dossier.id, { ...action, at: input.now, actor: input.actor });
  });
}
