import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import type { FieldError } from '../../platform/validation/validator.ts';
import { appendDossierAction } from './append-dossier-action.ts';
import { getDraft, type Draft } from './get-draft.ts';
import { validateAnswers } from './e-form-answers.ts';
import { lockDossier, updateDraftAnswers } from './repository.ts';

/** What still stops a draft from being filed: e-form answers by field, and required components by code. */
export function draftProblems(draft: Draft, lang: Lang): FieldError[] {
  const attached = new Set(draft.files.map((f) => f.component_code));
  return [
    ...validateAnswers(draft.form, draft.answers, lang),
    ...draft.components.filter((c) => c.required && !attached.has(c.code)).map((c) => ({ path: `/${c.code}`, message: t(lang, 'eform.components.missing', { name: c.name }) })),
  ];
}

/**
 * Files the applicant's draft (issue 4 §3, ST-01): every answer valid against the e-form's schema (verified values
 * as verified), every required component attached, then `submitted` takes it to status 1 "Mới đăng ký". Filing
 * the same draft twice (a double click, a retried request, two tabs) files it once: the second finds it filed.
 */
export async function submitDraft(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, reference: string): Promise<{ id: string; reference: string; created: boolean }> {
  const draft = await getDraft(db, actor, reference);
  const { dossier } = draft;
  if (dossier.status !== 0) return { id: dossier.id, reference: dossier.reference, created: false };
  const problems = draftProblems(draft, lang);
  if (problems.length) throw new AppError('validationFailed', problems);
  return db.transaction().execute(async (trx) => {
    const locked = await lockDossier(trx, dossier.id);
    if (!locked || locked.status !== 0 || locked.discarded_at) return { id: dossier.id, reference: dossier.reference, created: false };
    await updateDraftAnswers(trx, dossier.id, draft.answers, now);
    await appendDossierAction(trx, dossier.id, { kind: 'submitted', at: now, actor });
    return { id: dossier.id, reference: dossier.reference, created: true };
  });
}
