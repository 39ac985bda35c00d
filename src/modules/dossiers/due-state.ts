import type { WorkingCalendar } from '../../platform/clock/working-calendar.ts';
import { timeLeft, type TimeLeft } from './time-left.ts';

/** How a dossier in a work queue stands against its clocks: the step's budget and the dossier's legal due date. */
export type DueState = TimeLeft;

const urgency: Record<DueState, number> = { overdue: 3, dueSoon: 2, onTime: 1, paused: 0 };

/**
 * The due state of a work-queue row (issue 4 §5, S-g): the worse of the step's and the dossier's time left —
 * overdue once either due instant has passed, due soon when either falls within one working day, on time
 * otherwise, paused when neither clock runs (supplement, payment, withdrawal request). The one definition the
 * queue's filter, its sort and its colour bands share.
 */
export function dueState(cal: WorkingCalendar, clocks: { stepDueAt: Date | null; dueAt: Date | null }, now: Date): DueState {
  const step = timeLeft(cal, clocks.stepDueAt, now);
  const dossier = timeLeft(cal, clocks.dueAt, now);
  return urgency[step] >= urgency[dossier] ? step : dossier;
}

/** Most urgent first: overdue, due soon, on time, paused. */
export function dueStateRank(state: DueState): number {
  return 3 - urgency[state];
}
