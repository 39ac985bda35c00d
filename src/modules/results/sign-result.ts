import { AppError } from '../../platform/http/app-error.ts';
import type { Actor } from '../../platform/context.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { appendDossierAction } from '../dossiers/append-dossier-action.ts';
import { listActions } from '../dossiers/repository.ts';
import { dossierStatus, transitions, type DossierStatusCode } from '../dossiers/status-machine.ts';
import { lastActionSeq, produceSignedResult, recordSignedResult, type ResultDeps, type SignedResult } from './issue-signed-result.ts';
import { loadResultDossier } from './result-dossier.ts';
import { requireResultText, requireUploadedResult } from './result-text.ts';

/**
 * A leader signs the dossier's result (issue 5 §1): `dossier.approve` over its unit, in status 4 or 9 (ST-M1
 * `resultSigned`, status unchanged). The signed PDF is stored, linked to the dossier as its result and recorded for
 * verification, in one transaction with the action. An online dossier already resolved (9) is then delivered
 * electronically (P-16): the result is in the applicant's store, so the dossier is returned (10, channel online).
 */
export async function signResult(deps: ResultDeps, actor: Actor, now: Date, lang: Lang,
  input: { dossierId: string; title?: string; decision?: string; upload?: Buffer | undefined }): Promise<SignedResult & { delivered: boolean }> {
  const loaded = await loadResultDossier(deps.db, actor, input.dossierId);
  // An uploaded result (P-16) is signed as drafted: only its title is asked; only a procedure declaring one takes it.
  const text = input.upload ? requireUploadedResult(input, loaded.declaredUploads.length > 0, lang) : requireResultText(input, lang);
  if (transitions[loaded.dossier.status as DossierStatusCode].resultSigned === undefined) {
    throw new AppError('transitionNotAllowed', [], { status: loaded.dossier.status, action: 'resultSigned' });
  }
  const signed = await produceSignedResult(deps, actor, now, lang, loaded, text, input.upload ? { kind: 'upload', pdf: input.upload } : { kind: 'template' });
  let delivered = false;
  await deps.db.transaction().execute(async (trx) => {
    const projection = await appendDossierAction(trx, loaded.dossier.id, {
      kind: 'resultSigned', at: now, actor, payload: { resultId: signed.id, number: signed.number, title: text.title, sha256: signed.sha256, source: signed.source },
    });
    await recordSignedResult(trx, actor, now, loaded, text, signed, await lastActionSeq(trx, loaded.dossier.id));
    if (projection.status === dossierStatus.resolved && loaded.dossier.channel === 'online') {
      const early = loaded.dossier.due_at !== null && now < new Date(loaded.dossier.due_at);
      const noticed = (await listActions(trx, loaded.dossier.id)).some((a) => a.kind === 'earlyReturnNoticed');
      await appendDossierAction(trx, loaded.dossier.id, { kind: 'returned', at: now, actor, payload: { channel: 'online', resultId: signed.id, early, earlyNoticed: noticed } });
      delivered = true;
    }
  });
  return { ...signed, delivered };
}
