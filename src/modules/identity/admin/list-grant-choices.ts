import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { authorize, isAllowed } from '../../../platform/auth/authorize.ts';
import { listRolesWithPermissions } from './repository-admin.ts';
import { mayAssignRole } from './scope.ts';
import type { Units } from './units.ts';

/**
 * What an administrator may offer in its forms: current units it manages, and roles it may grant at one of
 * them at least (the use cases check the exact pair again on submit).
 */
export async function listGrantChoices(db: Kysely<Database> | Transaction<Database>, actor: Actor, units: Units) {
  authorize(actor, 'officer.manage');
  const roles = await listRolesWithPermissions(db);
  const grantableUnits = units.all.filter((u) => u.current && isAllowed(actor, 'officer.manage', { agencyId: u.id }));
  const grantableRoles = roles.filter((r) => grantableUnits.some((u) => mayAssignRole(actor, u.id, r.permissions)));
  return { grantableUnits, grantableRoles, roles };
}
