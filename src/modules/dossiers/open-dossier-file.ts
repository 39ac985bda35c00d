import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { openStoredFile, type OpenedFile } from '../../platform/files/open-stored-file.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { isAllowedOnDossier } from './act-on-dossier.ts';
import { listDossierFiles } from './dossier-files.ts';
import { findDossier } from './repository.ts';

/**
 * One of a dossier's files (a component, a notice, the result) for the officers who may read the dossier (S-d):
 * reached through the dossier, never by the stored file's id alone. Another agency's files are "not found".
 */
export async function openDossierFile(db: Kysely<Database>, store: FileStore, actor: Actor, input: { dossierId: string; dossierFileId: number }): Promise<OpenedFile> {
  const dossier = await findDossier(db, input.dossierId);
  if (!dossier || actor.kind !== 'officer' || !isAllowedOnDossier(actor, 'dossier.read', dossier)) throw new AppError('fileNotFound');
  const file = (await listDossierFiles(db, dossier.id)).find((f) => f.id === input.dossierFileId);
  if (!file) throw new AppError('fileNotFound');
  return openStoredFile({ db, store }, file.storedFileId, { disposition: 'inline' });
}
