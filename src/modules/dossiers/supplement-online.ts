import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import type { StoredFile } from '../../platform/files/stored-file.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { attachDossierFile } from './dossier-files.ts';
import { findDossierByReference, listActions, lockDossier } from './repository.ts';

export interface SupplementItem { name: string; reason: string }

/**
 * What the desk asked for, as the applicant answers it online (DL-05, Mẫu 02): the items of the latest supplement
 * request of their own dossier while it waits for them (status 5). Anyone else's reference is "not found".
 */
export async function getSupplementRequest(db: Kysely<Database>, actor: Actor, reference: string) {
  const dossier = await findDossierByReference(db, reference);
  if (!dossier || actor.kind !== 'person' || dossier.applicant_account_id !== actor.accountId) throw new AppError('dossierNotFound');
  if (dossier.status !== 5) throw new AppError('transitionNotAllowed', [], { status: dossier.status, action: 'supplemented' });
  const request = (await listActions(db, dossier.id)).findLast((a) => a.kind === 'supplementRequested');
  const payload = (request?.payload ?? {}) as { items?: SupplementItem[]; guidance?: string };
  return {
    dossier: { id: dossier.id, reference: dossier.reference, code: dossier.code, summary: dossier.summary },
    requestedAt: request ? new Date(request.at) : null,
    items: payload.items ?? [],
    guidance: payload.guidance ?? '',
  };
}

export type SupplementRequestView = Awaited<ReturnType<typeof getSupplementRequest>>;

/**
 * The applicant sends the supplement online (DL-04, DL-05): every requested item answered by a document, a text,
 * or both; the files join the dossier as components brought by this action, and the dossier goes back to where
 * it was with the clock resumed by the procedure's rule. The files are stored before this runs (streamed), so a
 * refused answer leaves them unattached and nothing on the dossier changes.
 */
export async function supplementOnline(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: {
  reference: string; answers: { text: string; files: StoredFile[] }[]; note?: string;
}) {
  const request = await getSupplementRequest(db, actor, input.reference);
  const errors = request.items.flatMap((item, i) => {
    const answer = input.answers[i];
    return answer && (answer.text.trim() || answer.files.length) ? [] : [{ path: `/items/${i}`, message: t(lang, 'supplement.itemMissing', { item: item.name }) }];
  });
  if (errors.length) throw new AppError('validationFailed', errors);
  const answers = request.items.map((item, i) => ({
    name: item.name, text: input.answers[i]!.text.trim(),
    files: input.answers[i]!.files.map((f) => ({ id: f.id, name: f.displayName, sha256: f.sha256 })),
  }));
  return actOnDossier(db, {
    actor, now, dossierId: request.dossier.id, permissions: ['dossier.submit'],
    action: async (_dossier, trx) => {
      const locked = await lockDossier(trx, request.dossier.id);
      const seq = locked!.action_count + 1;
      for (const file of input.answers.flatMap((a) => a.files)) {
        await attachDossierFile(trx, { dossierId: request.dossier.id, storedFileId: file.id, purpose: 'component', actionSeq: seq, addedBy: file.uploadedBy, now });
      }
      return { kind: 'supplemented' as const, payload: { byApplicant: true, answers, ...(input.note?.trim() ? { note: input.note.trim() } : {}) } };
    },
  });
}
