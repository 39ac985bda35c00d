import type { Readable } from 'node:stream';
import { create as contentDisposition } from 'content-disposition';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import { AppError } from '../http/app-error.ts';
import type { FileStore } from './file-store.ts';
import { findStoredFile } from './repository.ts';
import { toStoredFile, type StoredFile } from './stored-file.ts';

export interface OpenedFile {
  file: StoredFile;
  stream: Readable;
  /** Ready for `reply.headers(...)`: the sniffed type, the length and a safe Content-Disposition. */
  headers: Record<string, string>;
}

/**
 * Opens a stored file for download. Files have no owner rule of their own: the caller reaches a file through
 * the record that holds it (a dossier's component, a result) and authorises that record first.
 * `inline` lets a browser show a PDF or scan in place (P-04: legible on screen); the content was sniffed and is
 * never HTML or script, and `nosniff` keeps the browser to the declared type.
 */
export async function openStoredFile(context: { db: Kysely<Database> | Transaction<Database>; store: FileStore }, id: string,
  options: { disposition?: 'attachment' | 'inline' } = {}): Promise<OpenedFile> {
  const row = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? await findStoredFile(context.db, id) : undefined;
  if (!row) throw new AppError('fileNotFound');
  // A row always has its object (written first, swept only when unreferenced): a missing one is a fault, not a 404.
  const stream = await context.store.get(row.storage_key);
  const file = toStoredFile(row);
  return {
    file,
    stream,
    headers: {
      'content-type': file.mediaType,
      'content-length': String(file.sizeBytes),
      'content-disposition': contentDispositionFor(file.displayName, options.disposition ?? 'attachment'),
      'x-content-type-options': 'nosniff',
    },
  };
}

/** RFC 6266: the UTF-8 name in `filename*`, and a plain ASCII fallback ("Giấy khai sinh.pdf" → "Giay khai sinh.pdf"). */
export function contentDispositionFor(displayName: string, type: 'attachment' | 'inline'): string {
  const asciiFallback = displayName.normalize('NFD').replace(/\p{Mn}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '_');
  return contentDisposition(displayName, { type, fallback: asciiFallback });
}
