import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { findAgency, findPublishedProcedureVersion } from '../catalog/procedure-versions.ts';
import { describeApplicant } from '../identity/describe-applicant.ts';

/**
 * What the online filing page needs (issue 4 §3): the procedure's cases and the agencies that take it, the
 * applicant's data with where each piece comes from — verified values locked, declared ones marked (P-01) — and
 * the components the applicant will bring or send.
 */
export async function getFilingForm(db: Kysely<Database>, actor: Actor, procedureCode: string) {
  const accountId = actor.kind === 'person' ? actor.accountId : undefined;
  authorize(actor, 'dossier.submit', { ownerAccountId: accountId });
  const procedure = await findPublishedProcedureVersion(db, procedureCode);
  if (!procedure || !procedure.definition.channels.includes('online')) throw new AppError('procedureNotFound', [], { code: procedureCode });
  const [applicant, agencies] = await Promise.all([
    describeApplicant(db, accountId!),
    Promise.all(procedure.definition.implementingAgencyCodes.map((code) => findAgency(db, { code }))),
  ]);
  if (!applicant) throw new AppError('forbidden');
  return {
    procedure: { code: procedureCode, name: procedure.definition.name, cases: procedure.definition.cases.map((c) => ({ code: c.code, name: c.name })) },
    agencies: agencies.flatMap((a) => (a ? [{ code: a.code, name: a.name }] : [])),
    applicant,
    components: procedure.definition.components.map((c) => ({ name: c.name, originals: c.originals, copies: c.copies, required: c.required, caseCodes: c.caseCodes })),
  };
}

export type FilingForm = Awaited<ReturnType<typeof getFilingForm>>;
