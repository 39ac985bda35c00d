import { addTimeLimit, computeDueDate, type DeadlineArithmetic, type DueDateStep, type Pause, type SupplementClock, type TimeLimit } from '../../platform/clock/due-date.ts';
import type { WorkingCalendar } from '../../platform/clock/working-calendar.ts';
import { defaultNextStep, findStep, firstStep, returnStep } from '../workflow/process/process-definition.ts';
import type { DossierProcess } from '../workflow/process/load-dossier-process.ts';
import { isTerminal, nextStatus, type ActionKind, type DossierStatusCode } from './status-machine.ts';

export interface DossierActionRecord {
  kind: ActionKind;
  at: Date;
  payload: { code?: string; newDueAt?: string; reason?: string } & Record<string, unknown>;
}

/** The procedure's rules the clock needs (DL-02, DL-04, DL-12, CAL-06), from the version the dossier pinned. */
export interface ClockRules {
  calendar: WorkingCalendar;
  limit: TimeLimit;
  arithmetic?: DeadlineArithmetic;
  supplementClock?: SupplementClock;
  financialObligationPausesClock?: boolean;
  /** The internal process the dossier pinned, with each step's agency; without it no step is tracked. */
  process?: DossierProcess;
}

/** Where the dossier is in its process (ST-M5, DL-08). */
export interface StepPosition {
  currentStep: string | null;
  currentAgencyId: number | null;
  assigneeId: string | null;
  stepStartedAt: Date | null;
  stepDueAt: Date | null;
}

/** Another unit's opinion asked from a step (issue 4 §5): its own deadline (DL-08), open until answered. */
export interface Consultation {
  /** The seq of the `consultationRequested` action: answers name it. */
  seq: number;
  agencyId: number;
  step: string | null;
  requestedAt: Date;
  dueAt: Date | null;
  answeredAt: Date | null;
}

export interface DossierProjection extends StepPosition {
  status: DossierStatusCode;
  /** The statuses to go back to when the current pause ends (innermost last). */
  resumeTo: DossierStatusCode[];
  code: string | null;
  submittedAt: Date | null;
  receivedAt: Date | null;
  dueAt: Date | null;
  originalDueAt: Date | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  refusedAt: Date | null;
  stoppedAt: Date | null;
  extended: boolean;
  supplementRequests: number;
  pauses: Pause[];
  dueDateSteps: DueDateStep[];
  consultations: Consultation[];
  /** The units asked for an opinion and not answered yet: they may read the dossier meanwhile. */
  consultingAgencyIds: number[];
}

export class InvalidTransition extends Error {
  constructor(readonly from: DossierStatusCode, readonly action: ActionKind) {
    super(`Action ${action} is not allowed in status ${from}`);
  }
}

const pausing = new Set<DossierStatusCode>([5, 6, 7]);

/**
 * Derives everything the header shows from the action log alone (ARCHITECTURE principle 1, ST-M3): status by the
 * transition table, the dates of DVCQG's fields (SYNC-02), the pauses, and the due date by the legal clock. Pure:
 * replaying the same actions always gives the same header, so the projection can be rebuilt or checked any time.
 */
export function projectDossier(actions: readonly DossierActionRecord[], rules: ClockRules): DossierProjection {
  const p: DossierProjection = {
    status: 0, resumeTo: [], code: null, submittedAt: null, receivedAt: null, dueAt: null, originalDueAt: null, resolvedAt: null,
    returnedAt: null, refusedAt: null, stoppedAt: null, extended: false, supplementRequests: 0, pauses: [], dueDateSteps: [],
    consultations: [], consultingAgencyIds: [], currentStep: null, currentAgencyId: null, assigneeId: null, stepStartedAt: null, stepDueAt: null,
  };
  const moveTo = (step: string | null | undefined, at: Date, assigneeId: unknown) => {
    const process = rules.process;
    const target = process && findStep(process.definition, step);
    if (!process || !target) return;
    p.currentStep = target.code;
    p.currentAgencyId = process.stepAgencyIds[target.code] ?? null;
    p.assigneeId = typeof assigneeId === 'string' ? assigneeId : null;
    p.stepStartedAt = at;
    p.stepDueAt = addTimeLimit(rules.calendar, at, target.budget);
  };
  let extension: { at: Date; newDueAt: Date; reason: string } | undefined;
  const openPause = (kind: Pause['kind']) => p.pauses.findLast((x) => x.kind === kind && !x.end);
  for (const [index, action] of actions.entries()) {
    const next = nextStatus(p.status, p.resumeTo.at(-1) ?? null, action.kind);
    if (next === null) throw new InvalidTransition(p.status, action.kind);
    if (endsPause(action.kind)) p.resumeTo.pop();
    else if (pausing.has(next) && next !== p.status) p.resumeTo.push(p.status);
    switch (action.kind) {
      case 'submitted': p.submittedAt = action.at; if (rules.process) moveTo(firstStep(rules.process.definition).code, action.at, null); break;
      case 'received':
        p.receivedAt = action.at; p.code = action.payload.code ?? null;
        if (rules.process) moveTo(firstStep(rules.process.definition).code, action.at, action.payload.assigneeId);
        break;
      case 'forwarded': {
        const to = typeof action.payload.toStep === 'string' ? action.payload.toStep : rules.process && defaultNextStep(rules.process.definition, p.currentStep)?.code;
        moveTo(to, action.at, action.payload.assigneeId);
        // A hand-over or transfer may name the receiving unit at run time (e.g. another commune).
        if (typeof action.payload.toAgencyId === 'number') p.currentAgencyId = action.payload.toAgencyId;
        break;
      }
      // The leader's approval sends the dossier on along the approval step's forward (to the clerk's issue step).
      case 'approved': moveTo(rules.process && defaultNextStep(rules.process.definition, p.currentStep)?.code, action.at, action.payload.assigneeId); break;
      case 'consultationRequested':
        if (typeof action.payload.toAgencyId === 'number') {
          p.consultations.push({
            seq: index + 1, agencyId: action.payload.toAgencyId, step: p.currentStep, requestedAt: action.at,
            dueAt: typeof action.payload.dueAt === 'string' ? new Date(action.payload.dueAt) : null, answeredAt: null,
          });
        }
        break;
      case 'consultationAnswered': {
        const asked = p.consultations.find((c) => c.seq === action.payload.requestSeq);
        if (asked) asked.answeredAt = action.at;
        break;
      }
      case 'assigned': if (p.currentStep) p.assigneeId = typeof action.payload.assigneeId === 'string' ? action.payload.assigneeId : null; break;
      case 'receptionRefused': p.refusedAt = action.at; break;
      case 'supplementRequested':
        p.supplementRequests += 1;
        // Before acceptance no clock runs (ST-M1: 1 → 5 is pre-acceptance), so there is nothing to pause.
        if (p.receivedAt) p.pauses.push({ kind: 'supplement', start: action.at, reason: action.payload.reason });
        break;
      case 'supplemented': { const open = openPause('supplement'); if (open) open.end = action.at; break; }
      case 'paymentRequested': if (p.receivedAt) p.pauses.push({ kind: 'financialObligation', start: action.at, reason: action.payload.reason }); break;
      case 'paid': { const open = openPause('financialObligation'); if (open) open.end = action.at; break; }
      case 'stopped': p.stoppedAt = action.at; break;
      case 'resolved': p.resolvedAt = action.at; if (rules.process) moveTo(returnStep(rules.process.definition).code, action.at, null); break;
      case 'returned': p.returnedAt = action.at; break;
      case 'extended':
        extension = { at: action.at, newDueAt: new Date(String(action.payload.newDueAt)), reason: action.payload.reason ?? '' };
        p.extended = true;
        break;
      default: break;
    }
    // A pause stops the step's own clock too; when the dossier moves again the step's budget starts afresh.
    if (endsPause(action.kind) && p.currentStep) moveTo(p.currentStep, action.at, p.assigneeId);
    else if (pausing.has(next) && next !== p.status) p.stepDueAt = null;
    p.status = next;
  }
  p.consultingAgencyIds = [...new Set(p.consultations.filter((c) => !c.answeredAt).map((c) => c.agencyId))];
  if (isTerminal(p.status)) Object.assign(p, { currentStep: null, currentAgencyId: null, assigneeId: null, stepStartedAt: null, stepDueAt: null, consultingAgencyIds: [] });
  if (p.receivedAt) {
    const due = computeDueDate(rules.calendar, {
      startAt: p.receivedAt, limit: rules.limit, arithmetic: rules.arithmetic, pauses: p.pauses, supplementClock: rules.supplementClock,
      financialObligationPausesClock: rules.financialObligationPausesClock, extension,
    });
    p.dueAt = due.dueAt;
    p.originalDueAt = due.originalDueAt;
    p.dueDateSteps = due.steps;
  }
  return p;
}

/** Actions that end a pause and go back to the status before it. */
function endsPause(kind: ActionKind): boolean {
  return kind === 'supplemented' || kind === 'paid' || kind === 'withdrawalRefused';
}
