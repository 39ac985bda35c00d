import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { findAgency, findPublishedProcedureVersion } from '../catalog/procedure-versions.ts';
import { describeApplicant } from '../identity/describe-applicant.ts';
import { firstStep } from '../workflow/process/process-definition.ts';
import { processForNewDossier } from '../workflow/process/load-dossier-process.ts';
import { appendDossierAction } from './append-dossier-action.ts';
import { findDossierByIdempotencyKey, findLatestFiledDossier, insertDossier } from './repository.ts';
import { resolveEForm } from '../catalog/e-form.ts';
import { lockedValues, prefillAnswers, prefilledValues, validateAnswers } from './e-form-answers.ts';
import type { ApplicantSnapshot } from './tables.ts';

export interface SubmitDossierInput {
  procedureCode: string;
  caseCode: string;
  receivingAgencyCode: string;
  formData: Record<string, unknown>;
  summary?: string;
  /** Chosen by the client for this submission: retries and double clicks carry the same key. */
  idempotencyKey: string;
  /**
   * Check `formData` against the case's e-form (issue 4 §3): its JSON Schema, field by field, with verified profile
   * values taking the place of whatever was sent. The API and the portal ask for it; internal callers (the demo
   * seed) file without answers.
   */
  checkEForm?: boolean;
}

// CODE-02: a reference the applicant can quote before the dossier code exists; unambiguous characters only.
const referenceAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newDossierReference(now: Date): string {
  const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, '');
  return `HS${day}-${[...randomBytes(6)].map((b) => referenceAlphabet[b % referenceAlphabet.length]).join('')}`;
}

/**
 * A citizen or business files a dossier online (issue 4 §3): status 1 "Mới đăng ký", pinned to the procedure
 * version in force. The same idempotency key always answers with the same dossier, so a retried or doubled
 * request never makes two — even when both arrive at once on different app instances.
 */
export function submitDossier(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: SubmitDossierInput): Promise<{ id: string; reference: string; created: boolean }> {
  return createDossier(db, actor, now, lang, input, 'submitted');
}

/**
 * Creates an online dossier under the published procedure version: `submitted` files it (status 1), `drafted`
 * keeps it as the applicant's draft (status 0, issue 4 §3). Either way the idempotency key makes it once.
 */
export async function createDossier(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: SubmitDossierInput,
  kind: 'submitted' | 'drafted'): Promise<{ id: string; reference: string; created: boolean }> {
  const accountId = actor.kind === 'person' ? actor.accountId : undefined;
  authorize(actor, 'dossier.submit', { ownerAccountId: accountId });
  const existing = await findDossierByIdempotencyKey(db, accountId!, input.idempotencyKey);
  if (existing) return { id: existing.id, reference: existing.reference, created: false };

  const procedure = await findPublishedProcedureVersion(db, input.procedureCode);
  if (!procedure) throw new AppError('procedureNotFound', [], { code: input.procedureCode });
  const errors = [];
  if (!procedure.definition.cases.some((c) => c.code === input.caseCode)) errors.push({ path: '/caseCode', message: t(lang, 'dossier.unknownCase') });
  const agency = await findAgency(db, { code: input.receivingAgencyCode });
  if (!agency || !procedure.definition.implementingAgencyCodes.includes(agency.code)) errors.push({ path: '/receivingAgencyCode', message: t(lang, 'dossier.agencyNotImplementing') });
  if (!procedure.definition.channels.includes('online')) errors.push({ path: '/procedureCode', message: t(lang, 'dossier.notOnline') });
  if (errors.length) throw new AppError('validationFailed', errors);
  const applicant = await describeApplicant(db, accountId!);
  if (!applicant) throw new AppError('forbidden');
  let formData = input.formData;
  if (input.checkEForm) {
    const form = resolveEForm(procedure.definition, input.caseCode);
    formData = { ...formData, ...lockedValues(prefillAnswers(form, applicant)) };
    const formErrors = validateAnswers(form, formData, lang).map((e) => ({ ...e, path: `/formData${e.path}` }));
    if (formErrors.length) throw new AppError('validationFailed', formErrors);
  }
  if (kind === 'drafted') {
    // P-01: a new draft starts with what the profile and the latest earlier dossier already say.
    const previous = await findLatestFiledDossier(db, accountId!, null);
    const prefill = prefillAnswers(resolveEForm(procedure.definition, input.caseCode), applicant,
      previous ? { reference: previous.code ?? previous.reference, formData: previous.form_data } : undefined);
    formData = { ...prefilledValues(prefill), ...formData };
  }

  const process = await processForNewDossier(db, procedure.procedureId, procedure.definition, agency!.id);
  try {
    return await db.transaction().execute(async (trx) => {
      const reference = newDossierReference(now);
      const id = await insertDossier(trx, {
        reference, procedureId: procedure.procedureId, procedureVersionId: procedure.versionId, caseCode: input.caseCode,
        applicantAccountId: accountId!, applicant: snapshot(applicant), channel: 'online', receivingAgencyId: agency!.id,
        deskAgencyId: process.stepAgencyIds[firstStep(process.definition).code]!, processId: process.processId,
        summary: input.summary ?? procedure.definition.name, formData, idempotencyKey: input.idempotencyKey, now,
      });
      await appendDossierAction(trx, id, { kind, at: now, actor });
      return { id, reference, created: true };
    });
  } catch (error) {
    // The same key committed first elsewhere: answer with that dossier.
    const winner = await findDossierByIdempotencyKey(db, accountId!, input.idempotencyKey);
    if (winner) return { id: winner.id, reference: winner.reference, created: false };
    throw error;
  }
}

function snapshot(a: NonNullable<Awaited<ReturnType<typeof describeApplicant>>>): ApplicantSnapshot {
  const value = (name: string) => a.attributes[name]?.value;
  return {
    kind: a.kind, name: a.name,
    ...(value('personalId') ? { personalId: value('personalId') } : {}),
    ...(value('taxCode') ? { taxCode: value('taxCode') } : {}),
    ...(value('address') ? { address: value('address') } : {}),
    ...(a.phone ? { phone: a.phone } : {}),
    ...(a.email ? { email: a.email } : {}),
  };
}
