import type { Actor } from '../../../platform/context.ts';
import { isAllowed } from '../../../platform/auth/authorize.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { isAdministrativePermission } from './permissions.ts';

// The scoping rules of officer administration (S-f), as pure functions so they can be tested on their own.

/** The units whose officers this actor manages: everywhere its officer.manage grants reach. */
export function manageableAgencyIds(actor: Actor): ReadonlySet<number> {
  if (actor.kind !== 'officer' || !actor.mfaVerified) return new Set();
  return new Set(actor.grants.filter((g) => g.permission === 'officer.manage').flatMap((g) => [...g.agencyIds]));
}

/**
 * An officer is managed by whoever covers every unit where the officer holds a role: an agency admin never
 * reaches, through a shared officer, into a unit above or beside its own. An officer with no role left is
 * managed from the top (whoever covers every root unit), so stripping roles cannot hide an account.
 */
export function mayManageOfficer(actor: Actor, officerAgencyIds: readonly number[], rootAgencyIds: readonly number[]): boolean {
  const units = officerAgencyIds.length ? officerAgencyIds : rootAgencyIds;
  return units.length > 0 && units.every((agencyId) => isAllowed(actor, 'officer.manage', { agencyId }));
}

export function assertMayManageOfficer(actor: Actor, officerAgencyIds: readonly number[], rootAgencyIds: readonly number[]): void {
  if (!mayManageOfficer(actor, officerAgencyIds, rootAgencyIds)) throw new AppError('forbidden');
}

/**
 * A role may be granted (or taken away) at a unit by someone who manages officers there and who holds, at that
 * unit, every administrative permission the role carries: an agency admin can appoint desk officers and
 * another agency admin below itself, never a province admin.
 */
export function mayAssignRole(actor: Actor, agencyId: number, rolePermissions: readonly string[]): boolean {
  if (!isAllowed(actor, 'officer.manage', { agencyId })) return false;
  return rolePermissions.filter(isAdministrativePermission).every((permission) => isAllowed(actor, permission, { agencyId }));
}

/** Nobody administers their own account here: no self-granted roles, no locking oneself out. */
export function isSelf(actor: Actor, accountId: string): boolean {
  return actor.kind === 'officer' && actor.accountId === accountId;
}
