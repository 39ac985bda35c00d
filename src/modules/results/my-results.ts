import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { openStoredFile, type OpenedFile } from '../../platform/files/open-stored-file.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { findResultView, listRecipientResults } from './repository.ts';

/** The person's result store (issue 5 §1, P-16): every result issued to them as a dossier's applicant, newest first. */
export async function listMyResults(db: Kysely<Database>, actor: Actor) {
  if (actor.kind !== 'person') throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  return listRecipientResults(db, actor.accountId);
}

export type MyResults = Awaited<ReturnType<typeof listMyResults>>;

/** Downloads one of the person's results (revoked and replaced ones too, marked as such on the list); others: not found. */
export async function openMyResult(context: { db: Kysely<Database>; store: FileStore }, actor: Actor, resultId: string): Promise<OpenedFile> {
  if (actor.kind !== 'person') throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const result = await findResultView(context.db, resultId);
  if (!result || result.recipient_account_id !== actor.accountId) throw new AppError('resultNotFound');
  return openStoredFile(context, result.stored_file_id, { disposition: 'attachment' });
}
