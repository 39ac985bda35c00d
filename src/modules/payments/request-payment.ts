import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { getProcedureVersion } from '../catalog/procedure-versions.ts';
import { isAllowedOnDossier } from '../dossiers/act-on-dossier.ts';
import { findDossier } from '../dossiers/repository.ts';
import { requestFinancialObligation } from '../dossiers/request-financial-obligation.ts';
import { computeFees, type CaseFee, type FeeInput } from './compute-fees.ts';

const permissions = ['dossier.process', 'dossier.receive'] as const;

/** The fees of the dossier's case, as the catalogue version it was filed under lists them. */
export async function feesOfDossier(db: Kysely<Database>, dossier: { procedure_version_id: number; case_code: string }): Promise<CaseFee[]> {
  const version = await getProcedureVersion(db, dossier.procedure_version_id);
  return version.definition.cases.find((c) => c.code === dossier.case_code)?.fees ?? [];
}

/**
 * A desk officer or specialist asks the applicant to pay (issue 5 §2; ST-06, DL-12): the fees are computed from the
 * case (fixed, per copy, officer-set with a reason) and the dossier moves to status 6 through
 * `requestFinancialObligation`, the clock pausing as the procedure says. The applicant then pays online or at the
 * counter; each attempt is a payment order.
 */
export async function requestPayment(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; fees: FeeInput }) {
  const dossier = await findDossier(db, input.dossierId);
  if (!dossier) throw new AppError('dossierNotFound');
  if (!permissions.some((p) => isAllowedOnDossier(actor, p, dossier))) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const { items } = computeFees(await feesOfDossier(db, dossier), input.fees, lang);
  return requestFinancialObligation(db, actor, now, lang, { dossierId: dossier.id, items });
}
