import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import type { FieldError } from '../../platform/validation/validator.ts';
import { getDraft } from './get-draft.ts';
import { lockedValues, readPostedAnswers, validateAnswers, type Answers } from './e-form-answers.ts';
import { updateDraftAnswers } from './repository.ts';

/**
 * Saves the answers of one e-form page into the draft (issue 4 §3): on "Continue", "Back", "Save draft" and the
 * autosave alike, so nothing typed is lost. Verified values are never taken from the post (P-01). Returns the
 * page's field errors, for "Continue" to refuse to move on; the answers are saved either way.
 */
export async function saveDraftAnswers(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: {
  reference: string; page: number; posted: Record<string, unknown>;
}): Promise<{ errors: FieldError[]; answers: Answers }> {
  const draft = await getDraft(db, actor, input.reference);
  if (draft.dossier.status !== 0) throw new AppError('transitionNotAllowed', [], { status: draft.dossier.status, action: 'drafted' });
  const page = draft.form.ui.pages[input.page];
  if (!page) throw new AppError('notFound');
  const posted = readPostedAnswers(draft.form, input.posted, page.fields);
  const saved = { ...draft.saved };
  for (const name of page.fields) delete saved[name];
  const answers = { ...saved, ...posted, ...lockedValues(draft.prefill) };
  await updateDraftAnswers(db, draft.dossier.id, answers, now);
  return { errors: validateAnswers(draft.form, answers, lang, page.fields), answers };
}
