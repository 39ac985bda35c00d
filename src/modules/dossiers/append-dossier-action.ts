import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { insertAction, listActions, lockDossier, writeProjection } from './repository.ts';
import { announceDossierAction } from './announce-dossier-action.ts';
import { publishDossierEvent } from './dossier-event.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { InvalidTransition, projectDossier, type DossierActionRecord, type DossierProjection } from './project-dossier.ts';
import type { ActionKind, DossierStatusCode } from './status-machine.ts';

export interface NewAction {
  kind: ActionKind;
  at: Date;
  actor: Actor;
  reason?: string | undefined;
  payload?: Record<string, unknown>;
}

export function actorIdentity(actor: Actor): { actorId: string | null; actorLabel: string } {
  if (actor.kind === 'person' || actor.kind === 'officer') return { actorId: actor.accountId, actorLabel: actor.name };
  if (actor.kind === 'system') return { actorId: null, actorLabel: actor.label };
  return { actorId: null, actorLabel: actor.kind };
}

/**
 * The one way a dossier changes (ST-M3): inside the caller's transaction, lock the header, replay the action log
 * with the new action through the transition table and the legal clock, append the action and rewrite the header
 * projection, then announce it (the applicant's notification, the notice to store: issue 4 §5) in the same
 * transaction, and signal it to the pages open on it (live updates, issue 5 §3; delivered on commit). A transition
 * the rules forbid is refused with `transitionNotAllowed` and nothing is written.
 */
export async function appendDossierAction(trx: Transaction<Database>, dossierId: string, action: NewAction): Promise<DossierProjection> {
  const dossier = await lockDossier(trx, dossierId);
  if (!dossier) throw new AppError('dossierNotFound');
  const [history, rules] = await Promise.all([listActions(trx, dossierId), loadClockRules(trx, dossier)]);
  const payload = { ...(action.payload ?? {}), ...(action.reason ? { reason: action.reason } : {}) };
  const records: DossierActionRecord[] = [
    ...history.map((a) => ({ kind: a.kind as ActionKind, at: new Date(a.at), payload: a.payload as DossierActionRecord['payload'] })),
    { kind: action.kind, at: action.at, payload },
  ];
  let projection: DossierProjection;
  try {
    projection = projectDossier(records, rules);
  } catch (error) {
    if (error instanceof InvalidTransition) throw new AppError('transitionNotAllowed', [], { status: error.from, action: error.action });
    throw error;
  }
  const seq = history.length + 1;
  await insertAction(trx, {
    dossierId, seq, kind: action.kind, at: action.at, ...actorIdentity(action.actor),
    fromStatus: dossier.status as DossierStatusCode, toStatus: projection.status, reason: action.reason ?? null, payload,
  });
  await writeProjection(trx, dossierId, { ...projection, actionCount: seq, now: action.at });
  await announceDossierAction(trx, { dossier, seq, kind: action.kind, at: action.at, fromStatus: dossier.status, reason: action.reason ?? null, payload, projection });
  // A draft is seen by no one but its author, in the page they are typing in: nothing to signal.
  if (projection.status !== 0) {
    await publishDossierEvent(trx, {
      dossierId, reference: dossier.reference, code: projection.code, seq, kind: action.kind,
      fromStatus: dossier.status as DossierStatusCode, status: projection.status, applicantAccountId: dossier.applicant_account_id,
      receivingAgencyId: dossier.receiving_agency_id, deskAgencyId: dossier.desk_agency_id, currentAgencyId: projection.currentAgencyId,
      consultingAgencyIds: projection.consultingAgencyIds,
    });
  }
  return projection;
}
