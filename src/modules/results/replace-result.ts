import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { appendDossierAction } from '../dossiers/append-dossier-action.ts';
import { requireText } from '../dossiers/require-text.ts';
import { transitions, type DossierStatusCode } from '../dossiers/status-machine.ts';
import { lastActionSeq, produceSignedResult, recordSignedResult, type ResultDeps, type SignedResult } from './issue-signed-result.ts';
import { findResultView, lockResult, markResult } from './repository.ts';
import { loadResultDossier } from './result-dossier.ts';
import { requireResultText } from './result-text.ts';

/**
 * Replaces a signed result with a corrected one (issue 5 §1; DL-15 `correctResult`: a new linked version): a leader
 * with `dossier.approve`, in status 9 or 10 (`resultReplaced`, status unchanged), with a reason. The new result is
 * signed and recorded; the old one is marked replaced and its verification page links to the new one.
 */
export async function replaceResult(deps: ResultDeps, actor: Actor, now: Date, lang: Lang,
  input: { resultId: string; reason?: string; title?: string; decision?: string; dossierId?: string }): Promise<SignedResult> {
  const old = await findResultView(deps.db, input.resultId);
  if (!old || (input.dossierId && old.dossier_id !== input.dossierId)) throw new AppError('resultNotFound');
  const loaded = await loadResultDossier(deps.db, actor, old.dossier_id);
  const reason = requireText(input.reason, '/reason', lang);
  const text = requireResultText(input, lang);
  if (old.status !== 'valid' || transitions[loaded.dossier.status as DossierStatusCode].resultReplaced === undefined) {
    throw new AppError('transitionNotAllowed', [], { status: loaded.dossier.status, action: 'resultReplaced' });
  }
  const signed = await produceSignedResult(deps, actor, now, lang, loaded, text);
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockResult(trx, old.id);
    if (row?.status !== 'valid') throw new AppError('transitionNotAllowed', [], { status: loaded.dossier.status, action: 'resultReplaced' });
    await appendDossierAction(trx, loaded.dossier.id, {
      kind: 'resultReplaced', at: now, actor, reason, payload: { resultId: old.id, number: old.number, newResultId: signed.id, newNumber: signed.number, sha256: signed.sha256 },
    });
    await recordSignedResult(trx, actor, now, loaded, text, signed, await lastActionSeq(trx, loaded.dossier.id), old.id);
    await markResult(trx, old.id, { status: 'replaced', reason, at: now, replacedBy: signed.id });
  });
  return signed;
}
