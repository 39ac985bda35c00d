import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';

// SQL for the identity module's own tables only; the rules live in the use cases.
type Db = Kysely<Database> | Transaction<Database>;

export async function insertSession(db: Db, s: {
  tokenHash: string; accountId: string; now: Date; absoluteExpiresAt: Date; mfaVerified: boolean; ip: string | null; userAgent: string | null;
  sso?: { provider: string | null; idToken: string | null } | undefined;
}): Promise<void> {
  await db.insertInto('session').values({
    token_hash: s.tokenHash, account_id: s.accountId, created_at: s.now, last_seen_at: s.now, absolute_expires_at: s.absoluteExpiresAt,
    mfa_verified: s.mfaVerified, ip: s.ip, user_agent: s.userAgent, oidc_provider: s.sso?.provider ?? null, oidc_id_token: s.sso?.idToken ?? null,
  }).execute();
}

/** The identity-provider session behind this account's live session, if it came through SSO. */
export async function findSessionSso(db: Db, tokenHash: string, accountId: string): Promise<{ provider: string | null; idToken: string | null } | undefined> {
  const row = await db.selectFrom('session').select(['oidc_provider', 'oidc_id_token'])
    .where('token_hash', '=', tokenHash).where('account_id', '=', accountId).where('revoked_at', 'is', null).executeTakeFirst();
  return row?.oidc_provider ? { provider: row.oidc_provider, idToken: row.oidc_id_token } : undefined;
}

export async function findLiveSession(db: Db, tokenHash: string) {
  return db.selectFrom('session as s').innerJoin('account as a', 'a.id', 's.account_id')
    .select(['s.token_hash', 's.account_id', 's.created_at', 's.last_seen_at', 's.absolute_expires_at', 's.mfa_verified',
      'a.kind', 'a.status', 'a.display_name'])
    .where('s.token_hash', '=', tokenHash).where('s.revoked_at', 'is', null).executeTakeFirst();
}

export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

export async function revokeSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('session').set({ revoked_at: now }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
}

export async function revokeAccountSessions(db: Db, accountId: string, now: Date): Promise<void> {
  await db.updateTable('session').set({ revoked_at: now }).where('account_id', '=', accountId).where('revoked_at', 'is', null).execute();
}

/** Each permission an officer holds, with every agency it covers (the granting agency and all below it). */
export async function listOfficerGrants(db: Db, accountId: string): Promise<{ permission: string; agency_ids: number[] }[]> {
  const result = await sql<{ permission: string; agency_ids: number[] }>`
    WITH RECURSIVE granted AS (
      SELECT r.agency_id AS root, p.permission
      FROM officer_role r JOIN role_permission p ON p.role_code = r.role_code
      WHERE r.account_id = ${accountId}
    ), subtree (root, agency_id) AS (
      SELECT DISTINCT root, root FROM granted
      UNION
      SELECT s.root, a.id FROM subtree s JOIN agency a ON a.parent_id = s.agency_id
    )
    SELECT g.permission, array_agg(DISTINCT s.agency_id ORDER BY s.agency_id) AS agency_ids
    FROM granted g JOIN subtree s ON s.root = g.root
    GROUP BY g.permission`.execute(db);
  return result.rows;
}

export async function insertAccount(db: Db, a: { kind: 'citizen' | 'business' | 'officer'; displayName: string; email?: string | null; phone?: string | null; passwordHash?: string | null; status?: 'pending' | 'active' }): Promise<string> {
  const row = await db.insertInto('account').values({
    kind: a.kind, display_name: a.displayName, email: a.email ?? null, phone: a.phone ?? null, password_hash: a.passwordHash ?? null,
    status: a.status ?? 'active', email_verified_at: null, locked_until: null, totp_secret: null, totp_enabled_at: null, totp_last_step: null, closed_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function setAccountStatus(db: Db, accountId: string, status: 'active' | 'disabled' | 'closed', now: Date): Promise<void> {
  await db.updateTable('account').set({ status, updated_at: now, ...(status === 'closed' ? { closed_at: now } : {}) }).where('id', '=', accountId).execute();
}

export async function grantOfficerRole(db: Db, accountId: string, agencyCode: string, roleCode: string): Promise<void> {
  await db.insertInto('officer_role').values({ account_id: accountId, role_code: roleCode, agency_id: sql<number>`(SELECT id FROM agency WHERE code = ${agencyCode})` })
    .onConflict((oc) => oc.doNothing()).execute();
}

export async function revokeOfficerRole(db: Db, accountId: string, agencyCode: string, roleCode: string): Promise<void> {
  await db.deleteFrom('officer_role').where('account_id', '=', accountId).where('role_code', '=', roleCode)
    .where('agency_id', '=', sql<number>`(SELECT id FROM agency WHERE code = ${agencyCode})`).execute();
}

/** The live account signed in with this e-mail address (any case) or phone number. */
export async function findAccountForSignIn(db: Db, identifier: string) {
  const byEmail = identifier.includes('@');
  return db.selectFrom('account')
    .select(['id', 'kind', 'status', 'display_name', 'password_hash', 'failed_sign_ins', 'locked_until', 'totp_enabled_at'])
    .where(byEmail ? sql<boolean>`lower(email) = lower(${identifier})` : sql<boolean>`phone = ${identifier.replace(/[\s.-]/g, '')}`)
    .where('status', '<>', 'closed').executeTakeFirst();
}

/**
 * Counts one more miss (password or second factor) in a single statement and returns the new count: parallel
 * guesses cannot all read the same count and slip past the lockout.
 */
export async function countFailedSignIn(db: Db, accountId: string): Promise<number> {
  const row = await db.updateTable('account').set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
    .where('id', '=', accountId).returning('failed_sign_ins').executeTakeFirstOrThrow();
  return row.failed_sign_ins;
}

export async function lockAccountUntil(db: Db, accountId: string, lockedUntil: Date): Promise<void> {
  await db.updateTable('account').set({ locked_until: lockedUntil }).where('id', '=', accountId).execute();
}

/**
 * A right password. The miss count is cleared only when no second factor follows: for an officer it is cleared
 * when the second factor passes, so signing in again cannot reset the count of wrong codes.
 */
export async function recordSuccessfulSignIn(db: Db, accountId: string, now: Date, change: { newPasswordHash?: string | undefined; clearFailures: boolean }): Promise<void> {
  await db.updateTable('account').set({
    updated_at: now, ...(change.clearFailures ? { failed_sign_ins: 0, locked_until: null } : {}), ...(change.newPasswordHash ? { password_hash: change.newPasswordHash } : {}),
  }).where('id', '=', accountId).execute();
}

export async function findSecondFactor(db: Db, accountId: string) {
  return db.selectFrom('account').select(['id', 'display_name', 'email', 'totp_secret', 'totp_enabled_at', 'totp_last_step', 'recovery_code_hashes', 'locked_until'])
    .where('id', '=', accountId).executeTakeFirst();
}

/** The same, locked until the transaction ends: two requests with one code or recovery code are checked one by one. */
export async function lockSecondFactor(trx: Transaction<Database>, accountId: string) {
  return trx.selectFrom('account').select(['id', 'display_name', 'email', 'totp_secret', 'totp_enabled_at', 'totp_last_step', 'recovery_code_hashes', 'locked_until'])
    .where('id', '=', accountId).forUpdate().executeTakeFirst();
}

export async function setPendingTotpSecret(db: Db, accountId: string, secret: string): Promise<void> {
  await db.updateTable('account').set({ totp_secret: secret, totp_enabled_at: null, totp_last_step: null }).where('id', '=', accountId).execute();
}

export async function enableTotp(db: Db, accountId: string, step: number, recoveryCodeHashes: string[], now: Date): Promise<void> {
  await db.updateTable('account').set({ totp_enabled_at: now, totp_last_step: step, recovery_code_hashes: recoveryCodeHashes, failed_sign_ins: 0, locked_until: null, updated_at: now })
    .where('id', '=', accountId).execute();
}

export async function recordTotpStep(db: Db, accountId: string, step: number): Promise<void> {
  await db.updateTable('account').set({ totp_last_step: step, failed_sign_ins: 0, locked_until: null }).where('id', '=', accountId).execute();
}

export async function replaceRecoveryCodes(db: Db, accountId: string, hashes: string[]): Promise<void> {
  await db.updateTable('account').set({ recovery_code_hashes: hashes, failed_sign_ins: 0, locked_until: null }).where('id', '=', accountId).execute();
}

export async function findAccountOverview(db: Db, accountId: string) {
  return db.selectFrom('account').select(['id', 'kind', 'display_name', 'email', 'phone', 'created_at', 'totp_enabled_at', 'notification_channels'])
    .where('id', '=', accountId).executeTakeFirst();
}

export async function listProfileAttributes(db: Db, accountId: string) {
  return db.selectFrom('profile_attribute').select(['name', 'verified', 'value', 'source', 'recorded_at'])
    .where('account_id', '=', accountId).orderBy('name').orderBy('verified', 'desc').execute();
}

export async function listOfficerRoles(db: Db, accountId: string) {
  return db.selectFrom('officer_role as r').innerJoin('role', 'role.code', 'r.role_code').innerJoin('agency as a', 'a.id', 'r.agency_id')
    .select(['role.code', 'role.name', 'role.name_en', 'a.code as agency_code', 'a.name as agency_name'])
    .where('r.account_id', '=', accountId).orderBy('a.name').orderBy('role.name').execute();
}
