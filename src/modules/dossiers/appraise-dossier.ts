import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { requireStep } from './step-authority.ts';
import { requireText } from './require-text.ts';

/**
 * The specialist's appraisal (issue 4 §5; Decree 61 Art. 19): an opinion and a proposal to grant, or to refuse
 * with the reason (DL-07: the reason is mandatory). Internal: it informs the leader's approval and never reaches
 * the applicant's timeline. Only at a handling step, by its holder.
 */
export function appraiseDossier(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: {
  dossierId: string; proposal: 'grant' | 'refuse'; opinion: string; refusalReason?: string | undefined;
}) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.process'],
    action: async (dossier, trx) => {
      const step = requireStep(actor, dossier, (await loadClockRules(trx, dossier)).process, ['handling'], lang);
      const opinion = requireText(input.opinion, '/opinion', lang);
      const refusalReason = input.proposal === 'refuse' ? requireText(input.refusalReason, '/refusalReason', lang) : undefined;
      return { kind: 'appraised' as const, payload: { step: step.code, proposal: input.proposal, opinion, ...(refusalReason ? { refusalReason } : {}) } };
    },
  });
}
