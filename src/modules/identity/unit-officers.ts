import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** An active officer who works at a unit, with the roles held there (at the unit itself or at a unit above it). */
export interface UnitOfficer { accountId: string; name: string; roles: string[] }

/**
 * The active officers holding a role at each of these units — directly or at a unit above, since a grant covers
 * the granting unit's subtree (0003) — for choosing whom to assign a dossier to or who covers an absence
 * (issue 4 §2). Keyed by unit id; each unit's officers sorted by name.
 */
export async function listUnitOfficers(db: Db, agencyIds: readonly number[]): Promise<Map<number, UnitOfficer[]>> {
  const result = new Map<number, UnitOfficer[]>(agencyIds.map((id) => [id, []]));
  if (agencyIds.length === 0) return result;
  const rows = await sql<{ unit_id: number; account_id: string; name: string; roles: string[] }>`
    WITH RECURSIVE above (unit_id, agency_id) AS (
      SELECT id, id FROM agency WHERE id IN (${sql.join([...agencyIds])})
      UNION
      SELECT above.unit_id, a.parent_id FROM above JOIN agency a ON a.id = above.agency_id WHERE a.parent_id IS NOT NULL
    )
    SELECT above.unit_id, acc.id AS account_id, acc.display_name AS name, array_agg(DISTINCT r.role_code ORDER BY r.role_code) AS roles
    FROM above JOIN officer_role r ON r.agency_id = above.agency_id JOIN account acc ON acc.id = r.account_id
    WHERE acc.kind = 'officer' AND acc.status = 'active'
    GROUP BY above.unit_id, acc.id, acc.display_name
    ORDER BY acc.display_name`.execute(db);
  for (const row of rows.rows) result.get(Number(row.unit_id))?.push({ accountId: row.account_id, name: row.name, roles: row.roles });
  return result;
}

