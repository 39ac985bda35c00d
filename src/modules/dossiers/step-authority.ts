import type { Actor } from '../../platform/context.ts';
import { isAllowed } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang, type MessageKey } from '../../platform/i18n/messages.ts';
import { findStep, type ProcessStep, type StepPurpose, type StepRole } from '../workflow/process/process-definition.ts';
import type { DossierProcess } from '../workflow/process/load-dossier-process.ts';

// Who may act at a step of a dossier's process (issue 4 §5, DL-08): the step's role at the step's unit, and the
// step's holder once it is assigned (or a leader of that unit, who may always take over). Shared by the use cases,
// which enforce it, and by the processing page, which offers only what would pass.

/** The permission each process role acts with (migration 0003). */
export const stepRolePermission: Readonly<Record<StepRole, string>> = {
  reception: 'dossier.receive', specialist: 'dossier.process', leader: 'dossier.approve', clerk: 'dossier.register',
};

export interface DossierPosition {
  current_step: string | null;
  current_agency_id: number | null;
  desk_agency_id: number;
  assignee_id: string | null;
}

/** The units whose officers act at a step: the step's unit; for reception and return, also the one-stop desk. */
export function stepUnits(step: ProcessStep, dossier: DossierPosition): number[] {
  const units = dossier.current_agency_id === null ? [] : [dossier.current_agency_id];
  if (step.purpose === 'reception' || step.purpose === 'return') units.push(dossier.desk_agency_id);
  return units;
}

export type StepAuthority = 'ok' | 'wrongRole' | 'notHolder';

/** Whether the actor may act at the dossier's current step (`step`). */
export function stepAuthority(actor: Actor, dossier: DossierPosition, step: ProcessStep): StepAuthority {
  const units = stepUnits(step, dossier);
  const holds = (permission: string) => units.some((agencyId) => isAllowed(actor, permission, { agencyId }));
  if (!holds(stepRolePermission[step.role])) return 'wrongRole';
  const holder = actor.kind === 'officer' && actor.accountId === dossier.assignee_id;
  if (dossier.assignee_id !== null && !holder && !holds('dossier.approve')) return 'notHolder';
  return 'ok';
}

export function stepName(step: ProcessStep, lang: Lang): string {
  return lang === 'en' && step.nameEn ? step.nameEn : step.name;
}

/**
 * The dossier's current step, refused with `transitionNotAllowed` (and a message naming the step) unless its purpose
 * is one of `purposes`; then the actor must be allowed to act there (`forbidden` otherwise, with the reason).
 */
export function requireStep(actor: Actor, dossier: DossierPosition & { status: number }, process: DossierProcess | undefined, purposes: readonly StepPurpose[], lang: Lang): ProcessStep {
  const step = process && findStep(process.definition, dossier.current_step);
  if (!step) throw new AppError('transitionNotAllowed', [{ path: '/', message: t(lang, 'processing.error.noStep') }], { status: dossier.status });
  if (!purposes.includes(step.purpose)) {
    throw new AppError('transitionNotAllowed', [{ path: '/', message: t(lang, 'processing.error.wrongStep', { step: stepName(step, lang) }) }], { status: dossier.status });
  }
  requireStepAuthority(actor, dossier, step, lang);
  return step;
}

export function requireStepAuthority(actor: Actor, dossier: DossierPosition, step: ProcessStep, lang: Lang): void {
  const authority = stepAuthority(actor, dossier, step);
  if (authority === 'ok') return;
  const role = t(lang, `processing.role.${step.role}` as MessageKey);
  throw new AppError('forbidden', [{ path: '/', message: t(lang, `processing.error.${authority}`, { step: stepName(step, lang), role }) }]);
}
