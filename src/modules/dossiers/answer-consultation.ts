import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { isAllowed } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { listActions } from './repository.ts';
import { requireText } from './require-text.ts';

/** Who answers for a consulted unit: its specialists or its leaders. */
export const answerPermissions = ['dossier.process', 'dossier.approve'] as const;

/**
 * The consulted unit answers (issue 4 §5): an officer of that unit (specialist or leader), once. Late answers are
 * accepted and stay visible as late against the consultation's own deadline (DL-08).
 */
export function answerConsultation(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; requestSeq: number; answer: string }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.read'],
    action: async (dossier, trx) => {
      const actions = await listActions(trx, dossier.id);
      const asked = actions.find((a) => a.seq === input.requestSeq && a.kind === 'consultationRequested');
      const agencyId = (asked?.payload as { toAgencyId?: number } | undefined)?.toAgencyId;
      if (!asked || typeof agencyId !== 'number') throw new AppError('notFound');
      if (!answerPermissions.some((permission) => isAllowed(actor, permission, { agencyId }))) {
        throw new AppError('forbidden', [{ path: '/', message: t(lang, 'processing.error.notConsulted') }]);
      }
      if (actions.some((a) => a.kind === 'consultationAnswered' && (a.payload as { requestSeq?: number }).requestSeq === input.requestSeq)) {
        throw new AppError('transitionNotAllowed', [{ path: '/', message: t(lang, 'processing.error.alreadyAnswered') }], { status: dossier.status });
      }
      const answer = requireText(input.answer, '/answer', lang);
      const dueAt = (asked.payload as { dueAt?: string }).dueAt;
      return { kind: 'consultationAnswered' as const, payload: { requestSeq: input.requestSeq, answer, agencyId, late: dueAt ? now > new Date(dueAt) : false } };
    },
  });
}
