import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import type { Lang } from '../../platform/i18n/messages.ts';
import { defaultNextStep } from '../workflow/process/process-definition.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { requireStep } from './step-authority.ts';
import { requireText } from './require-text.ts';

/**
 * The leader decides at the approval step (issue 4 §5; Decree 61 Art. 19): grant, or refuse with the reason that
 * the refusal letter will carry (DL-07, `asResult`: the refusal is the result, issued and returned within the time
 * limit). Either way the dossier goes on to the issue step, where the clerk issues the signed document (→ 9). To
 * have the appraisal redone the leader sends it back instead (`forwardDossier`, transition `sendBack`).
 */
export function approveDossier(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; outcome: 'granted' | 'refused'; note?: string | undefined }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.approve'],
    action: async (dossier, trx) => {
      const process = (await loadClockRules(trx, dossier)).process;
      const step = requireStep(actor, dossier, process, ['approval'], lang);
      const reason = input.outcome === 'refused' ? requireText(input.note, '/note', lang) : undefined;
      const note = input.outcome === 'granted' ? input.note?.trim() || undefined : undefined;
      return {
        kind: 'approved' as const, ...(reason ? { reason } : {}),
        payload: { outcome: input.outcome, fromStep: step.code, toStep: defaultNextStep(process!.definition, step.code)?.code ?? null, ...(note ? { note } : {}) },
      };
    },
  });
}
