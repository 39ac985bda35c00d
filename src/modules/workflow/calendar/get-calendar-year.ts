import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { listCalendarChanges, listYearDays } from './repository.ts';

/** One year of the province's calendar with its change log, for the administrator who keeps it. */
export async function getCalendarYear(db: Kysely<Database>, actor: Actor, year: number) {
  authorize(actor, 'calendar.manage');
  const [days, changes] = await Promise.all([listYearDays(db, year), listCalendarChanges(db, year)]);
  return { year, days, changes };
}
