import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { fileTypeFromStream } from 'file-type';
import { AppError } from '../http/app-error.ts';
import { t, type Lang } from '../i18n/messages.ts';
import type { UseCaseContext } from '../context.ts';
import { newStorageKey, type FileStore } from './file-store.ts';
import { UploadMeter, UploadTooLargeError } from './upload-meter.ts';
import { describeKinds, fileKinds, formatFileSize, kindOfMediaType, type FileKind, type UploadPolicy } from './upload-policy.ts';
import { sanitiseDisplayName } from './display-name.ts';
import { insertStoredFile, lockSameContent } from './repository.ts';
import { toStoredFile, type StoredFile } from './stored-file.ts';

export interface StoreUploadInput {
  stream: Readable;
  /** The name the client sent: display metadata only. */
  fileName: string;
  policy: UploadPolicy;
  /** JSON Pointer of the form field, for field-level errors. */
  field?: string;
  /** DuocSoHoa: a paper document scanned at the desk. */
  digitised?: boolean;
  /** DuocLayTuKhoDMQG: fetched from the person's document store on the national portal. */
  fromNationalStore?: boolean;
}

export type StoreUploadContext = UseCaseContext & { store: FileStore; lang: Lang };

/**
 * Streams an upload into the store and records it (P-04, S-d). The bytes are hashed, counted and cut off at the
 * policy's limit as they arrive; the type is sniffed from the content; the object is complete before any SQL
 * runs, so a row never exists without its object. Given an open transaction the row joins it (keep uploads out
 * of long transactions: the object is written before it is needed); given the database it gets its own.
 * The same content uploaded again by the same person shares the first object (dedup by SHA-256).
 */
export async function storeUpload(context: StoreUploadContext, input: StoreUploadInput): Promise<StoredFile> {
  const { actor, store, lang, now } = context;
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (actor.kind === 'client') throw new AppError('forbidden');
  const uploadedBy = actor.kind === 'system' ? null : actor.accountId;
  const field = input.field ?? '/file';
  const { policy } = input;

  const key = newStorageKey();
  const meter = new UploadMeter(policy.maxBytes);
  // The callback form wires errors both ways: a failed store write destroys the source, an oversize source
  // fails the store write (which then leaves nothing behind).
  pipeline(input.stream, meter, () => undefined);
  try {
    await store.put(key, meter);
  } catch (error) {
    if (error instanceof UploadTooLargeError) throw fieldError('fileTooLarge', field, t(lang, 'files.tooLarge', { size: formatFileSize(policy.maxBytes, lang) }));
    throw error;
  }

  let kind: FileKind;
  try {
    if (meter.bytes === 0) throw fieldError('fileEmpty', field, t(lang, 'files.empty'));
    const sniffed = await sniff(store, key);
    if (!sniffed || !policy.kinds.includes(sniffed)) throw fieldError('fileTypeNotAllowed', field, t(lang, 'files.typeNotAllowed', { kinds: describeKinds(policy) }));
    kind = sniffed;
  } catch (error) {
    await store.delete(key);
    throw error;
  }

  const sha256 = meter.digest();
  const record = async (db: UseCaseContext['db']) => {
    const same = await lockSameContent(db, uploadedBy, sha256);
    const row = await insertStoredFile(db, {
      storage_key: same?.storage_key ?? key,
      sha256,
      size_bytes: meter.bytes,
      media_type: fileKinds[kind].mediaType,
      display_name: sanitiseDisplayName(input.fileName, kind, t(lang, 'files.defaultName')),
      uploaded_by: uploadedBy,
      digitised: input.digitised ?? false,
      reuse_source: null,
      reused_from_file_id: null,
      from_national_store: input.fromNationalStore ?? false,
      created_at: now,
    });
    return { row, duplicate: same !== undefined };
  };
  const { db } = context;
  if (db.isTransaction) {
    // The caller's transaction may still roll back: an unused duplicate object is left to the orphan sweep.
    return toStoredFile((await record(db)).row);
  }
  const { row, duplicate } = await db.transaction().execute(record);
  if (duplicate) await store.delete(key);
  return toStoredFile(row);
}

async function sniff(store: FileStore, key: string): Promise<FileKind | undefined> {
  const stream = await store.get(key);
  try {
    const type = await fileTypeFromStream(stream);
    return type ? kindOfMediaType(type.mime) : undefined;
  } finally {
    stream.destroy();
  }
}

function fieldError(code: 'fileTooLarge' | 'fileEmpty' | 'fileTypeNotAllowed', path: string, message: string): AppError {
  return new AppError(code, [{ path, message }]);
}
