import type { ProcessStep, StepTransition } from '../workflow/process/process-definition.ts';
import type { StepAuthority } from './step-authority.ts';
import { nextStatus, type ActionKind, type DossierStatusCode } from './status-machine.ts';

/** What an officer can do on the processing page (issue 4 §5); each is one form and one POST route. */
export type ProcessingAction =
  | 'forward' | 'sendBack' | 'appraise' | 'requestSupplement' | 'supplemented' | 'consult' | 'answerConsultation'
  | 'approve' | 'issue' | 'return' | 'earlyReturnNotice' | 'extend' | 'decideWithdrawal' | 'stop' | 'note';

export interface ProcessingSituation {
  status: DossierStatusCode;
  /** The status to go back to when the current pause ends. */
  previousStatus: DossierStatusCode | null;
  /** The dossier's current step in its pinned process, if any. */
  step: ProcessStep | undefined;
  /** Whether this officer may act at that step (role at its unit, holder). */
  authority: StepAuthority | undefined;
  /** Whether this officer holds a permission on this dossier (`isAllowedOnDossier`). */
  holds: (permission: string) => boolean;
  /** Open consultations this officer's unit may answer. */
  answerable: number;
  extended: boolean;
  earlyReturnNoticed: boolean;
  dueAt: Date | null;
  now: Date;
}

export interface AvailableActions {
  actions: ProcessingAction[];
  /** Where "forward" may go from here (forward, hand-over, transfer). */
  forwardTargets: StepTransition[];
  /** Where "send back" may go from here. */
  sendBackTargets: StepTransition[];
}

/**
 * ONLY the actions this officer may take now (issue 4 §5): each must be allowed by the status machine (ST-M1) for
 * its action kind, and by the same rules its use case enforces — the step's purpose, the officer's role at the
 * step's unit and holding the step (`stepAuthority`), or the permission on the dossier. Pure: the page computes it
 * from what it loaded; the use cases still check everything themselves.
 */
export function availableActions(s: ProcessingSituation): AvailableActions {
  const allowed = (kind: ActionKind) => nextStatus(s.status, s.previousStatus, kind) !== null;
  const acting = s.authority === 'ok' && s.step !== undefined;
  const atStep = (...purposes: ProcessStep['purpose'][]) => acting && purposes.includes(s.step!.purpose);
  const forwardTargets = atStep('reception', 'handling') && allowed('forwarded') ? s.step!.next.filter((n) => n.kind !== 'sendBack') : [];
  const sendBackTargets = acting && allowed('forwarded') ? s.step!.next.filter((n) => n.kind === 'sendBack') : [];
  const open = s.dueAt !== null && s.now < s.dueAt;
  const rules: [ProcessingAction, boolean][] = [
    ['appraise', atStep('handling') && allowed('appraised')],
    ['forward', forwardTargets.length > 0],
    ['requestSupplement', atStep('handling') && allowed('supplementRequested')],
    ['consult', atStep('handling') && s.step!.consultation !== undefined && allowed('consultationRequested')],
    ['approve', atStep('approval') && allowed('approved')],
    ['sendBack', sendBackTargets.length > 0],
    ['issue', atStep('issue') && allowed('resolved')],
    ['answerConsultation', s.answerable > 0 && allowed('consultationAnswered')],
    ['supplemented', allowed('supplemented') && s.holds('dossier.receive')],
    ['return', allowed('returned') && s.holds('dossier.return')],
    ['earlyReturnNotice', allowed('earlyReturnNoticed') && open && !s.earlyReturnNoticed && (s.holds('dossier.return') || s.holds('dossier.approve'))],
    ['extend', allowed('extended') && !s.extended && s.holds('dossier.approve')],
    ['decideWithdrawal', s.status === 7 && (s.holds('dossier.receive') || s.holds('dossier.approve'))],
    ['stop', s.status !== 7 && allowed('stopped') && s.holds('dossier.approve')],
    ['note', allowed('noted') && s.holds('dossier.read')],
  ];
  return { actions: rules.filter(([, ok]) => ok).map(([action]) => action), forwardTargets, sendBackTargets };
}
