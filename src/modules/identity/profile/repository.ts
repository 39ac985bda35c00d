import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';

// SQL of the profile pages: the person's own account row, declared attributes, channels, closing.
type Db = Kysely<Database> | Transaction<Database>;

export async function findOwnAccount(db: Db, accountId: string) {
  return db.selectFrom('account')
    .select(['id', 'kind', 'status', 'display_name', 'email', 'phone', 'password_hash', 'notification_channels'])
    .where('id', '=', accountId).executeTakeFirst();
}

export async function upsertDeclaredAttribute(db: Db, accountId: string, name: string, value: string, now: Date): Promise<void> {
  await db.insertInto('profile_attribute')
    .values({ account_id: accountId, name, verified: false, value, source: 'declared', recorded_at: now })
    .onConflict((oc) => oc.columns(['account_id', 'name', 'verified']).doUpdateSet({ value, recorded_at: now }))
    .execute();
}

export async function deleteDeclaredAttribute(db: Db, accountId: string, name: string): Promise<void> {
  await db.deleteFrom('profile_attribute').where('account_id', '=', accountId).where('name', '=', name).where('verified', '=', false).execute();
}

export async function setDisplayName(db: Db, accountId: string, displayName: string, now: Date): Promise<void> {
  await db.updateTable('account').set({ display_name: displayName, updated_at: now }).where('id', '=', accountId).execute();
}

export async function setNotificationChannels(db: Db, accountId: string, channels: string[], now: Date): Promise<void> {
  await db.updateTable('account').set({ notification_channels: channels, updated_at: now }).where('id', '=', accountId).execute();
}

export async function listExternalIdentities(db: Db, accountId: string) {
  return db.selectFrom('external_identity').select(['provider', 'subject']).where('account_id', '=', accountId).execute();
}

export async function deleteExternalIdentities(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom('external_identity').where('account_id', '=', accountId).execute();
}
