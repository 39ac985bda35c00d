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
 * Whether the actor holds the permission on this dossier: the applicant on their own; an officer at the unit the
 * dossier was filed with, at its one-stop desk, or at the unit of its current step (each including the units above).
 * A unit asked for its opinion (issue 4 §5) may only read the dossier, and only until it answers: it never gains
 * the right to act on it (its answer is authorised by the consultation itself, `answer-consultation.ts`).
 */
export function isAllowedOnDossier(actor: Actor, permission: string,
  dossier: { applicant_account_id: string | null; receiving_agency_id: number; desk_agency_id: number; current_agency_id: number | null; consulting_agency_ids?: readonly number[] }): boolean {
  if (actor.kind === 'person') return isAllowed(actor, permission, { ownerAccountId: dossier.applicant_account_id ?? undefined });
  const units = [dossier.receiving_agency_id, dossier.desk_agency_id, ...(dossier.current_agency_id === null ? [] : [dossier.current_agency_id])];
  if (permission === 'dossier.read') units.push(...(dossier.consulting_agency_ids ?? []));
  return units.some((agencyId) => isAllowed(actor, permission, { agencyId }));
}

/**
 * The frame of every officer or applicant action on a dossier: find it, authorise the actor for this dossier
 * (its owner, or an officer holding the permission over one of its units), let the use case check its own rules, then
 * append the action in one transaction.
 */
export async function actOnDossier(db: Kysely<Database>, input: {
  /** Any one of these suffices (e.g. the desk or the handling officer may forward). */
  actor: Actor; now: Date; dossierId: string; permissions: readonly string[];
  action: (dossier: DossierRow, trx: Transaction<Database>) => Promise<Omit<NewAction, 'at' | 'actor'>> | Omit<NewAction, 'at' | 'actor'>;
}): Promise<DossierProjection> {
  const dossier = await findDossier(db, input.dossierId);
  if (!dossier) throw new AppError('dossierNotFound');
  if (!input.permissions.some((permission) => isAllowedOnDossier(input.actor, permission, dossier))) {
    throw new AppError(input.actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  }
  return db.transaction().execute(async (trx) => {
    const action = await input.action(dossier, trx);
    return appendDossierAction(trx, dossier.id, { ...action, at: input.now, actor: input.actor });
  });
}
