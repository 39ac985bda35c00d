import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';

/**
 * The active citizen account whose personal identification number (CCCD) was VERIFIED by an identity provider or
 * a national database (P-01), for linking a dossier the desk entered on paper to that person's "my dossiers".
 * A declared (typed-in) number never matches: anyone can declare anyone's number. Two accounts verified with the
 * same number (which the population database should make impossible) match neither.
 */
export async function findVerifiedCitizen(db: Kysely<Database> | Transaction<Database>, personalId: string): Promise<{ accountId: string; name: string } | undefined> {
  const rows = await db.selectFrom('profile_attribute as p').innerJoin('account as a', 'a.id', 'p.account_id')
    .select(['a.id', 'a.display_name']).where('p.name', '=', 'personalId').where('p.verified', '=', true).where('p.value', '=', personalId)
    .where('a.kind', '=', 'citizen').where('a.status', '=', 'active').limit(2).execute();
  return rows.length === 1 ? { accountId: rows[0]!.id, name: rows[0]!.display_name } : undefined;
}
