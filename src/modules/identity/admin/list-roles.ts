import { authorize, isAllowed } from '../../../platform/auth/authorize.ts';
import type { AdminContext } from './admin-context.ts';
import { listRolesWithPermissions } from './repository-admin.ts';

/** Roles with their permissions (S-f: permissions are data): readable by officer managers, editable with role.manage. */
export async function listRoles(ctx: Pick<AdminContext, 'db' | 'actor'>) {
  authorize(ctx.actor, 'officer.manage');
  return { roles: await listRolesWithPermissions(ctx.db), editable: isAllowed(ctx.actor, 'role.manage') };
}
