import { addDays, toLocal } from './local-time.ts';
import type { WorkingCalendar } from './working-calendar.ts';
import { addWorkingMinutes, daysOffBetween, endOfWorkingDay, nextWorkingDay, nextWorkingInstant, workingDayOnOrAfter, workingMinutesBetween } from './working-time.ts';

/** DL-02: a time limit and its unit, as a procedure case declares it. */
export interface TimeLimit { value: number; unit: 'workingDays' | 'calendarDays' | 'workingHours' }

/** CAL-06: N × 8 working hours from the instant (practice, default) or whole days counted from the next day. */
export type DeadlineArithmetic = 'workingHours' | 'civilCodeDays';

/** DL-04, configurable per procedure: restart from zero (Decree 61 Art. 19.4, default), extend by the pause, or keep. */
export type SupplementClock = 'restart' | 'extendByPause' | 'subtractPause';

export interface Pause {
  kind: 'supplement' | 'financialObligation';
  start: Date;
  /** Unset while the pause is still open. */
  end?: Date | undefined;
  reason?: string | undefined;
}

export interface DueDateInput {
  /** DL-01: the instant of valid reception (or of a step's start, for step budgets under DL-08). */
  startAt: Date;
  limit: TimeLimit;
  arithmetic?: DeadlineArithmetic;
  pauses?: readonly Pause[];
  supplementClock?: SupplementClock;
  /** DL-12, configurable per procedure, default true: waiting for a fee extends the deadline by the wait. */
  financialObligationPausesClock?: boolean;
  /** DL-06: the once-only extension after an apology, as the one-stop recorded it. */
  extension?: { at: Date; newDueAt: Date; reason: string } | undefined;
}

export type DueDateStep =
  | { kind: 'start'; receivedAt: Date; countingFrom: Date }
  | { kind: 'limit'; limit: TimeLimit; arithmetic: DeadlineArithmetic }
  | { kind: 'daysOff'; days: { from: string; to: string; kind: 'holiday' | 'dayOff' | 'weekend'; name: string }[] }
  | { kind: 'pause'; pause: Pause; effect: 'restart' | 'extend' | 'none' | 'open'; workingMinutes: number; dueAt: Date | null }
  | { kind: 'extension'; previousDueAt: Date; dueAt: Date; reason: string }
  | { kind: 'due'; dueAt: Date };

export interface DueDate {
  /** Null while a pause is open: the deadline is not known until the dossier moves again. */
  dueAt: Date | null;
  /** The due date fixed at reception, before pauses and extension (reports' default reference, DL-06). */
  originalDueAt: Date;
  steps: DueDateStep[];
}

/** The instant a limit runs out when counted from `start` (no pauses). */
export function addTimeLimit(cal: WorkingCalendar, start: Date, limit: TimeLimit, arithmetic: DeadlineArithmetic = 'workingHours'): Date {
  if (!(limit.value >= 0)) throw new Error('A time limit must not be negative.');
  switch (limit.unit) {
    case 'workingHours':
      return addWorkingMinutes(cal, start, limit.value * 60);
    case 'workingDays': {
      if (arithmetic === 'workingHours') return addWorkingMinutes(cal, start, limit.value * cal.minutesPerDay);
      let day = toLocal(start).date;
      for (let i = 0; i < Math.ceil(limit.value); i++) day = nextWorkingDay(cal, day);
      return Math.ceil(limit.value) === 0 ? nextWorkingInstant(cal, start) : endOfWorkingDay(cal, day);
    }
    case 'calendarDays': {
      // CAL-03: a limit that ends on a day off runs to the next working day; the day ends with office hours.
      const last = addDays(toLocal(start).date, Math.ceil(limit.value));
      return endOfWorkingDay(cal, workingDayOnOrAfter(cal, last));
    }
  }
}

/**
 * The due date of a dossier (or of one step) with every reason behind it (CAL-07): the start, the limit, the
 * days skipped, each pause and what it did under the procedure's rule, and the extension. Pure: the same input
 * always gives the same date.
 */
export function computeDueDate(cal: WorkingCalendar, input: DueDateInput): DueDate {
  const arithmetic = input.arithmetic ?? 'workingHours';
  const supplementClock = input.supplementClock ?? 'restart';
  const pausesOnFee = input.financialObligationPausesClock ?? true;
  const countingFrom = nextWorkingInstant(cal, input.startAt);
  const originalDueAt = addTimeLimit(cal, input.startAt, input.limit, arithmetic);
  const steps: DueDateStep[] = [
    { kind: 'start', receivedAt: input.startAt, countingFrom },
    { kind: 'limit', limit: input.limit, arithmetic },
  ];
  let due: Date | null = originalDueAt;
  let lastRestart = input.startAt;
  const events = [
    ...(input.pauses ?? []).map((pause) => ({ at: pause.start, pause })),
    ...(input.extension ? [{ at: input.extension.at, extension: input.extension }] : []),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const event of events) {
    if ('extension' in event && event.extension) {
      if (due) steps.push({ kind: 'extension', previousDueAt: due, dueAt: event.extension.newDueAt, reason: event.extension.reason });
      due = event.extension.newDueAt;
      continue;
    }
    const pause = (event as { pause: Pause }).pause;
    if (!pause.end) {
      steps.push({ kind: 'pause', pause, effect: 'open', workingMinutes: 0, dueAt: null });
      due = null;
      break;
    }
    const workingMinutes = workingMinutesBetween(cal, pause.start, pause.end);
    const counts = pause.kind === 'supplement' || pausesOnFee;
    if (pause.kind === 'supplement' && supplementClock === 'restart') {
      due = addTimeLimit(cal, pause.end, input.limit, arithmetic);
      lastRestart = pause.end;
      steps.push({ kind: 'pause', pause, effect: 'restart', workingMinutes, dueAt: due });
    } else if (counts && !(pause.kind === 'supplement' && supplementClock === 'subtractPause')) {
      due = addWorkingMinutes(cal, due!, workingMinutes);
      steps.push({ kind: 'pause', pause, effect: 'extend', workingMinutes, dueAt: due });
    } else {
      steps.push({ kind: 'pause', pause, effect: 'none', workingMinutes, dueAt: due });
    }
  }
  if (due) {
    steps.splice(2, 0, { kind: 'daysOff', days: groupDaysOff(cal, toLocal(lastRestart).date, toLocal(due).date) });
    steps.push({ kind: 'due', dueAt: due });
  }
  return { dueAt: due, originalDueAt, steps };
}

/** Consecutive days off with the same reason, as one range ("Tết Nguyên đán 16/02–20/02"). */
function groupDaysOff(cal: WorkingCalendar, from: string, to: string) {
  const groups: { from: string; to: string; kind: 'holiday' | 'dayOff' | 'weekend'; name: string }[] = [];
  for (const day of daysOffBetween(cal, from, to)) {
    const last = groups[groups.length - 1];
    if (last && last.kind === day.kind && last.name === day.name && addDays(last.to, 1) === day.date) last.to = day.date;
    else groups.push({ from: day.date, to: day.date, kind: day.kind, name: day.name });
  }
  return groups;
}
