import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { createWorkingCalendar, defaultRestWeekdays, defaultWorkingHours, type WorkingCalendar } from '../../../platform/clock/working-calendar.ts';
import { findWorkingHours, listCalendarDays } from './repository.ts';

/** The calendar the clock counts with for one agency (or the whole province): its hours and every listed day. */
export async function loadWorkingCalendar(db: Kysely<Database> | Transaction<Database>, agencyId: number | null = null): Promise<WorkingCalendar> {
  const [days, hours] = await Promise.all([listCalendarDays(db, agencyId), findWorkingHours(db, agencyId)]);
  return createWorkingCalendar({
    workingHours: hours?.periods ?? defaultWorkingHours,
    restWeekdays: hours?.rest_weekdays ?? defaultRestWeekdays,
    days,
  });
}
