import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { listApplicantDossiers } from './repository.ts';

/** "Hồ sơ của tôi": the person's own dossiers, newest first (P-12). */
export async function listMyDossiers(db: Kysely<Database>, actor: Actor, page: number, pageSize = 20) {
  const accountId = actor.kind === 'person' ? actor.accountId : undefined;
  authorize(actor, 'dossier.read', { ownerAccountId: accountId });
  const { rows, total } = await listApplicantDossiers(db, accountId!, { limit: pageSize, offset: (page - 1) * pageSize });
  return { items: rows, total, page, pageSize };
}
