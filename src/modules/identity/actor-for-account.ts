import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { listOfficerGrants } from './repository.ts';

/**
 * The actor an active account is once fully signed in (second factor included), for work done in that person's
 * name outside a request: seeding the demo's dossiers through the real use cases, and background jobs.
 */
export async function actorForAccount(db: Kysely<Database> | Transaction<Database>, email: string): Promise<Actor> {
  const account = await db.selectFrom('account').select(['id', 'kind', 'display_name']).where('email', '=', email).where('status', '=', 'active').executeTakeFirstOrThrow();
  if (account.kind !== 'officer') return { kind: 'person', accountId: account.id, accountKind: account.kind, name: account.display_name };
  const grants = (await listOfficerGrants(db, account.id)).map((g) => ({ permission: g.permission, agencyIds: new Set(g.agency_ids) }));
  return { kind: 'officer', accountId: account.id, name: account.display_name, mfaVerified: true, grants };
}
