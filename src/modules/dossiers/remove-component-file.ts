import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { detachDossierFile, findDossierFile } from './dossier-files.ts';
import { findOwnDossier } from './get-draft.ts';

/**
 * Takes a file off the applicant's draft (issue 4 §3). Only while it is a draft: once filed, what was attached is
 * part of the record. The row stays with removed_at (0013), so the record of what was once attached survives.
 */
export async function removeComponentFile(db: Kysely<Database>, actor: Actor, now: Date, input: { reference: string; dossierFileId: number }) {
  const dossier = await findOwnDossier(db, actor, input.reference);
  if (dossier.status !== 0) throw new AppError('transitionNotAllowed', [], { status: dossier.status, action: 'drafted' });
  const file = await findDossierFile(db, dossier.id, input.dossierFileId);
  if (!file || file.purpose !== 'component') throw new AppError('fileNotFound');
  await detachDossierFile(db, dossier.id, file.id, now);
  return file;
}
