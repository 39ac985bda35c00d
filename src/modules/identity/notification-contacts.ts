import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** How an account can be reached: its verified e-mail address and the channels it chose (issue 3 §1). */
export interface NotificationContact {
  accountId: string;
  name: string;
  /** Only a verified address: an unverified one may not be the person's. */
  email: string | null;
  channels: readonly string[];
}

/**
 * The contact of an active account, or undefined for a closed, disabled or unknown one (it gets nothing). The
 * phone is the verified one only (profile_attribute, recorded by the SMS code check), like the e-mail address.
 */
export async function findNotificationContact(db: Db, accountId: string): Promise<(NotificationContact & { phone: string | null }) | undefined> {
  const row = await db.selectFrom('account as a')
    .leftJoin('profile_attribute as p', (join) => join.onRef('p.account_id', '=', 'a.id').on('p.name', '=', 'phone').on('p.verified', '=', true))
    .select(['a.id', 'a.display_name', 'a.email', 'a.email_verified_at', 'a.notification_channels', 'p.value as phone'])
    .where('a.id', '=', accountId).where('a.status', '=', 'active').executeTakeFirst();
  return row && { accountId: row.id, name: row.display_name, email: row.email_verified_at ? row.email : null, channels: row.notification_channels, phone: row.phone ?? null };
}

/**
 * The active officers holding one of `roles` at exactly this agency (the unit a dossier's step is at), with how
 * to reach them: who is told when a dossier there is due soon or overdue (issue 4 §6).
 */
export async function listOfficersWithRoleAt(db: Db, agencyId: number, roles: readonly string[]): Promise<(NotificationContact & { role: string })[]> {
  if (!roles.length) return [];
  const rows = await db.selectFrom('officer_role as r').innerJoin('account as a', 'a.id', 'r.account_id')
    .select(['a.id', 'a.display_name', 'a.email', 'a.email_verified_at', 'a.notification_channels', 'r.role_code'])
    .where('r.agency_id', '=', agencyId).where('r.role_code', 'in', [...roles]).where('a.status', '=', 'active').where('a.kind', '=', 'officer')
    .orderBy('a.display_name').execute();
  // An officer's address is set by an administrator and confirmed by activation: it counts as verified.
  return rows.map((r) => ({ accountId: r.id, name: r.display_name, email: r.email, channels: r.notification_channels, role: r.role_code }));
}
