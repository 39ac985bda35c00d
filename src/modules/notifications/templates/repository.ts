import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import type { Lang } from '../../../platform/i18n/messages.ts';
import type { TemplateParts } from '../tables.ts';

// SQL for the notification templates (migration 0023); the rules live in the use cases.
type Db = Kysely<Database> | Transaction<Database>;

/** An administrator's wording of one notice, or undefined when the default applies: one primary-key lookup. */
export async function findStoredTemplate(db: Db, kind: string, lang: Lang): Promise<TemplateParts | undefined> {
  return db.selectFrom('notification_template').select(['title', 'lead', 'sms']).where('kind', '=', kind).where('lang', '=', lang).executeTakeFirst();
}

export async function listStoredTemplates(db: Db) {
  return db.selectFrom('notification_template').select(['kind', 'lang', 'changed_by', 'changed_at']).execute();
}

export async function upsertStoredTemplate(db: Db, row: { kind: string; lang: Lang; parts: TemplateParts; changedBy: string; now: Date }): Promise<void> {
  const values = { ...row.parts, changed_by: row.changedBy, changed_at: row.now };
  await db.insertInto('notification_template').values({ kind: row.kind, lang: row.lang, ...values })
    .onConflict((oc) => oc.columns(['kind', 'lang']).doUpdateSet(values)).execute();
}

export async function deleteStoredTemplate(db: Db, kind: string, lang: Lang): Promise<void> {
  await db.deleteFrom('notification_template').where('kind', '=', kind).where('lang', '=', lang).execute();
}

export async function insertTemplateChange(db: Db, change: {
  kind: string; lang: Lang; action: 'saved' | 'reset'; before: TemplateParts | null; after: TemplateParts | null; changedBy: string; now: Date;
}): Promise<void> {
  await db.insertInto('notification_template_change').values({
    kind: change.kind, lang: change.lang, action: change.action, before: change.before && JSON.stringify(change.before),
    after: change.after && JSON.stringify(change.after), changed_by: change.changedBy, changed_at: change.now,
  }).execute();
}

export async function listTemplateChanges(db: Db, kind: string, lang: Lang, limit: number) {
  return db.selectFrom('notification_template_change').select(['action', 'changed_by', 'changed_at'])
    .where('kind', '=', kind).where('lang', '=', lang).orderBy('changed_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
