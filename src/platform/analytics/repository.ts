import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

// SQL of the access statistics' own tables (P-14).
const chunk = 1000;

/** Makes sure these days have a key (any instance may be first) and returns the keys of those days. */
export async function ensureDayKeys(db: Kysely<Database>, keys: { day: string; secret: string }[]): Promise<{ day: string; secret: string }[]> {
  const a = db;
  await a.insertInto('visitor_day_key').values(keys).onConflict((oc) => oc.column('day').doNothing()).execute();
  return a.selectFrom('visitor_day_key').select([sql<string>`day::text`.as('day'), 'secret']).where('day', 'in', keys.map((k) => k.day)).execute();
}

/** Forgets the keys of days that are over: their visitor hashes can no longer be linked to anyone. */
export async function deleteDayKeysBefore(db: Kysely<Database>, day: string): Promise<void> {
  await db.deleteFrom('visitor_day_key').where('day', '<', day).execute();
}

/** Adds counted views and visitors in one transaction; upserts, so several instances can flush at once. */
export async function addCounts(db: Kysely<Database>, views: { day: string; route: string; views: number }[], visitors: { day: string; visitor_hash: string }[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < views.length; i += chunk) {
      await trx.insertInto('page_view_daily').values(views.slice(i, i + chunk))
        .onConflict((oc) => oc.columns(['day', 'route']).doUpdateSet({ views: sql`page_view_daily.views + excluded.views` })).execute();
    }
    for (let i = 0; i < visitors.length; i += chunk) {
      await trx.insertInto('visitor_daily').values(visitors.slice(i, i + chunk)).onConflict((oc) => oc.columns(['day', 'visitor_hash']).doNothing()).execute();
    }
  });
}

export async function listDailyTotals(db: Kysely<Database>, from: string, to: string): Promise<{ day: string; views: number; visitors: number }[]> {
  const result = await sql<{ day: string; views: number; visitors: number }>`
    SELECT d.day::text AS day,
      COALESCE((SELECT sum(v.views) FROM page_view_daily v WHERE v.day = d.day), 0)::float8 AS views,
      (SELECT count(*) FROM visitor_daily u WHERE u.day = d.day)::float8 AS visitors
    FROM (SELECT g.at::date AS day FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS g(at)) AS d
    ORDER BY d.day`.execute(db);
  return result.rows;
}

export async function listTopPages(db: Kysely<Database>, from: string, to: string, limit: number): Promise<{ route: string; views: number }[]> {
  return db.selectFrom('page_view_daily').select(['route', sql<number>`sum(views)::float8`.as('views')])
    .where('day', '>=', from).where('day', '<=', to).groupBy('route').orderBy(sql`sum(views)`, 'desc').orderBy('route').limit(limit).execute();
}

export async function listDailyPageViews(db: Kysely<Database>, from: string, to: string): Promise<{ day: string; route: string; views: number }[]> {
  return db.selectFrom('page_view_daily').select([sql<string>`day::text`.as('day'), 'route', sql<number>`views::float8`.as('views')])
    .where('day', '>=', from).where('day', '<=', to).orderBy('day').orderBy('route').execute();
}
