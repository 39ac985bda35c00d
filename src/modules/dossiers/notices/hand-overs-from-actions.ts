import type { HandOver } from './control-sheet.ts';

/** A dossier action row as the control sheet needs it (`dossier_action`: kind, at, actor_label, payload). */
export interface ControlSheetAction {
  kind: string;
  at: Date;
  actorLabel: string;
  payload: Record<string, unknown>;
}

export interface HandOverNames {
  /** The one-stop desk that received the dossier and returns the result. */
  desk: string;
  applicant: string;
  /** The printed name of a unit code from a `forwarded` action (`payload.toUnitCode`). */
  unitName: (code: string) => string;
}

/**
 * The hand-overs of a dossier from its action log (DL-08, Mẫu 05): each forward from the unit holding it to the
 * next, the resolved dossier back to the desk, and the result to the applicant. A step is judged when its receiver
 * hands the dossier on, against the step's due time (`payload.stepDueAt`, set at assignment) or, for the return,
 * against the dossier's due date.
 */
export function handOversFromActions(actions: readonly ControlSheetAction[], names: HandOverNames, dueAt: Date | null): HandOver[] {
  const lines: HandOver[] = [];
  let holder = names.desk;
  const close = (at: Date) => {
    const open = lines.at(-1);
    if (open && !open.completedAt) open.completedAt = at;
  };
  for (const action of actions) {
    const note = typeof action.payload.note === 'string' ? action.payload.note : undefined;
    const stepDueAt = typeof action.payload.stepDueAt === 'string' ? new Date(action.payload.stepDueAt) : null;
    if (action.kind === 'forwarded' && typeof action.payload.toUnitCode === 'string') {
      close(action.at);
      const unit = names.unitName(action.payload.toUnitCode);
      const to = typeof action.payload.toStep === 'string' ? `${unit} (${action.payload.toStep})` : unit;
      lines.push({ from: `${holder} – ${action.actorLabel}`, to, at: action.at, stepDueAt, note });
      holder = unit;
    } else if (action.kind === 'resolved') {
      close(action.at);
      lines.push({ from: `${holder} – ${action.actorLabel}`, to: names.desk, at: action.at, stepDueAt: null, completedAt: action.at, note });
      holder = names.desk;
    } else if (action.kind === 'returned') {
      close(action.at);
      lines.push({ from: `${names.desk} – ${action.actorLabel}`, to: names.applicant, at: action.at, stepDueAt: dueAt, completedAt: action.at, note });
    }
  }
  return lines;
}
