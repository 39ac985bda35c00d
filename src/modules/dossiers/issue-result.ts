import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { toLocal } from '../../platform/clock/local-time.ts';
import type { StoredFile } from '../../platform/files/stored-file.ts';
import type { UploadPolicy } from '../../platform/files/upload-policy.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { attachDossierFile } from './dossier-files.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { listActions, lockDossier } from './repository.ts';
import { requireStep } from './step-authority.ts';
import { requireText } from './require-text.ts';

/** The signed result document: a PDF (the signed scan or the digitally signed file). */
export const resultUploadPolicy: UploadPolicy = { kinds: ['pdf'], maxBytes: 10 * 1024 * 1024 };

/**
 * The clerk issues the result at the issue step (issue 4 §5, ST-09): the signed document the leader approved —
 * the decision or licence, or the refusal letter with its reason (DL-07) — with its number and signing date, is
 * registered and linked to the dossier as its result; the dossier is resolved (→ 9) and goes to the desk to be
 * returned. The file is stored first (`storeMultipartFile`); here it is checked and linked in the same transaction
 * as the action.
 */
export function issueResult(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: {
  dossierId: string; file: StoredFile | undefined; documentNumber: string; signedOn: string;
}) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.register'],
    action: async (dossier, trx) => {
      const step = requireStep(actor, dossier, (await loadClockRules(trx, dossier)).process, ['issue'], lang);
      // The action's seq is the next one: hold the header so no other action takes it meanwhile.
      await lockDossier(trx, dossier.id);
      const actions = await listActions(trx, dossier.id);
      const approval = actions.findLast((a) => a.kind === 'approved');
      if (!approval) throw new AppError('transitionNotAllowed', [{ path: '/', message: t(lang, 'processing.error.notApproved') }], { status: dossier.status });
      const errors = [];
      const documentNumber = (() => { try { return requireText(input.documentNumber, '/documentNumber', lang); } catch { errors.push({ path: '/documentNumber', message: t(lang, 'processing.error.documentNumber') }); return ''; } })();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.signedOn) || Number.isNaN(Date.parse(`${input.signedOn}T00:00:00Z`)) || input.signedOn > toLocal(now).date) {
        errors.push({ path: '/signedOn', message: t(lang, 'processing.error.signedOn') });
      }
      if (!input.file) errors.push({ path: '/file', message: t(lang, 'processing.error.resultFile') });
      else if (input.file.mediaType !== 'application/pdf') errors.push({ path: '/file', message: t(lang, 'files.typeNotAllowed', { kinds: 'PDF' }) });
      if (errors.length) throw new AppError('validationFailed', errors);
      const outcome = (approval.payload as { outcome?: string }).outcome === 'refused' ? 'refused' : 'granted';
      await attachDossierFile(trx, {
        dossierId: dossier.id, storedFileId: input.file!.id, purpose: 'result', actionSeq: actions.length + 1,
        addedBy: actor.kind === 'officer' ? actor.accountId : null, now,
      });
      return {
        kind: 'resolved' as const, ...(outcome === 'refused' && approval.reason ? { reason: approval.reason } : {}),
        payload: { outcome, step: step.code, documentNumber, signedOn: input.signedOn, resultFileId: input.file!.id },
      };
    },
  });
}
