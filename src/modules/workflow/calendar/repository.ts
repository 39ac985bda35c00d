import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import type { CalendarDay } from '../../../platform/clock/working-calendar.ts';

// SQL for the calendar tables only; the rules live in the use cases.
type Db = Kysely<Database> | Transaction<Database>;

/** Province-wide days, overridden by the agency's own exceptions on the same date. */
export async function listCalendarDays(db: Db, agencyId: number | null): Promise<CalendarDay[]> {
  const rows = await db.selectFrom('calendar_day').select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('date'), 'kind', 'name', 'agency_id'])
    .where((eb) => (agencyId === null ? eb('agency_id', 'is', null) : eb.or([eb('agency_id', 'is', null), eb('agency_id', '=', agencyId)])))
    .orderBy('day').execute();
  const byDate = new Map<string, CalendarDay>();
  for (const row of rows) if (row.agency_id !== null || !byDate.has(row.date)) byDate.set(row.date, { date: row.date, kind: row.kind, name: row.name });
  return [...byDate.values()];
}

export async function listYearDays(db: Db, year: number) {
  return db.selectFrom('calendar_day').select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('date'), 'kind', 'name', 'changed_by', 'changed_at'])
    .where('agency_id', 'is', null).where(sql<boolean>`extract(year FROM day) = ${year}`).orderBy('day').execute();
}

export async function findWorkingHours(db: Db, agencyId: number | null) {
  const rows = await db.selectFrom('working_hours').select(['agency_id', 'periods', 'rest_weekdays'])
    .where((eb) => (agencyId === null ? eb('agency_id', 'is', null) : eb.or([eb('agency_id', 'is', null), eb('agency_id', '=', agencyId)]))).execute();
  return rows.find((r) => r.agency_id !== null) ?? rows[0];
}

export async function upsertProvinceDay(trx: Transaction<Database>, day: CalendarDay & { changedBy: string; now: Date }): Promise<void> {
  await trx.deleteFrom('calendar_day').where('agency_id', 'is', null).where('day', '=', day.date).execute();
  await trx.insertInto('calendar_day').values({ agency_id: null, day: day.date, kind: day.kind, name: day.name, changed_by: day.changedBy, changed_at: day.now }).execute();
}

export async function deleteProvinceDay(trx: Transaction<Database>, date: string): Promise<number> {
  const result = await trx.deleteFrom('calendar_day').where('agency_id', 'is', null).where('day', '=', date).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertCalendarChange(trx: Transaction<Database>, change: { year: number; changedBy: string; now: Date; reason: string; before: unknown; after: unknown }): Promise<void> {
  await trx.insertInto('calendar_change').values({
    year: change.year, agency_id: null, changed_by: change.changedBy, changed_at: change.now, reason: change.reason,
    before: JSON.stringify(change.before), after: JSON.stringify(change.after),
  }).execute();
}

export async function listCalendarChanges(db: Db, year: number) {
  return db.selectFrom('calendar_change').select(['changed_by', 'changed_at', 'reason', 'before', 'after'])
    .where('year', '=', year).orderBy('id', 'desc').limit(50).execute();
}
