import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { listApplicantDossiers, listApplicantDrafts } from './repository.ts';

/** "Hồ sơ của tôi": the person's own filed dossiers, newest first (P-12), and their open drafts. */
export async function listMyDossiers(db: Kysely<Database>, actor: Actor, page: number, pageSize = 20) {
  const accountId = actor.kind === 'person' ? actor.accountId : undefined;
  authorize(actor, 'dossier.read', { ownerAccountId: accountId });
  const [{ rows, total }, drafts] = await Promise.all([
    listApplicantDossiers(db, accountId!, { limit: pageSize, offset: (page - 1) * pageSize }), listApplicantDrafts(db, accountId!),
  ]);
  // Issue 4 §3: open drafts apart, to continue or delete; deleted ones never come back.
  return { items: rows, drafts, total, page, pageSize };
}
