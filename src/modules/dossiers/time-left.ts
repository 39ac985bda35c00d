import type { WorkingCalendar } from '../../platform/clock/working-calendar.ts';
import { workingMinutesBetween } from '../../platform/clock/working-time.ts';

export type TimeLeft = 'onTime' | 'dueSoon' | 'overdue' | 'paused';

/**
 * The colour band of a queue row (S-g, S-h): overdue after the due instant, due soon within the last working day,
 * otherwise on time; no due date while the clock is paused.
 */
export function timeLeft(cal: WorkingCalendar, dueAt: Date | null, now: Date): TimeLeft {
  if (!dueAt) return 'paused';
  if (now > dueAt) return 'overdue';
  return workingMinutesBetween(cal, now, dueAt) <= cal.minutesPerDay ? 'dueSoon' : 'onTime';
}
