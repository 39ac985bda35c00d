import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { findOfficerAccount, listRoleRowsOf } from './repository-admin.ts';
import { assertMayManageOfficer } from './scope.ts';
import type { Units } from './units.ts';

/**
 * The officer an administrator acts on, with their roles, or a refusal: 404 when there is no such officer,
 * 403 when the officer holds a role outside the administrator's units (S-f).
 */
export async function loadManagedOfficer(db: Kysely<Database> | Transaction<Database>, actor: Actor, units: Units, accountId: string) {
  const account = await findOfficerAccount(db, accountId);
  if (!account) throw new AppError('notFound');
  const roles = await listRoleRowsOf(db, [accountId]);
  assertMayManageOfficer(actor, roles.map((r) => r.agency_id), units.rootIds);
  return { account, roles };
}

/** How a set of role assignments is written in the audit trail: `agencyCode:roleCode`, sorted. */
export function describeRoles(roles: readonly { agency_code: string; role_code: string }[]): string[] {
  return roles.map((r) => `${r.agency_code}:${r.role_code}`).sort();
}
