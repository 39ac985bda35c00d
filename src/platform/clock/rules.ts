import { addDays, toLocal } from './local-time.ts';
import type { WorkingCalendar } from './working-calendar.ts';
import { endOfWorkingDay, nextWorkingDay, startOfWorkingDay } from './working-time.ts';

/**
 * DL-03: when a dossier must reach the handling unit. Online dossiers go at once; paper ones the same working day,
 * or at the start of the next working day when received after the cut-off (15:00 by default) or off hours.
 */
export function routeBy(cal: WorkingCalendar, receivedAt: Date, channel: 'online' | 'desk' | 'postal', cutoff = 15 * 60): Date {
  if (channel === 'online') return receivedAt;
  const { date, minutes } = toLocal(receivedAt);
  if (cal.isWorkingDay(date) && minutes < cutoff) return endOfWorkingDay(cal, date);
  return startOfWorkingDay(cal, nextWorkingDay(cal, date));
}

/**
 * DL-06: an apology and extension must reach the applicant at least one day before the due date: by default, by
 * the end of the working day before the due date's day.
 */
export function extensionDeadline(cal: WorkingCalendar, dueAt: Date): Date {
  let day = toLocal(dueAt).date;
  for (let i = 0; i < 3660; i++) {
    day = addDays(day, -1);
    if (cal.isWorkingDay(day)) return endOfWorkingDay(cal, day);
  }
  throw new Error('No working day before the due date: the calendar is wrong.');
}

/** CAL-08, the one lateness rule: late after the due instant; on time on the due day; early on an earlier day. */
export function timeliness(dueAt: Date, completedAt: Date): 'early' | 'onTime' | 'late' {
  if (completedAt.getTime() > dueAt.getTime()) return 'late';
  return toLocal(completedAt).date < toLocal(dueAt).date ? 'early' : 'onTime';
}
