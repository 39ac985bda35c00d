import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { lockDossier } from './repository.ts';
import { holdsDossier } from './work-step.ts';

/**
 * The holder gives a dossier back to the unit queue (issue 4 §2), where a colleague may claim it or the leader
 * assign it: the officer it is assigned to, or whoever covers that officer's absence. Nobody else may.
 */
export function releaseDossier(db: Kysely<Database>, actor: Actor, now: Date, input: { dossierId: string; reason?: string | undefined }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.read'],
    action: async (_stale, trx) => {
      const dossier = (await lockDossier(trx, input.dossierId))!;
      const holder = await holdsDossier(trx, actor, dossier, now);
      if (!holder.holds) throw new AppError('forbidden');
      const reason = input.reason?.trim() || undefined;
      return {
        kind: 'assigned', reason,
        payload: { assigneeId: null, previousAssigneeId: dossier.assignee_id, released: true, ...(holder.coveringFor ? { coveringFor: holder.coveringFor } : {}) },
      };
    },
  });
}
