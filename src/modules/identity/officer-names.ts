import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';

/** The display names of officer accounts, for showing who holds a dossier's step (issue 4 §6). */
export async function officerNames(db: Kysely<Database> | Transaction<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom('account').select(['id', 'display_name']).where('id', 'in', unique).where('kind', '=', 'officer').execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
