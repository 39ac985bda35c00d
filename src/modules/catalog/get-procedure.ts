import type { RevisionCache } from '../../platform/cache/revision-cache.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { listAllAgencies, type AgencyView } from './list-agencies.ts';
import { findPublishedVersion, listSectorRows } from './repository.ts';
import type { ProcedureDefinition } from './tables.ts';

export interface ProcedureDetail {
  code: string;
  version: number;
  versionId: number;
  publishedAt: Date | null;
  definition: ProcedureDefinition;
  field: { code: string; name: string; nameEn: string | null };
  agencies: AgencyView[];
}

/** The published version of a procedure with its agencies and sector resolved (P-02); 404 when there is none. */
export async function getProcedure(ctx: UseCaseContext, cache: RevisionCache, code: string): Promise<ProcedureDetail> {
  const detail = await cache.get(`procedure:${code}`, async () => {
    const row = await findPublishedVersion(ctx.db, code);
    if (!row) return null;
    const [agencies, sectors] = await Promise.all([listAllAgencies(ctx, cache), listSectorRows(ctx.db)]);
    const definition = row.definition;
    const sector = sectors.find((s) => s.code === definition.fieldCode);
    const byCode = new Map(agencies.map((a) => [a.code, a]));
    return {
      code: row.code,
      version: row.version,
      versionId: row.version_id,
      publishedAt: row.published_at,
      definition,
      field: { code: definition.fieldCode, name: sector?.name ?? definition.fieldCode, nameEn: sector?.name_en ?? null },
      agencies: definition.implementingAgencyCodes.flatMap((c) => byCode.get(c) ?? []),
    } satisfies ProcedureDetail;
  });
  if (!detail) throw new AppError('procedureNotFound', [], { code });
  return detail;
}
