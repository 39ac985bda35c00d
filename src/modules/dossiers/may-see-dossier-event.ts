import type { Actor } from '../../platform/context.ts';
import { isAllowedOnDossier } from './act-on-dossier.ts';
import type { DossierEvent } from './dossier-event.ts';
import { internalActionKinds } from './status-machine.ts';

/**
 * Whether a live update may go to this actor (issue 5 §3): the pages' own read rule (`isAllowedOnDossier`) on the
 * dossier as the event describes it — the applicant for their own dossier, an officer of one of its units — and
 * never the agency's internal deliberation to the applicant (`internalActionKinds`, as on their timeline).
 */
export function maySeeDossierEvent(actor: Actor, event: DossierEvent): boolean {
  if (actor.kind !== 'person' && actor.kind !== 'officer') return false;
  if (actor.kind === 'person' && internalActionKinds.has(event.kind)) return false;
  return isAllowedOnDossier(actor, 'dossier.read', {
    applicant_account_id: event.applicantAccountId, receiving_agency_id: event.receivingAgencyId, desk_agency_id: event.deskAgencyId,
    current_agency_id: event.currentAgencyId, consulting_agency_ids: event.consultingAgencyIds,
  });
}
