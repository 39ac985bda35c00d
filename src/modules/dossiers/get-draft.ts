import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { findAgency, getProcedureVersion } from '../catalog/procedure-versions.ts';
import { resolveEForm } from '../catalog/e-form.ts';
import { describeApplicant } from '../identity/describe-applicant.ts';
import { listDossierFiles, listReusableFiles } from './dossier-files.ts';
import { currentAnswers, prefillAnswers, type Answers } from './e-form-answers.ts';
import { findDossierByReference, findLatestFiledDossier } from './repository.ts';

/**
 * The applicant's own dossier by reference, or `dossierNotFound` exactly as for an unknown one (references are not
 * secrets, dossiers are). Deleted drafts are gone for their applicant.
 */
export async function findOwnDossier(db: Kysely<Database>, actor: Actor, reference: string) {
  const dossier = await findDossierByReference(db, reference);
  if (!dossier || actor.kind !== 'person' || dossier.applicant_account_id !== actor.accountId || dossier.discarded_at) throw new AppError('dossierNotFound');
  authorize(actor, 'dossier.submit', { ownerAccountId: dossier.applicant_account_id });
  return dossier;
}

/**
 * Everything the filing pages of a draft need (issue 4 §3): the e-form of its case, the answers so far over the
 * prefilled values (verified ones locked, P-01), the components that apply with what is attached, and what the
 * applicant could reuse from earlier dossiers and issued results (S-d).
 */
export async function getDraft(db: Kysely<Database>, actor: Actor, reference: string) {
  const dossier = await findOwnDossier(db, actor, reference);
  const accountId = dossier.applicant_account_id!;
  const [version, agency, applicant, previous, files, reusable] = await Promise.all([
    getProcedureVersion(db, dossier.procedure_version_id), findAgency(db, { id: dossier.receiving_agency_id }), describeApplicant(db, accountId),
    findLatestFiledDossier(db, accountId, dossier.id), listDossierFiles(db, dossier.id, ['component']), listReusableFiles(db, accountId, dossier.id),
  ]);
  if (!applicant) throw new AppError('forbidden');
  const form = resolveEForm(version.definition, dossier.case_code);
  const prefill = prefillAnswers(form, applicant, previous ? { reference: previous.code ?? previous.reference, formData: previous.form_data } : undefined);
  const saved = dossier.form_data as Answers;
  const procedureCase = version.definition.cases.find((c) => c.code === dossier.case_code);
  return {
    dossier, form, prefill, saved, answers: currentAnswers(saved, prefill),
    procedure: { code: version.code, name: version.definition.name, caseName: procedureCase?.name ?? dossier.case_code },
    agency: agency?.name ?? '',
    components: version.definition.components.filter((c) => c.caseCodes.length === 0 || c.caseCodes.includes(dossier.case_code))
      .map((c) => ({ code: c.code, name: c.name, originals: c.originals, copies: c.copies, required: c.required, note: c.note })),
    files, reusable,
  };
}

export type Draft = Awaited<ReturnType<typeof getDraft>>;
