import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { cleanQuery, foldVietnamese } from '../../platform/text/fold.ts';

/**
 * Published procedures a one-stop desk takes on paper (issue 4 §4): implemented by one of these agencies, or
 * received at their desk by the procedure's process (`procedureIds`), offered at the counter or by post, matching
 * what the officer typed (code prefix, or name and text without diacritics: "dang ky thuong tru").
 */
export async function listDeskProcedures(db: Kysely<Database>, input: { agencyIds: readonly number[]; procedureIds: readonly number[]; q?: string | undefined; limit?: number }) {
  if (input.agencyIds.length === 0 && input.procedureIds.length === 0) return [];
  const q = foldVietnamese(cleanQuery(input.q ?? '', 100)).replace(/[%_\\]/g, ' ').trim();
  let query = db.selectFrom('procedure as p').innerJoin('procedure_version as v', 'v.id', 'p.published_version_id')
    .select(['p.id', 'p.code', 'p.name', sql<string[]>`v.definition -> 'channels'`.as('channels')])
    .where((eb) => eb.or([
      ...(input.agencyIds.length ? [sql<boolean>`p.agency_ids && ${sql.val([...input.agencyIds])}::bigint[]`] : []),
      ...(input.procedureIds.length ? [eb('p.id', 'in', [...input.procedureIds])] : []),
    ]))
    .where(sql<boolean>`(v.definition -> 'channels') ?| array['counter', 'post']`);
  if (q) query = query.where((eb) => eb.or([eb('p.code', 'like', `${q}%`), sql<boolean>`p.search_folded LIKE ${`%${q}%`}`]));
  return query.orderBy('p.name_folded').orderBy('p.code').limit(input.limit ?? 50).execute();
}
