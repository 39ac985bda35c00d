import { authorize } from '../../../platform/auth/authorize.ts';
import { cleanQuery } from '../../../platform/text/fold.ts';
import type { AdminContext } from './admin-context.ts';
import { listAssignmentRows } from './repository-admin.ts';
import { manageableAgencyIds } from './scope.ts';

export const assignmentPageSize = 50;

/** Every role assignment at the units this administrator manages, newest first, searchable by officer, unit or role. */
export async function listRoleAssignments(ctx: Pick<AdminContext, 'db' | 'actor'>, query: { q?: string | undefined; page: number }) {
  authorize(ctx.actor, 'officer.manage');
  const q = query.q ? cleanQuery(query.q) : undefined;
  return listAssignmentRows(ctx.db, {
    scope: [...manageableAgencyIds(ctx.actor)], query: q || undefined, limit: assignmentPageSize, offset: (query.page - 1) * assignmentPageSize,
  });
}
