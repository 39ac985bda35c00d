import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import type { OidcLoginTable } from './tables.ts';

// SQL for OpenID Connect sign-in: the login transactions (migration 0005), the provider's part of a session,
// and the links and verified data it writes into the identity tables.
type Db = Kysely<Database> | Transaction<Database>;

export type OidcLogin = OidcLoginTable;

export async function insertOidcLogin(db: Db, login: Omit<OidcLoginTable, 'used_at'>): Promise<void> {
  // Abandoned logins are swept as new ones start; an hour's grace keeps the table small without a job.
  await db.deleteFrom('oidc_login').where('expires_at', '<', new Date(login.created_at.getTime() - 3_600_000)).execute();
  await db.insertInto('oidc_login').values({ ...login, used_at: null }).execute();
}

/** Marks the login used and returns it, once: a second callback with the same cookie finds nothing. */
export async function consumeOidcLogin(db: Db, keyHash: string, now: Date): Promise<OidcLogin | undefined> {
  return db.updateTable('oidc_login').set({ used_at: now })
    .where('key_hash', '=', keyHash).where('used_at', 'is', null).where('expires_at', '>', now)
    .returningAll().executeTakeFirst();
}

export async function findExternalIdentity(db: Db, provider: string, subject: string) {
  return db.selectFrom('external_identity as e').innerJoin('account as a', 'a.id', 'e.account_id')
    .select(['a.id', 'a.kind', 'a.status', 'a.display_name', 'a.email', 'a.totp_enabled_at'])
    .where('e.provider', '=', provider).where('e.subject', '=', subject).executeTakeFirst();
}

export async function findProviderSubjectOfAccount(db: Db, provider: string, accountId: string): Promise<string | undefined> {
  const row = await db.selectFrom('external_identity').select('subject').where('provider', '=', provider).where('account_id', '=', accountId).executeTakeFirst();
  return row?.subject;
}

export async function insertExternalIdentity(db: Db, link: { provider: string; subject: string; accountId: string; now: Date }): Promise<void> {
  await db.insertInto('external_identity').values({ provider: link.provider, subject: link.subject, account_id: link.accountId, linked_at: link.now }).execute();
}

/** The live (not closed) account holding this e-mail address, in any case. */
export async function findAccountByEmail(db: Db, email: string) {
  return db.selectFrom('account').select(['id', 'kind', 'status', 'display_name', 'email', 'email_verified_at', 'totp_enabled_at'])
    .where(sql<boolean>`lower(email) = lower(${email})`).where('status', '<>', 'closed').executeTakeFirst();
}

export async function findAccountById(db: Db, accountId: string) {
  return db.selectFrom('account').select(['id', 'kind', 'status', 'display_name', 'email', 'email_verified_at', 'phone'])
    .where('id', '=', accountId).executeTakeFirst();
}

export async function isPhoneTaken(db: Db, phone: string): Promise<boolean> {
  return Boolean(await db.selectFrom('account').select('id').where('phone', '=', phone).where('status', '<>', 'closed').executeTakeFirst());
}

export async function listVerifiedAttributes(db: Db, accountId: string): Promise<Record<string, string>> {
  const rows = await db.selectFrom('profile_attribute').select(['name', 'value']).where('account_id', '=', accountId).where('verified', '=', true).execute();
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

/** Replaces the verified value of each attribute given; declared values (verified = false) are another row. */
export async function upsertVerifiedAttributes(db: Db, accountId: string, attributes: Record<string, string>, source: string, now: Date): Promise<void> {
  const rows = Object.entries(attributes).map(([name, value]) => ({ account_id: accountId, name, verified: true, value, source, recorded_at: now }));
  if (!rows.length) return;
  await db.insertInto('profile_attribute').values(rows)
    .onConflict((oc) => oc.columns(['account_id', 'name', 'verified']).doUpdateSet((eb) => ({
      value: eb.ref('excluded.value'), source: eb.ref('excluded.source'), recorded_at: eb.ref('excluded.recorded_at'),
    }))).execute();
}

export async function updateAccountFromProvider(db: Db, accountId: string, change: { displayName?: string; emailVerifiedAt?: Date }, now: Date): Promise<void> {
  await db.updateTable('account').set({
    updated_at: now, ...(change.displayName ? { display_name: change.displayName } : {}), ...(change.emailVerifiedAt ? { email_verified_at: change.emailVerifiedAt } : {}),
  }).where('id', '=', accountId).execute();
}

export async function attachProviderToSession(db: Db, tokenHash: string, provider: string, idToken: string): Promise<void> {
  await db.updateTable('session').set({ oidc_provider: provider, oidc_id_token: idToken }).where('token_hash', '=', tokenHash).execute();
}

/** What the provider needs to end its own session, taken off the session row (it is of no use afterwards). */
export async function takeProviderOfSession(db: Db, tokenHash: string): Promise<{ provider: string; idToken: string } | undefined> {
  const row = await db.selectFrom('session').select(['oidc_provider', 'oidc_id_token']).where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row?.oidc_provider || !row.oidc_id_token) return undefined;
  await db.updateTable('session').set({ oidc_id_token: null }).where('token_hash', '=', tokenHash).execute();
  return { provider: row.oidc_provider, idToken: row.oidc_id_token };
}
