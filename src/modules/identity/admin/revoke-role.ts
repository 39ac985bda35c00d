import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { auditedBy, type AdminContext } from './admin-context.ts';
import { describeRoles, loadManagedOfficer } from './load-officer.ts';
import { deleteOfficerRole, findRole, listRoleRowsOf } from './repository-admin.ts';
import { isSelf, mayAssignRole } from './scope.ts';
import { readUnits } from './units.ts';

/**
 * Takes a role away at a unit (S-f). Live sessions lose it on their next request: grants are read fresh.
 * Whoever may not grant the role there may not revoke it either.
 */
export async function revokeRole(ctx: AdminContext, input: { accountId: string; agencyCode: string; roleCode: string }): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const units = await readUnits(trx, ctx.now);
    const { account, roles } = await loadManagedOfficer(trx, ctx.actor, units, input.accountId);
    if (isSelf(ctx.actor, account.id)) throw new AppError('forbidden');
    const unit = units.byCode.get(input.agencyCode);
    const role = await findRole(trx, input.roleCode);
    if (!unit || !role || !roles.some((r) => r.agency_id === unit.id && r.role_code === role.code)) throw new AppError('notFound');
    if (!mayAssignRole(ctx.actor, unit.id, role.permissions)) throw new AppError('forbidden');
    await deleteOfficerRole(trx, { accountId: account.id, agencyId: unit.id, roleCode: role.code });
    await appendAuditEntry(trx, ctx.now, {
      ...auditedBy(ctx), action: 'identity.role.revoked', targetType: 'account', targetId: account.id,
      before: { roles: describeRoles(roles) }, after: { roles: describeRoles(await listRoleRowsOf(trx, [account.id])), revoked: `${unit.code}:${role.code}` },
    });
  });
}
