import { authorize } from '../../../platform/auth/authorize.ts';
import type { AdminContext } from './admin-context.ts';
import { countOfficersPerAgency } from './repository-admin.ts';
import { manageableAgencyIds } from './scope.ts';
import { readUnits, type Unit } from './units.ts';

export interface UnitNode extends Unit { officers: number; children: UnitNode[] }

/** The part of the agency tree this administrator manages, each unit with the number of officers holding a role there. */
export async function listUnits(ctx: Pick<AdminContext, 'db' | 'actor' | 'now'>): Promise<UnitNode[]> {
  authorize(ctx.actor, 'officer.manage');
  const [units, counts] = await Promise.all([readUnits(ctx.db, ctx.now), countOfficersPerAgency(ctx.db)]);
  const scope = manageableAgencyIds(ctx.actor);
  const nodes = new Map(units.all.filter((u) => scope.has(u.id)).map((u) => [u.id, { ...u, officers: counts.get(u.id) ?? 0, children: [] as UnitNode[] }]));
  const tops: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : tops).push(node);
  }
  return tops;
}
