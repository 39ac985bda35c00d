import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { findOwnDossier } from './get-draft.ts';
import { markDraftDiscarded } from './repository.ts';

/**
 * The applicant deletes a draft (issue 4 §3). It is kept as a record with `discarded_at` (0014) and never shown to
 * them again; a filed dossier cannot be deleted this way (withdrawal is a request to the agency).
 */
export async function discardDraft(db: Kysely<Database>, actor: Actor, now: Date, reference: string): Promise<void> {
  const dossier = await findOwnDossier(db, actor, reference);
  if (dossier.status !== 0 || !(await markDraftDiscarded(db, dossier.id, now))) {
    throw new AppError('transitionNotAllowed', [], { status: dossier.status, action: 'discarded' });
  }
}
