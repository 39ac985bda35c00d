import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { auditedBy, type AdminContext, type Outcome } from './admin-context.ts';
import { describeRoles, loadManagedOfficer } from './load-officer.ts';
import { deleteOfficerRole, insertOfficerRole, listRolesWithPermissions, listRoleRowsOf } from './repository-admin.ts';
import { isSelf, mayAssignRole } from './scope.ts';
import { readUnits } from './units.ts';

/**
 * Moves an officer from one unit to another in one step: every role held at the old unit is revoked there and
 * granted at the new one, in one transaction, so the officer never holds both or neither (S-f).
 */
export async function moveOfficer(ctx: AdminContext, input: { accountId: string; fromAgencyCode: string; toAgencyCode: string }): Promise<Outcome<object>> {
  return ctx.db.transaction().execute(async (trx) => {
    const units = await readUnits(trx, ctx.now);
    const { account, roles } = await loadManagedOfficer(trx, ctx.actor, units, input.accountId);
    if (isSelf(ctx.actor, account.id)) throw new AppError('forbidden');
    const from = units.byCode.get(input.fromAgencyCode);
    const to = units.byCode.get(input.toAgencyCode);
    const moving = roles.filter((r) => r.agency_id === from?.id);
    if (!from || !moving.length) return { ok: false, problems: [{ field: 'from', key: 'admin.error.unknownUnit' }] };
    if (!to || !to.current) return { ok: false, problems: [{ field: 'to', key: 'admin.error.unknownUnit' }] };
    if (to.id === from.id) return { ok: false, problems: [{ field: 'to', key: 'admin.error.sameUnit' }] };
    const permissionsOf = new Map((await listRolesWithPermissions(trx)).map((r) => [r.code, r.permissions]));
    for (const r of moving) {
      const permissions = permissionsOf.get(r.role_code) ?? [];
      if (!mayAssignRole(ctx.actor, from.id, permissions) || !mayAssignRole(ctx.actor, to.id, permissions)) throw new AppError('forbidden');
      await deleteOfficerRole(trx, { accountId: account.id, agencyId: from.id, roleCode: r.role_code });
      await insertOfficerRole(trx, { accountId: account.id, agencyId: to.id, roleCode: r.role_code, now: ctx.now });
    }
    await appendAuditEntry(trx, ctx.now, {
      ...auditedBy(ctx), action: 'identity.officer.moved', targetType: 'account', targetId: account.id,
      before: { roles: describeRoles(roles) }, after: { roles: describeRoles(await listRoleRowsOf(trx, [account.id])), from: from.code, to: to.code },
    });
    return { ok: true };
  });
}
