import { listGrantChoices } from './list-grant-choices.ts';
import { loadManagedOfficer } from './load-officer.ts';
import { isSelf, mayAssignRole } from './scope.ts';
import { readUnits } from './units.ts';
import type { AdminContext } from './admin-context.ts';

/** An officer's record for the detail page, with what this administrator may change on it. */
export async function getOfficer(ctx: Pick<AdminContext, 'db' | 'actor' | 'now'>, accountId: string) {
  const units = await readUnits(ctx.db, ctx.now);
  const { account, roles } = await loadManagedOfficer(ctx.db, ctx.actor, units, accountId);
  const choices = await listGrantChoices(ctx.db, ctx.actor, units);
  const permissionsOf = new Map(choices.roles.map((r) => [r.code, r.permissions]));
  const self = isSelf(ctx.actor, accountId);
  return {
    account: {
      id: account.id, displayName: account.display_name, email: account.email, phone: account.phone, status: account.status,
      mfaEnrolled: account.totp_enabled_at !== null, recoveryCodesLeft: account.recovery_code_hashes.length, createdAt: account.created_at,
    },
    roles: roles.map((r) => ({ ...r, changeable: !self && mayAssignRole(ctx.actor, r.agency_id, permissionsOf.get(r.role_code) ?? []) })),
    grantableUnits: choices.grantableUnits,
    grantableRoles: choices.grantableRoles,
    self,
  };
}

export type OfficerDetail = Awaited<ReturnType<typeof getOfficer>>;
