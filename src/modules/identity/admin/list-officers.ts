import { authorize } from '../../../platform/auth/authorize.ts';
import { cleanQuery } from '../../../platform/text/fold.ts';
import type { AdminContext } from './admin-context.ts';
import { listOfficerRows } from './repository-admin.ts';
import { manageableAgencyIds, mayManageOfficer } from './scope.ts';
import { readUnits } from './units.ts';

export const officerPageSize = 20;

export interface OfficerQuery { q?: string | undefined; unit?: string | undefined; role?: string | undefined; status?: 'pending' | 'active' | 'disabled' | undefined; page: number }

/**
 * The officers this administrator manages (every role of theirs inside its units), searched by name (accents
 * ignored: "hoang thi mai" finds "Hoàng Thị Mai") or e-mail, filtered by unit, role and status, a page at a time.
 */
export async function listOfficers(ctx: Pick<AdminContext, 'db' | 'actor' | 'now'>, query: OfficerQuery) {
  authorize(ctx.actor, 'officer.manage');
  const units = await readUnits(ctx.db, ctx.now);
  const scope = manageableAgencyIds(ctx.actor);
  const unit = query.unit ? units.byCode.get(query.unit) : undefined;
  const q = query.q ? cleanQuery(query.q) : undefined;
  const { total, rows } = await listOfficerRows(ctx.db, {
    scope: [...scope], includeRoleless: mayManageOfficer(ctx.actor, [], units.rootIds),
    query: q || undefined,
    // A unit outside the administrator's reach filters to nothing rather than revealing who works there.
    agencyId: unit ? unit.id : query.unit ? -1 : undefined,
    roleCode: query.role, status: query.status, limit: officerPageSize, offset: (query.page - 1) * officerPageSize,
  });
  return { total, rows, units: units.all.filter((u) => scope.has(u.id)) };
}

export type OfficerList = Awaited<ReturnType<typeof listOfficers>>;
