import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { auditedBy, type AdminContext, type Outcome } from './admin-context.ts';
import { describeRoles, loadManagedOfficer } from './load-officer.ts';
import { findRole, insertOfficerRole, listRoleRowsOf } from './repository-admin.ts';
import { isSelf, mayAssignRole } from './scope.ts';
import { readUnits } from './units.ts';

/**
 * Grants a role at a unit (S-f). Takes effect on the officer's next request: sessions read grants fresh.
 * Refused (403) for a unit or role outside what this administrator may hand out, and on one's own account.
 */
export async function grantRole(ctx: AdminContext, input: { accountId: string; agencyCode: string; roleCode: string }): Promise<Outcome<object>> {
  return ctx.db.transaction().execute(async (trx) => {
    const units = await readUnits(trx, ctx.now);
    const { account, roles } = await loadManagedOfficer(trx, ctx.actor, units, input.accountId);
    if (isSelf(ctx.actor, account.id)) throw new AppError('forbidden');
    const unit = units.byCode.get(input.agencyCode);
    const role = await findRole(trx, input.roleCode);
    if (!unit || !unit.current) return { ok: false, problems: [{ field: 'agency', key: 'admin.error.unknownUnit' }] };
    if (!role) return { ok: false, problems: [{ field: 'role', key: 'admin.error.unknownRole' }] };
    if (!mayAssignRole(ctx.actor, unit.id, role.permissions)) throw new AppError('forbidden');
    if (!(await insertOfficerRole(trx, { accountId: account.id, agencyId: unit.id, roleCode: role.code, now: ctx.now }))) {
      return { ok: false, problems: [{ field: 'role', key: 'admin.error.alreadyHeld' }] };
    }
    await appendAuditEntry(trx, ctx.now, {
      ...auditedBy(ctx), action: 'identity.role.granted', targetType: 'account', targetId: account.id,
      before: { roles: describeRoles(roles) }, after: { roles: describeRoles(await listRoleRowsOf(trx, [account.id])), granted: `${unit.code}:${role.code}` },
    });
    return { ok: true };
  });
}
