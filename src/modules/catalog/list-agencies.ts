import type { RevisionCache } from '../../platform/cache/revision-cache.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { vietnameseCollator } from '../../platform/text/fold.ts';
import { listAgencyRows } from './repository.ts';

export interface AgencyView {
  id: number;
  code: string;
  name: string;
  nameEn: string | null;
  shortName: string;
  kind: string;
  parentCode: string | null;
  address: string;
  phone: string;
  email: string;
  validFrom: string;
  validTo: string | null;
}

/** Every agency, with its validity, in the order the tree is read (parents first, siblings by Vietnamese name). */
export async function listAllAgencies(ctx: UseCaseContext, cache: RevisionCache): Promise<AgencyView[]> {
  return cache.get('agencies', async () => {
    const rows = await listAgencyRows(ctx.db);
    const views: AgencyView[] = rows.map((r) => ({
      id: r.id, code: r.code, name: r.name, nameEn: r.name_en, shortName: r.short_name, kind: r.kind, parentCode: r.parent_code,
      address: r.address, phone: r.phone, email: r.email, validFrom: r.valid_from, validTo: r.valid_to,
    }));
    return orderAsTree(views);
  });
}

/** Agencies in force on `day` (effective-dated since the 2025 reorganisation). */
export async function listCurrentAgencies(ctx: UseCaseContext, cache: RevisionCache): Promise<AgencyView[]> {
  const day = isoDay(ctx.now);
  return (await listAllAgencies(ctx, cache)).filter((a) => a.validFrom <= day && (a.validTo === null || a.validTo >= day));
}

export function isoDay(instant: Date): string {
  // Agencies' validity is in Vietnam's calendar days (UTC+7, no daylight saving).
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

const kindOrder = ['province', 'serviceCentre', 'department', 'district', 'commune'];

function orderAsTree(agencies: AgencyView[]): AgencyView[] {
  const children = new Map<string | null, AgencyView[]>();
  const codes = new Set(agencies.map((a) => a.code));
  for (const a of agencies) {
    const parent = a.parentCode !== null && codes.has(a.parentCode) ? a.parentCode : null;
    children.set(parent, [...(children.get(parent) ?? []), a]);
  }
  const ordered: AgencyView[] = [];
  const visit = (parent: string | null) => {
    const list = (children.get(parent) ?? []).sort((x, y) => kindOrder.indexOf(x.kind) - kindOrder.indexOf(y.kind) || vietnameseCollator.compare(x.name, y.name));
    for (const a of list) {
      ordered.push(a);
      visit(a.code);
    }
  };
  visit(null);
  return ordered;
}
