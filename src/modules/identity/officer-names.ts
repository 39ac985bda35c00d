import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';

/** The display names of some accounts (an officer holding a step, a consulted officer), by id. */
export async function accountNames(db: Kysely<Database> | Transaction<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('account').select(['id', 'display_name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
