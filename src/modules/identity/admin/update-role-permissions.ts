import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { auditedBy, type AdminContext, type Outcome } from './admin-context.ts';
import { isKnownPermission, knownPermissions } from './permissions.ts';
import { findRole, listRoleRowsOf, replaceRolePermissions } from './repository-admin.ts';

/**
 * Sets the permissions a role grants (S-f). Every holder gets the change on their next request: grants are
 * read fresh. Only known permissions are accepted, and an administrator cannot take role.manage away from a
 * role it holds itself (that would leave the province without anyone able to undo it).
 */
export async function updateRolePermissions(ctx: AdminContext, input: { roleCode: string; permissions: readonly string[] }): Promise<Outcome<object>> {
  authorize(ctx.actor, 'role.manage');
  if (!input.permissions.every(isKnownPermission)) return { ok: false, problems: [{ field: 'permissions', key: 'admin.error.unknownPermission' }] };
  return ctx.db.transaction().execute(async (trx) => {
    const role = await findRole(trx, input.roleCode);
    if (!role) throw new AppError('notFound');
    // A permission a newer migration granted but this list does not know yet is not on the form: keep it.
    const wanted = [...knownPermissions.map((p) => p.code).filter((code) => input.permissions.includes(code)), ...role.permissions.filter((p) => !isKnownPermission(p))];
    if (ctx.actor.kind === 'officer' && role.permissions.includes('role.manage') && !wanted.includes('role.manage')) {
      const own = await listRoleRowsOf(trx, [ctx.actor.accountId]);
      if (own.some((r) => r.role_code === role.code)) return { ok: false, problems: [{ field: 'permissions', key: 'admin.error.lockout' }] };
    }
    await replaceRolePermissions(trx, role.code, wanted);
    await appendAuditEntry(trx, ctx.now, {
      ...auditedBy(ctx), action: 'identity.role.permissionsChanged', targetType: 'role', targetId: role.code,
      before: { permissions: role.permissions }, after: { permissions: [...wanted].sort() },
    });
    return { ok: true };
  });
}
