import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { addTimeLimit } from '../../platform/clock/due-date.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { findAgency } from '../catalog/procedure-versions.ts';
import { defaultNextStep, findStep, findTransition } from '../workflow/process/process-definition.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { stepRolePermission, requireStepAuthority, stepName } from './step-authority.ts';
import { requireText } from './require-text.ts';

export interface ForwardInput {
  dossierId: string;
  /** The step to go to; by default the current step's first `forward`. */
  toStep?: string | undefined;
  /** For a hand-over or transfer: the unit chosen at run time (e.g. another commune); otherwise the step's own unit. */
  toAgencyId?: number | undefined;
  assigneeId?: string | undefined;
  /** Mandatory when sending back (the leader says what to redo). */
  note?: string | undefined;
}

/**
 * Hands a dossier on along its pinned process (issue 4 §5, DL-08, ST-M5): from the desk to the handling unit
 * (2 → 4, routed at once online, DL-03), then from step to step. The target must be a transition the process
 * allows from the current step (forward, sendBack, handOver, transfer); the actor must hold the current step's role
 * at its unit (the desk for reception and return) and, once the step is assigned, be its holder or a leader. A
 * send-back needs its reason. Each hand-over is a control-sheet line (Mẫu 05) with from/to, time and the new step's
 * own due time.
 */
export function forwardDossier(db: Kysely<Database>, actor: Actor, now: Date, input: ForwardInput, lang: Lang = 'vi') {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: Object.values(stepRolePermission),
    action: async (dossier, trx) => {
      const rules = await loadClockRules(trx, dossier);
      const definition = rules.process?.definition;
      const from = definition && findStep(definition, dossier.current_step);
      if (!rules.process || !definition || !from) {
        throw new AppError('transitionNotAllowed', [{ path: '/toStep', message: t(lang, 'processing.error.noStep') }], { status: dossier.status, action: 'forwarded' });
      }
      const toCode = input.toStep ?? defaultNextStep(definition, from.code)?.code;
      const to = findStep(definition, toCode);
      const transition = to && findTransition(definition, from.code, to.code);
      if (!to || !transition) {
        throw new AppError('transitionNotAllowed', [{
          path: '/toStep', message: t(lang, 'processing.error.stepNotAllowed', { from: stepName(from, lang), to: to ? stepName(to, lang) : toCode ?? '—' }),
        }], { status: dossier.status, action: 'forwarded' });
      }
      requireStepAuthority(actor, dossier, from, lang);
      const note = transition.kind === 'sendBack' ? requireText(input.note, '/note', lang) : input.note?.trim() || undefined;
      // Only a hand-over or transfer names its unit at run time; every other move goes to the step's own unit.
      const chosen = (transition.kind === 'handOver' || transition.kind === 'transfer') && input.toAgencyId !== undefined;
      const agency = await findAgency(trx, { id: chosen ? input.toAgencyId! : rules.process.stepAgencyIds[to.code] ?? dossier.receiving_agency_id });
      if (!agency) throw new AppError('validationFailed', [{ path: '/toAgencyId', message: t(lang, 'processing.error.unknownUnit') }]);
      return {
        kind: 'forwarded' as const,
        payload: {
          fromStep: from.code, toStep: to.code, transition: transition.kind, toUnitCode: agency.code,
          ...(chosen ? { toAgencyId: agency.id } : {}), ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}), ...(note ? { note } : {}),
          stepDueAt: addTimeLimit(rules.calendar, now, to.budget).toISOString(),
        },
      };
    },
  });
}
