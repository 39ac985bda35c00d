import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { addTimeLimit } from '../../platform/clock/due-date.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { findAgency } from '../catalog/procedure-versions.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { requireStep, stepName } from './step-authority.ts';
import { requireText } from './require-text.ts';

/**
 * The specialist asks another unit for its opinion (issue 4 §5; Decree 61 Art. 19.2): the question and the
 * answer's own deadline from the step's consultation budget (DL-08), counted on the dossier's calendar. Only from a
 * step whose process allows consulting. Until it answers, the consulted unit may read the dossier.
 */
export function requestConsultation(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; toAgencyId: number; question: string }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.process'],
    action: async (dossier, trx) => {
      const rules = await loadClockRules(trx, dossier);
      const step = requireStep(actor, dossier, rules.process, ['handling'], lang);
      if (!step.consultation) {
        throw new AppError('transitionNotAllowed', [{ path: '/', message: t(lang, 'processing.error.noConsultation', { step: stepName(step, lang) }) }], { status: dossier.status });
      }
      const question = requireText(input.question, '/question', lang);
      const agency = Number.isInteger(input.toAgencyId) ? await findAgency(trx, { id: input.toAgencyId }) : undefined;
      if (!agency) throw new AppError('validationFailed', [{ path: '/toAgencyId', message: t(lang, 'processing.error.unknownUnit') }]);
      if (agency.id === dossier.current_agency_id) throw new AppError('validationFailed', [{ path: '/toAgencyId', message: t(lang, 'processing.error.consultOwnUnit') }]);
      const dueAt = addTimeLimit(rules.calendar, now, step.consultation.budget);
      return {
        kind: 'consultationRequested' as const,
        payload: { step: step.code, toAgencyId: agency.id, toUnitCode: agency.code, toUnitName: agency.name, question, dueAt: dueAt.toISOString() },
      };
    },
  });
}
