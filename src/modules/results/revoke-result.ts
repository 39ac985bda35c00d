import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { appendDossierAction } from '../dossiers/append-dossier-action.ts';
import { requireText } from '../dossiers/require-text.ts';
import type { ResultDeps } from './issue-signed-result.ts';
import { findResultView, lockResult, markResult } from './repository.ts';
import { loadResultDossier } from './result-dossier.ts';

/**
 * Revokes a signed result with a reason (issue 5 §1): a leader with `dossier.approve` over the dossier's unit, in
 * status 9 or 10 (`resultRevoked`, status unchanged). The verification page then reports it revoked, with the
 * reason and date. Only a valid result can be revoked.
 */
export async function revokeResult(deps: Pick<ResultDeps, 'db'>, actor: Actor, now: Date, lang: Lang, input: { resultId: string; reason?: string; dossierId?: string }): Promise<void> {
  const result = await findResultView(deps.db, input.resultId);
  if (!result || (input.dossierId && result.dossier_id !== input.dossierId)) throw new AppError('resultNotFound');
  const loaded = await loadResultDossier(deps.db, actor, result.dossier_id);
  const reason = requireText(input.reason, '/reason', lang);
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockResult(trx, result.id);
    if (row?.status !== 'valid') throw new AppError('transitionNotAllowed', [], { status: loaded.dossier.status, action: 'resultRevoked' });
    await appendDossierAction(trx, loaded.dossier.id, { kind: 'resultRevoked', at: now, actor, reason, payload: { resultId: result.id, number: result.number } });
    await markResult(trx, result.id, { status: 'revoked', reason, at: now });
  });
}
