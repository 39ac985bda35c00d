import { parseClock, weekday, type LocalDate } from './local-time.ts';

/** A day the yearly calendar changes: a public holiday, a compensatory day off, or a swap of working days. */
export interface CalendarDay {
  date: LocalDate;
  /** `holiday` and `dayOff` are not worked; `workingDay` makes a weekly rest day a working one (swapped days). */
  kind: 'holiday' | 'dayOff' | 'workingDay';
  /** As announced, e.g. "Tết Nguyên đán", "Nghỉ bù Quốc khánh", "Làm bù cho ngày 02/5". */
  name: string;
}

/** Working hours and rest days (CAL-01, CAL-03) plus the approved yearly calendars (CAL-04) as data. */
export interface CalendarSpec {
  /** Local `HH:MM` periods in order, e.g. 07:00–11:30 and 13:30–17:00. */
  workingHours: readonly { start: string; end: string }[];
  /** Weekly rest days, 0 = Sunday … 6 = Saturday. */
  restWeekdays: readonly number[];
  days: readonly CalendarDay[];
}

export interface WorkingCalendar {
  periods: readonly { start: number; end: number }[];
  /** Working minutes in one working day (480 for 8 hours). */
  minutesPerDay: number;
  isWorkingDay(date: LocalDate): boolean;
  /** Why a date is not worked (a named calendar day, or the weekly rest), for explanations. */
  dayOff(date: LocalDate): { kind: 'holiday' | 'dayOff' | 'weekend'; name: string } | undefined;
  /** Named changes on this date, working swaps included. */
  special(date: LocalDate): CalendarDay | undefined;
}

export const defaultWorkingHours = [{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }] as const;
export const defaultRestWeekdays = [0, 6] as const;

export function createWorkingCalendar(spec: CalendarSpec): WorkingCalendar {
  const periods = spec.workingHours.map((p) => ({ start: parseClock(p.start), end: parseClock(p.end) }));
  if (periods.length === 0 || periods.some((p, i) => p.end <= p.start || (i > 0 && p.start < periods[i - 1]!.end))) {
    throw new Error('Working hours must be ordered, non-overlapping periods.');
  }
  const rest = new Set(spec.restWeekdays);
  const byDate = new Map(spec.days.map((d) => [d.date, d]));
  const dayOff = (date: LocalDate) => {
    const special = byDate.get(date);
    if (special?.kind === 'workingDay') return undefined;
    if (special) return { kind: special.kind, name: special.name } as const;
    return rest.has(weekday(date)) ? { kind: 'weekend', name: '' } as const : undefined;
  };
  return {
    periods,
    minutesPerDay: periods.reduce((sum, p) => sum + p.end - p.start, 0),
    isWorkingDay: (date) => dayOff(date) === undefined,
    dayOff,
    special: (date) => byDate.get(date),
  };
}
