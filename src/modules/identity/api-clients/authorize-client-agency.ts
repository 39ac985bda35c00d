import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { listRootAgencyIds } from './repository.ts';

/**
 * May this actor create or revoke a client owned by this agency (S-f)? At an agency: apiClient.manage there.
 * Owned by none, the client speaks for the whole province, so apiClient.manage must cover every top unit:
 * an agency's administrator given the permission for its own unit cannot mint or revoke province-wide clients.
 */
export async function authorizeClientAgency(db: Kysely<Database> | Transaction<Database>, actor: Actor, agencyId: number | null): Promise<void> {
  if (agencyId !== null) return authorize(actor, 'apiClient.manage', { agencyId });
  const roots = await listRootAgencyIds(db);
  if (!roots.length) throw new AppError('forbidden');
  for (const root of roots) authorize(actor, 'apiClient.manage', { agencyId: root });
}
