import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import type { AccountTokenPurpose } from './tables.ts';

// SQL for registration, verification and password tokens; the rules live in the use cases.
type Db = Kysely<Database> | Transaction<Database>;

export async function insertAccountToken(db: Db, t: { tokenHash: string; accountId: string; purpose: AccountTokenPurpose; expiresAt: Date; now: Date }): Promise<void> {
  await db.insertInto('account_token').values({ token_hash: t.tokenHash, account_id: t.accountId, purpose: t.purpose, expires_at: t.expiresAt, used_at: null, created_at: t.now }).execute();
}

/**
 * Marks a live token used and returns its account in one statement: of two concurrent requests with the same
 * token only one sees a row, so a link can never be used twice.
 */
export async function useAccountToken(db: Db, t: { tokenHash: string; purpose: AccountTokenPurpose; now: Date }): Promise<string | null> {
  const row = await db.updateTable('account_token').set({ used_at: t.now })
    .where('token_hash', '=', t.tokenHash).where('purpose', '=', t.purpose).where('used_at', 'is', null).where('expires_at', '>', t.now)
    .returning('account_id').executeTakeFirst();
  return row?.account_id ?? null;
}

/** Spends every unused token of this purpose for the account: once a password is set, older links are void. */
export async function spendAccountTokens(db: Db, accountId: string, purpose: AccountTokenPurpose, now: Date): Promise<void> {
  await db.updateTable('account_token').set({ used_at: now }).where('account_id', '=', accountId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}

export async function findLiveAccountToken(db: Db, t: { tokenHash: string; purpose: AccountTokenPurpose; now: Date }) {
  return db.selectFrom('account_token as t').innerJoin('account as a', 'a.id', 't.account_id')
    .select(['t.account_id', 'a.display_name', 'a.email', 'a.phone', 'a.status'])
    .where('t.token_hash', '=', t.tokenHash).where('t.purpose', '=', t.purpose).where('t.used_at', 'is', null).where('t.expires_at', '>', t.now)
    .executeTakeFirst();
}

/** Live accounts holding this e-mail address (any case) or phone number. */
export async function findAccountsByContact(db: Db, c: { email: string | undefined; phone: string | undefined }) {
  if (!c.email && !c.phone) return [];
  return db.selectFrom('account').select(['id', 'kind', 'status', 'display_name', 'email', 'phone'])
    .where('status', '<>', 'closed')
    .where((eb) => eb.or([
      ...(c.email ? [eb(sql<string>`lower(email)`, '=', c.email.toLowerCase())] : []),
      ...(c.phone ? [eb('phone', '=', c.phone)] : []),
    ])).execute();
}

export async function insertDeclaredAttributes(db: Db, accountId: string, attributes: Record<string, string | undefined>, now: Date): Promise<void> {
  const rows = Object.entries(attributes).filter((e): e is [string, string] => Boolean(e[1]))
    .map(([name, value]) => ({ account_id: accountId, name, verified: false, value, source: 'declared', recorded_at: now }));
  if (rows.length) await db.insertInto('profile_attribute').values(rows).execute();
}

/** Records a contact as proven (the link or code reached it): a verified attribute beside the declared one. */
export async function recordVerifiedContact(db: Db, accountId: string, name: 'email' | 'phone', value: string, source: string, now: Date): Promise<void> {
  await db.insertInto('profile_attribute').values({ account_id: accountId, name, verified: true, value, source, recorded_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'name', 'verified']).doUpdateSet({ value, source, recorded_at: now })).execute();
}

export async function countAccountMessagesSince(db: Db, accountId: string, since: Date): Promise<number> {
  const row = await db.selectFrom('account_message_log').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId).where('sent_at', '>', since).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function logAccountMessage(db: Db, accountId: string, kind: string, now: Date): Promise<void> {
  await db.insertInto('account_message_log').values({ account_id: accountId, kind, sent_at: now }).execute();
}

export async function replacePhoneCode(db: Db, c: { accountId: string; codeHash: string; expiresAt: Date; now: Date }): Promise<void> {
  await db.insertInto('phone_verification_code').values({ account_id: c.accountId, code_hash: c.codeHash, expires_at: c.expiresAt, created_at: c.now })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ code_hash: c.codeHash, expires_at: c.expiresAt, created_at: c.now, attempts: 0 })).execute();
}

/** The pending account of this phone with its live code, locked so concurrent guesses are counted one by one. */
export async function lockPhoneCode(trx: Transaction<Database>, phone: string) {
  return trx.selectFrom('phone_verification_code as c').innerJoin('account as a', 'a.id', 'c.account_id')
    .select(['c.account_id', 'c.code_hash', 'c.expires_at', 'c.attempts', 'a.display_name', 'a.phone'])
    .where('a.phone', '=', phone).where('a.status', '=', 'pending').forUpdate().executeTakeFirst();
}

export async function countPhoneCodeAttempt(db: Db, accountId: string): Promise<void> {
  await db.updateTable('phone_verification_code').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('account_id', '=', accountId).execute();
}

export async function deletePhoneCode(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom('phone_verification_code').where('account_id', '=', accountId).execute();
}

export async function findAccountForCredentials(db: Db, accountId: string) {
  return db.selectFrom('account').select(['id', 'kind', 'status', 'display_name', 'email', 'email_verified_at', 'phone', 'password_hash'])
    .where('id', '=', accountId).executeTakeFirst();
}

/** Pending → active (other states are left alone: a disabled account stays disabled). */
export async function activateAccount(db: Db, accountId: string, now: Date, emailVerified: boolean): Promise<void> {
  await db.updateTable('account').set({ status: 'active', updated_at: now }).where('id', '=', accountId).where('status', '=', 'pending').execute();
  if (emailVerified) {
    await db.updateTable('account').set({ email_verified_at: now }).where('id', '=', accountId).where('email_verified_at', 'is', null).execute();
  }
}

/** A new password also lifts any lockout: the person has just proven control of the account another way. */
export async function setPasswordHash(db: Db, accountId: string, passwordHash: string, now: Date): Promise<void> {
  await db.updateTable('account').set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null, updated_at: now }).where('id', '=', accountId).execute();
}

export async function revokeOtherSessions(db: Db, accountId: string, keepTokenHash: string | undefined, now: Date): Promise<void> {
  let query = db.updateTable('session').set({ revoked_at: now }).where('account_id', '=', accountId).where('revoked_at', 'is', null);
  if (keepTokenHash) query = query.where('token_hash', '<>', keepTokenHash);
  await query.execute();
}
