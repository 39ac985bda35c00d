import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { isAllowed } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { officerNames } from '../identity/officer-names.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { lockDossier } from './repository.ts';
import { createStepResolver, stepRolePermission } from './work-step.ts';

/**
 * A specialist takes a dossier from the unit queue (issue 4 §2 "a specialist may claim from the unit queue"): only
 * an unassigned dossier, at a step of a role they may work, at a unit where they process dossiers. The check runs
 * inside the transaction after the header is locked, so of two officers claiming at once exactly one gets it and
 * the other is told who did (`dossierHeld`).
 */
export function claimDossier(db: Kysely<Database>, actor: Actor, now: Date, input: { dossierId: string }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.process'],
    action: async (_stale, trx) => {
      if (actor.kind !== 'officer') throw new AppError('forbidden');
      const dossier = (await lockDossier(trx, input.dossierId))!;
      const step = await createStepResolver(trx).step(dossier);
      if (!step || dossier.current_agency_id === null) throw new AppError('transitionNotAllowed', [], { status: dossier.status, action: 'assigned' });
      const agencyId = dossier.current_agency_id;
      if (!isAllowed(actor, 'dossier.process', { agencyId }) || !isAllowed(actor, stepRolePermission[step.role], { agencyId })) throw new AppError('forbidden');
      if (dossier.assignee_id !== null) {
        const holder = (await officerNames(trx, [dossier.assignee_id])).get(dossier.assignee_id) ?? '';
        throw new AppError('dossierHeld', [], { holder });
      }
      return { kind: 'assigned', payload: { assigneeId: actor.accountId, previousAssigneeId: null, claimed: true } };
    },
  });
}
