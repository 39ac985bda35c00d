import { addTimeLimit, type Pause } from '../../platform/clock/due-date.ts';
import { timeliness } from '../../platform/clock/rules.ts';
import type { WorkingCalendar } from '../../platform/clock/working-calendar.ts';
import { workingMinutesBetween } from '../../platform/clock/working-time.ts';
import type { DossierProcess } from '../workflow/process/load-dossier-process.ts';
import { defaultNextStep, findStep, firstStep, returnStep, type ProcessStep, type StepBudget } from '../workflow/process/process-definition.ts';
import type { DossierProjection } from './project-dossier.ts';
import type { ActionKind } from './status-machine.ts';

// The dossier's way through its process as its applicant follows it (issue 4 §6; S-g, DL-08): every step visited
// with its unit, officer, time used against the step's budget and the pauses inside it, then the steps still ahead
// and when the result should be ready, beside the legal due date. Pure: the same actions give the same timeline.

export interface TimelineAction {
  kind: ActionKind;
  at: Date;
  actorLabel: string;
  payload: Record<string, unknown>;
}

export interface VisitedStep {
  code: string;
  name: string;
  nameEn: string | null;
  agencyName: string;
  /** Who holds or held the step: its assignee, or the officer who acted on it last. */
  officer: string | null;
  startedAt: Date;
  /** Null while the dossier is still at this step. */
  endedAt: Date | null;
  /** Working minutes spent at the step, pauses left out. */
  usedMinutes: number;
  budget: StepBudget;
  budgetMinutes: number;
  /** When the step's budget runs out (counted afresh after a pause, like the dossier header); null during a pause. */
  dueAt: Date | null;
  /** CAL-08 for a finished step; for the current one only `late` once its budget has run out. */
  timeliness: 'early' | 'onTime' | 'late' | null;
  pauses: Pause[];
}

export interface StepAhead { code: string; name: string; nameEn: string | null; agencyName: string; budget: StepBudget }

export interface StepTimeline {
  visited: VisitedStep[];
  ahead: StepAhead[];
  /** When the result should be ready if every step ahead uses its budget; null when paused, finished or ended. */
  predictedAt: Date | null;
  /** The legal due date of the dossier (DL-04), to read beside the prediction. */
  dueAt: Date | null;
  paused: boolean;
}

export interface StepTimelineInput {
  actions: readonly TimelineAction[];
  process: DossierProcess;
  calendar: WorkingCalendar;
  projection: Pick<DossierProjection, 'status' | 'pauses' | 'dueAt'>;
  agencyNames: ReadonlyMap<number, string>;
  /** Display names of the officers a step may be assigned to. */
  officerNames: ReadonlyMap<string, string>;
  now: Date;
}

/** Actions an applicant or the system takes: they tell nothing of who handles a step. */
const notOfficers = new Set<ActionKind>(['drafted', 'submitted', 'withdrawalRequested', 'dueDateRecomputed']);

export function buildStepTimeline(input: StepTimelineInput): StepTimeline {
  const { process, calendar, now } = input;
  const definition = process.definition;
  interface Open { step: ProcessStep; startedAt: Date; endedAt: Date | null; agencyId: number | null; assigneeId: string | null; lastActor: string | null }
  const visits: Open[] = [];
  const current = () => { const v = visits.at(-1); return v && !v.endedAt ? v : undefined; };
  const close = (at: Date, actor: string) => { const v = current(); if (v) { v.endedAt = at; v.lastActor ??= actor; } };
  const open = (step: ProcessStep | undefined, at: Date, assigneeId: unknown, agencyId?: unknown) => {
    if (!step) return;
    visits.push({
      step, startedAt: at, endedAt: null, assigneeId: typeof assigneeId === 'string' ? assigneeId : null, lastActor: null,
      agencyId: typeof agencyId === 'number' ? agencyId : process.stepAgencyIds[step.code] ?? null,
    });
  };
  for (const action of input.actions) {
    const v = current();
    if (v && !notOfficers.has(action.kind) && !['forwarded', 'resolved'].includes(action.kind)) v.lastActor = action.actorLabel;
    switch (action.kind) {
      case 'submitted': if (!visits.length) open(firstStep(definition), action.at, null); break;
      case 'received': if (!current()) open(firstStep(definition), action.at, action.payload['assigneeId']); break;
      case 'forwarded': {
        const from = current()?.step.code ?? null;
        const to = typeof action.payload['toStep'] === 'string' ? findStep(definition, action.payload['toStep']) : defaultNextStep(definition, from);
        if (!to) break;
        if (v) v.lastActor = action.actorLabel;
        close(action.at, action.actorLabel);
        open(to, action.at, action.payload['assigneeId'], action.payload['toAgencyId']);
        break;
      }
      // The leader's decision moves the dossier to the next step of the process, as the projection does.
      case 'approved': {
        const to = defaultNextStep(definition, current()?.step.code ?? null);
        if (!to) break;
        close(action.at, action.actorLabel);
        open(to, action.at, action.payload['assigneeId']);
        break;
      }
      case 'assigned': if (v) v.assigneeId = typeof action.payload['assigneeId'] === 'string' ? action.payload['assigneeId'] : null; break;
      case 'resolved':
        if (v) v.lastActor = action.actorLabel;
        close(action.at, action.actorLabel);
        open(returnStep(definition), action.at, null);
        break;
      case 'returned': case 'receptionRefused': case 'stopped': close(action.at, action.actorLabel); break;
      default: break;
    }
  }

  const openPause = input.projection.pauses.some((p) => !p.end);
  const visited: VisitedStep[] = visits.map((v) => {
    const end = v.endedAt ?? now;
    const pauses = input.projection.pauses.filter((p) => p.start < end && (p.end ?? now) > v.startedAt);
    const pausedMinutes = pauses.reduce((sum, p) => sum + workingMinutesBetween(calendar, maxDate(p.start, v.startedAt), minDate(p.end ?? now, end)), 0);
    const restart = pauses.reduce((at, p) => (p.end && p.end <= end && p.end > at ? p.end : at), v.startedAt);
    const stillPaused = !v.endedAt && pauses.some((p) => !p.end);
    const dueAt = stillPaused ? null : addTimeLimit(calendar, restart, v.step.budget);
    return {
      code: v.step.code, name: v.step.name, nameEn: v.step.nameEn ?? null, agencyName: v.agencyId === null ? '' : input.agencyNames.get(v.agencyId) ?? '',
      officer: (v.assigneeId ? input.officerNames.get(v.assigneeId) : undefined) ?? v.lastActor,
      startedAt: v.startedAt, endedAt: v.endedAt, usedMinutes: Math.max(0, workingMinutesBetween(calendar, v.startedAt, end) - pausedMinutes),
      budget: v.step.budget, budgetMinutes: budgetMinutes(calendar, v.step.budget), dueAt,
      timeliness: dueAt === null ? null : v.endedAt ? timeliness(dueAt, v.endedAt) : now > dueAt ? 'late' : null,
      pauses,
    };
  });

  // The way ahead: the default forward path from the current step to the return step.
  const here = current();
  const ended = [3, 8, 10].includes(input.projection.status);
  const ahead: StepAhead[] = [];
  if (here && !ended) {
    const seen = new Set([here.step.code]);
    for (let step = defaultNextStep(definition, here.step.code); step && !seen.has(step.code); step = defaultNextStep(definition, step.code)) {
      seen.add(step.code);
      const agencyId = process.stepAgencyIds[step.code];
      ahead.push({ code: step.code, name: step.name, nameEn: step.nameEn ?? null, agencyName: agencyId === undefined ? '' : input.agencyNames.get(agencyId) ?? '', budget: step.budget });
      if (step.purpose === 'return') break;
    }
  }
  // Ready when the steps before the return step have used their budgets, from the current step's end (or now, if late).
  let predictedAt: Date | null = null;
  const last = visited.at(-1);
  if (here && !ended && !openPause && here.step.purpose !== 'return' && last?.dueAt) {
    predictedAt = maxDate(last.dueAt, now);
    for (const step of ahead) if (findStep(definition, step.code)?.purpose !== 'return') predictedAt = addTimeLimit(calendar, predictedAt, step.budget);
  }
  return { visited, ahead, predictedAt, dueAt: input.projection.dueAt, paused: openPause && !ended };
}

function budgetMinutes(calendar: WorkingCalendar, budget: StepBudget): number {
  return budget.unit === 'workingDays' ? budget.value * calendar.minutesPerDay : budget.value * 60;
}

const maxDate = (a: Date, b: Date) => (a > b ? a : b);
const minDate = (a: Date, b: Date) => (a < b ? a : b);
