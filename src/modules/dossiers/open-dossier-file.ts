import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { openStoredFile, type OpenedFile } from '../../platform/files/open-stored-file.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { isAllowedOnDossier } from './act-on-dossier.ts';
import { findDossierFile } from './dossier-files.ts';
import { findOwnDossier } from './get-draft.ts';
import { findDossier } from './repository.ts';

/**
 * A file of the applicant's own dossier for download (issue 4 §3): its components, notices and results, never the
 * agency's internal files. Streamed under its stored display name with a safe Content-Disposition and nosniff.
 */
export async function openApplicantDossierFile(db: Kysely<Database>, store: FileStore, actor: Actor, reference: string, dossierFileId: number): Promise<OpenedFile> {
  const dossier = await findOwnDossier(db, actor, reference);
  const file = await findDossierFile(db, dossier.id, dossierFileId);
  if (!file || file.purpose === 'internal') throw new AppError('fileNotFound');
  return openStoredFile({ db, store }, file.stored_file_id);
}

/** A file of a dossier for an officer who may read it (dossier.read on one of its units, S-g). */
export async function openOfficerDossierFile(db: Kysely<Database>, store: FileStore, actor: Actor, dossierId: string, dossierFileId: number): Promise<OpenedFile> {
  const dossier = await findDossier(db, dossierId);
  // A draft is the applicant's alone until it is filed.
  if (!dossier || dossier.status === 0) throw new AppError('dossierNotFound');
  if (!isAllowedOnDossier(actor, 'dossier.read', dossier)) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const file = await findDossierFile(db, dossier.id, dossierFileId);
  if (!file) throw new AppError('fileNotFound');
  return openStoredFile({ db, store }, file.stored_file_id);
}
