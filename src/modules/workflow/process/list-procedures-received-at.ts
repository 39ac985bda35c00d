import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';

/**
 * The procedures whose published process receives dossiers at one of these agencies (its first step names the
 * unit, e.g. the province's service centre receiving for a department), for the desk's procedure picker.
 */
export async function listProceduresReceivedAt(db: Kysely<Database>, agencyCodes: readonly string[]): Promise<number[]> {
  if (agencyCodes.length === 0) return [];
  const rows = await db.selectFrom('procedure_process').select('procedure_id').where('status', '=', 'published')
    .where(sql<string>`definition -> 'steps' -> 0 -> 'unit' ->> 'agencyCode'`, 'in', [...agencyCodes]).execute();
  return rows.map((r) => Number(r.procedure_id));
}
