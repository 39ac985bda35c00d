import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { openStoredFile, type OpenedFile } from '../../platform/files/open-stored-file.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { findNoticeFile } from './dossier-files.ts';
import { buildDossierNotice, mayReadDossierNotices } from './render-dossier-notice.ts';
import { findDossier } from './repository.ts';

export type DossierNoticeDocument = { stored: OpenedFile } | { rendered: { fileName: string; pdf: Buffer } };

/**
 * A notice for download (FORM-02), for the dossier's applicant and the officers who may read it; anyone else gets
 * "not found". The stored copy when there is one (issue 4 §5: the same bytes every time), else rendered now from
 * the action log, as before the worker stores it.
 */
export async function openDossierNotice(db: Kysely<Database>, files: FileStore, actor: Actor, input: { dossierId: string; seq: number; publicUrl: string }): Promise<DossierNoticeDocument> {
  const dossier = await findDossier(db, input.dossierId);
  if (!dossier || !mayReadDossierNotices(actor, dossier)) throw new AppError('dossierNotFound');
  const stored = await findNoticeFile(db, dossier.id, input.seq);
  if (stored) return { stored: await openStoredFile({ db, store: files }, stored.stored_file_id, { disposition: 'inline' }) };
  return { rendered: await buildDossierNotice(db, dossier, input.seq, input.publicUrl) };
}
