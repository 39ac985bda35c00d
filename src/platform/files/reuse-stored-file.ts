import { AppError } from '../http/app-error.ts';
import type { UseCaseContext } from '../context.ts';
import { insertStoredFile, lockStoredFile } from './repository.ts';
import type { ReuseSource } from './tables.ts';
import { toStoredFile, type StoredFile } from './stored-file.ts';

/**
 * Attaches an already stored document again, linked to its source (S-d "reuse linked to source"; SYNC-02
 * DuocTaiSuDung; IDX-4.3): the same object, a new row. The caller has authorised access to the record the source
 * belongs to (the person's earlier dossier, or a result issued to them).
 */
export async function reuseStoredFile(context: UseCaseContext, sourceFileId: string, source: ReuseSource): Promise<StoredFile> {
  const { actor, db, now } = context;
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (actor.kind === 'client') throw new AppError('forbidden');
  const original = await lockStoredFile(db, sourceFileId);
  if (!original) throw new AppError('fileNotFound');
  const row = await insertStoredFile(db, {
    storage_key: original.storage_key,
    sha256: original.sha256,
    size_bytes: Number(original.size_bytes),
    media_type: original.media_type,
    display_name: original.display_name,
    uploaded_by: actor.kind === 'system' ? null : actor.accountId,
    digitised: original.digitised,
    reuse_source: source,
    reused_from_file_id: original.id,
    from_national_store: false,
    created_at: now,
  });
  return toStoredFile(row);
}
