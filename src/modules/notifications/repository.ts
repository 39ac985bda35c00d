import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { WarningLevel, WarningScope } from './tables.ts';

// SQL for the notifications module's own tables (notification, dossier_warning); the rules live in the use cases.
type Db = Kysely<Database> | Transaction<Database>;

export interface NewNotification {
  accountId: string;
  kind: string;
  dossierId: string | null;
  dossierLabel: string | null;
  title: string;
  body: string;
  link: string | null;
  dedupKey: string;
  now: Date;
}

/** Writes an inbox entry unless one with the same key exists; true when a row was written. */
export async function insertNotification(db: Db, n: NewNotification): Promise<boolean> {
  const result = await db.insertInto('notification').values({
    account_id: n.accountId, kind: n.kind, dossier_id: n.dossierId, dossier_label: n.dossierLabel, title: n.title, body: n.body,
    link: n.link, dedup_key: n.dedupKey, created_at: n.now, read_at: null,
  }).onConflict((oc) => oc.column('dedup_key').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function listNotificationsOf(db: Db, accountId: string, page: { limit: number; offset: number }) {
  return db.selectFrom('notification')
    .select(['id', 'kind', 'dossier_label', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
}

export async function countNotificationsOf(db: Db, accountId: string): Promise<number> {
  const row = await db.selectFrom('notification').select((eb) => eb.fn.countAll<string>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Served by the partial index notification_unread_idx. */
export async function countUnreadOf(db: Db, accountId: string): Promise<number> {
  const row = await db.selectFrom('notification').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('account_id', '=', accountId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the account's own unread entries read: one (by id) or all. Returns how many changed. */
export async function markReadOf(db: Db, accountId: string, now: Date, id?: number): Promise<number> {
  let query = db.updateTable('notification').set({ read_at: now }).where('account_id', '=', accountId).where('read_at', 'is', null);
  if (id !== undefined) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Records a warning for one due date; false when it was already given (so nobody is warned twice). */
export async function recordWarning(db: Db, w: { dossierId: string; scope: WarningScope; level: WarningLevel; dueAt: Date; now: Date }): Promise<boolean> {
  const result = await db.insertInto('dossier_warning')
    .values({ dossier_id: w.dossierId, scope: w.scope, level: w.level, due_at: w.dueAt, warned_at: w.now })
    .onConflict((oc) => oc.columns(['dossier_id', 'scope', 'level', 'due_at']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
