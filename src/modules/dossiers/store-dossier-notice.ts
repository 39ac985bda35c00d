import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { storeUpload } from '../../platform/files/store-upload.ts';
import { documentUploadPolicy } from '../../platform/files/upload-policy.ts';
import type { OutboxHandler } from '../../platform/outbox/deliver-outbox.ts';
import type { StoreNoticeRequest } from './announce-dossier-action.ts';
import { attachDossierFile, findNoticeFile } from './dossier-files.ts';
import { buildDossierNotice } from './render-dossier-notice.ts';
import { findDossier, lockDossier } from './repository.ts';

export interface StoreNoticeDeps {
  db: Kysely<Database>;
  files: FileStore;
  publicUrl: string;
  now: () => Date;
}

/**
 * Renders the notice an action issued exactly as it is downloaded (`buildDossierNotice` for that seq) and stores it
 * with the dossier as a `notice` file (issue 4 §5, FORM-02): from then on every download is the same bytes. Run by
 * the outbox worker, so at least once: a notice already stored is left as it is.
 */
export async function storeDossierNotice(deps: StoreNoticeDeps, request: StoreNoticeRequest): Promise<'stored' | 'alreadyStored'> {
  const dossier = await findDossier(deps.db, request.dossierId);
  if (!dossier) throw new Error(`no dossier ${request.dossierId}`);
  if (await findNoticeFile(deps.db, dossier.id, request.seq)) return 'alreadyStored';
  const notice = await buildDossierNotice(deps.db, dossier, request.seq, deps.publicUrl);
  const now = deps.now();
  // The object is written before the row (storeUpload); a second worker's copy loses the race below and is swept.
  const file = await storeUpload({ db: deps.db, actor: { kind: 'system', label: 'notices' }, now, store: deps.files, lang: 'vi' },
    { stream: Readable.from(notice.pdf), fileName: notice.fileName, policy: documentUploadPolicy });
  return deps.db.transaction().execute(async (trx) => {
    await lockDossier(trx, dossier.id);
    if (await findNoticeFile(trx, dossier.id, request.seq)) return 'alreadyStored' as const;
    await attachDossierFile(trx, { dossierId: dossier.id, storedFileId: file.id, purpose: 'notice', actionSeq: request.seq, addedBy: null, now });
    return 'stored' as const;
  });
}

/** The outbox handler of `dossierNotice`. */
export function dossierNoticeHandler(deps: StoreNoticeDeps): OutboxHandler {
  return async (payload) => {
    const p = payload as Partial<StoreNoticeRequest> | null;
    if (typeof p?.dossierId !== 'string' || typeof p.seq !== 'number') throw new Error('malformed dossier notice payload');
    await storeDossierNotice(deps, { dossierId: p.dossierId, seq: p.seq });
  };
}
