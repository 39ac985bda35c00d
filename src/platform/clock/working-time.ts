import { addDays, fromLocal, toLocal, type LocalDate } from './local-time.ts';
import type { WorkingCalendar } from './working-calendar.ts';

// Ten years without a working day means a broken calendar, not a long wait.
const maxDaysSearched = 3660;

export function nextWorkingDay(cal: WorkingCalendar, date: LocalDate): LocalDate {
  let day = addDays(date, 1);
  for (let i = 0; i < maxDaysSearched; i++, day = addDays(day, 1)) if (cal.isWorkingDay(day)) return day;
  throw new Error(`No working day within ten years after ${date}: the calendar is wrong.`);
}

/** The first working date on or after `date`. */
export function workingDayOnOrAfter(cal: WorkingCalendar, date: LocalDate): LocalDate {
  return cal.isWorkingDay(date) ? date : nextWorkingDay(cal, date);
}

export function startOfWorkingDay(cal: WorkingCalendar, date: LocalDate): Date {
  return fromLocal(date, cal.periods[0]!.start);
}

export function endOfWorkingDay(cal: WorkingCalendar, date: LocalDate): Date {
  return fromLocal(date, cal.periods[cal.periods.length - 1]!.end);
}

/**
 * CAL-02: the instant the clock starts counting from `at` — itself inside working hours; the next period's start
 * before or between periods (lunch → 13:30); the next working day's 07:00 after hours or on a day off.
 */
export function nextWorkingInstant(cal: WorkingCalendar, at: Date): Date {
  const { date, minutes } = toLocal(at);
  if (cal.isWorkingDay(date)) {
    for (const p of cal.periods) {
      if (minutes < p.start) return fromLocal(date, p.start);
      if (minutes < p.end) return at;
    }
  }
  return startOfWorkingDay(cal, nextWorkingDay(cal, date));
}

/**
 * Adds working minutes to an instant, skipping lunch, nights and days off. The result is the earliest instant at
 * which that much working time has passed, so 8 working hours from 07:00 end at 17:00 the same day.
 */
export function addWorkingMinutes(cal: WorkingCalendar, start: Date, minutes: number): Date {
  if (minutes < 0) throw new Error('Working time to add must not be negative.');
  let at = nextWorkingInstant(cal, start);
  let left = minutes;
  for (let i = 0; i < maxDaysSearched * cal.periods.length + 1; i++) {
    if (left === 0) return at;
    const { date, minutes: now } = toLocal(at);
    const period = cal.periods.find((p) => now >= p.start && now < p.end)!;
    const available = period.end - now;
    if (left <= available) return fromLocal(date, now + left);
    left -= available;
    at = nextWorkingInstant(cal, fromLocal(date, period.end));
  }
  throw new Error('Working time beyond ten years: the calendar is wrong.');
}

/** Working minutes between two instants (0 when `to` is not after `from`): time used, pauses, lateness. */
export function workingMinutesBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  if (to <= from) return 0;
  const a = toLocal(from);
  const b = toLocal(to);
  let total = 0;
  for (let day = a.date, i = 0; day <= b.date && i < maxDaysSearched * 2; day = addDays(day, 1), i++) {
    if (!cal.isWorkingDay(day)) continue;
    const lo = day === a.date ? a.minutes : 0;
    const hi = day === b.date ? b.minutes : 24 * 60;
    for (const p of cal.periods) total += Math.max(0, Math.min(hi, p.end) - Math.max(lo, p.start));
  }
  return Math.round(total * 1000) / 1000;
}

/** The dates strictly between two dates that are not worked, with the reason: for due-date explanations. */
export function daysOffBetween(cal: WorkingCalendar, from: LocalDate, to: LocalDate) {
  const days: { date: LocalDate; kind: 'holiday' | 'dayOff' | 'weekend'; name: string }[] = [];
  for (let day = addDays(from, 1), i = 0; day < to && i < maxDaysSearched; day = addDays(day, 1), i++) {
    const off = cal.dayOff(day);
    if (off) days.push({ date: day, ...off });
  }
  return days;
}
