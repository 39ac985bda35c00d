import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';

// SQL of officer and role administration. Agencies belong to the catalogue: read here, never written.
type Db = Kysely<Database> | Transaction<Database>;

/** A LIKE pattern matching `text` anywhere, with its own wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

export async function listAgencyRows(db: Db) {
  return db.selectFrom('agency').select(['id', 'code', 'name', 'name_en', 'parent_id', 'valid_to']).orderBy('name').execute();
}

/** How many live officers hold at least one role directly at each unit. */
export async function countOfficersPerAgency(db: Db): Promise<Map<number, number>> {
  const rows = await db.selectFrom('officer_role as r').innerJoin('account as a', 'a.id', 'r.account_id')
    .select(['r.agency_id', sql<number>`count(DISTINCT r.account_id)::int`.as('officers')])
    .where('a.status', '<>', 'closed').groupBy('r.agency_id').execute();
  return new Map(rows.map((r) => [r.agency_id, r.officers]));
}

export interface OfficerFilter {
  /** Units the admin manages: an officer with a role anywhere else is not listed. */
  scope: readonly number[];
  /** Whether officers without any role are listed (only for whoever covers the root units). */
  includeRoleless: boolean;
  query?: string | undefined;
  agencyId?: number | undefined;
  roleCode?: string | undefined;
  status?: 'pending' | 'active' | 'disabled' | undefined;
  limit: number;
  offset: number;
}

export async function listOfficerRows(db: Db, f: OfficerFilter) {
  let q = db.selectFrom('account as a').where('a.kind', '=', 'officer').where('a.status', '<>', 'closed')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('officer_role as x').select('x.account_id')
      .whereRef('x.account_id', '=', 'a.id').where('x.agency_id', 'not in', [...f.scope]))));
  if (!f.includeRoleless) q = q.where(({ exists, selectFrom }) => exists(selectFrom('officer_role as y').select('y.account_id').whereRef('y.account_id', '=', 'a.id')));
  if (f.query) {
    const pattern = containing(f.query);
    q = q.where(sql<boolean>`(vn_fold(a.display_name) LIKE vn_fold(${pattern}) OR lower(a.email) LIKE lower(${pattern}))`);
  }
  if (f.agencyId !== undefined || f.roleCode) {
    q = q.where(({ exists, selectFrom }) => {
      let held = selectFrom('officer_role as z').select('z.account_id').whereRef('z.account_id', '=', 'a.id');
      if (f.agencyId !== undefined) held = held.where('z.agency_id', '=', f.agencyId);
      if (f.roleCode) held = held.where('z.role_code', '=', f.roleCode);
      return exists(held);
    });
  }
  if (f.status) q = q.where('a.status', '=', f.status);
  const [{ total }, rows] = await Promise.all([
    q.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
    q.select(['a.id', 'a.display_name', 'a.email', 'a.status', 'a.totp_enabled_at'])
      .orderBy(sql`vn_fold(a.display_name)`).orderBy('a.id').limit(f.limit).offset(f.offset).execute(),
  ]);
  const roles = rows.length ? await listRoleRowsOf(db, rows.map((r) => r.id)) : [];
  return { total, rows: rows.map((r) => ({ ...r, roles: roles.filter((x) => x.account_id === r.id) })) };
}

export async function listRoleRowsOf(db: Db, accountIds: readonly string[]) {
  return db.selectFrom('officer_role as r').innerJoin('role', 'role.code', 'r.role_code').innerJoin('agency as g', 'g.id', 'r.agency_id')
    .select(['r.account_id', 'r.agency_id', 'r.role_code', 'r.granted_at', 'role.name as role_name', 'role.name_en as role_name_en',
      'g.code as agency_code', 'g.name as agency_name', 'g.name_en as agency_name_en'])
    .where('r.account_id', 'in', [...accountIds]).orderBy('g.name').orderBy('role.name').execute();
}

export async function findOfficerAccount(db: Db, accountId: string) {
  return db.selectFrom('account').select(['id', 'display_name', 'email', 'phone', 'status', 'password_hash', 'totp_enabled_at', 'recovery_code_hashes', 'created_at'])
    .where('id', '=', accountId).where('kind', '=', 'officer').where('status', '<>', 'closed').executeTakeFirst();
}

export async function isEmailTaken(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom('account').select('id').where(sql<boolean>`lower(email) = lower(${email})`).where('status', '<>', 'closed').executeTakeFirst();
  return row !== undefined;
}

export async function insertOfficerRole(db: Db, r: { accountId: string; agencyId: number; roleCode: string; now: Date }): Promise<boolean> {
  const inserted = await db.insertInto('officer_role').values({ account_id: r.accountId, agency_id: r.agencyId, role_code: r.roleCode, granted_at: r.now })
    .onConflict((oc) => oc.doNothing()).returning('account_id').executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteOfficerRole(db: Db, r: { accountId: string; agencyId: number; roleCode: string }): Promise<boolean> {
  const result = await db.deleteFrom('officer_role').where('account_id', '=', r.accountId).where('agency_id', '=', r.agencyId)
    .where('role_code', '=', r.roleCode).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function updateOfficerStatus(db: Db, accountId: string, status: 'pending' | 'active' | 'disabled', now: Date): Promise<void> {
  await db.updateTable('account').set({ status, updated_at: now }).where('id', '=', accountId).execute();
}

/** Forgets the authenticator and the recovery codes: the next sign-in goes through enrolment again. */
export async function clearSecondFactor(db: Db, accountId: string, now: Date): Promise<void> {
  await db.updateTable('account').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, recovery_code_hashes: [], updated_at: now })
    .where('id', '=', accountId).execute();
}

export async function listRolesWithPermissions(db: Db) {
  const [roles, grants] = await Promise.all([
    db.selectFrom('role').select(['code', 'name', 'name_en']).orderBy('name').execute(),
    db.selectFrom('role_permission').select(['role_code', 'permission']).orderBy('permission').execute(),
  ]);
  return roles.map((r) => ({ ...r, permissions: grants.filter((g) => g.role_code === r.code).map((g) => g.permission) }));
}

export async function findRole(db: Db, code: string) {
  const role = await db.selectFrom('role').select(['code', 'name', 'name_en']).where('code', '=', code).executeTakeFirst();
  if (!role) return undefined;
  const permissions = await db.selectFrom('role_permission').select('permission').where('role_code', '=', code).orderBy('permission').execute();
  return { ...role, permissions: permissions.map((p) => p.permission) };
}

export async function replaceRolePermissions(db: Db, code: string, permissions: readonly string[]): Promise<void> {
  await db.deleteFrom('role_permission').where('role_code', '=', code).execute();
  if (permissions.length) await db.insertInto('role_permission').values(permissions.map((permission) => ({ role_code: code, permission }))).execute();
}

export async function listAssignmentRows(db: Db, f: { scope: readonly number[]; query?: string | undefined; limit: number; offset: number }) {
  let q = db.selectFrom('officer_role as r').innerJoin('account as a', 'a.id', 'r.account_id').innerJoin('agency as g', 'g.id', 'r.agency_id')
    .innerJoin('role', 'role.code', 'r.role_code')
    .where('a.status', '<>', 'closed').where('r.agency_id', 'in', [...f.scope]);
  if (f.query) {
    const pattern = containing(f.query);
    q = q.where(sql<boolean>`(vn_fold(a.display_name) LIKE vn_fold(${pattern}) OR lower(a.email) LIKE lower(${pattern})
      OR vn_fold(g.name) LIKE vn_fold(${pattern}) OR vn_fold(role.name) LIKE vn_fold(${pattern}))`);
  }
  const [{ total }, rows] = await Promise.all([
    q.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
    q.select(['a.id as account_id', 'a.display_name', 'a.email', 'a.status', 'g.code as agency_code', 'g.name as agency_name', 'g.name_en as agency_name_en',
      'role.code as role_code', 'role.name as role_name', 'role.name_en as role_name_en', 'r.granted_at'])
      .orderBy('r.granted_at', 'desc').orderBy('a.id').orderBy('g.code').orderBy('role.code').limit(f.limit).offset(f.offset).execute(),
  ]);
  return { total, rows };
}
