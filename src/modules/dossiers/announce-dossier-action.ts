import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue-message.ts';
import { getProcedureVersion } from '../catalog/procedure-versions.ts';
import { isAnnounced } from '../notifications/dossier-messages.ts';
import { notifyDossierChange } from '../notifications/notify-dossier-change.ts';
import type { DossierProjection } from './project-dossier.ts';
import { storedNoticeActions } from './render-dossier-notice.ts';
import type { ActionKind } from './status-machine.ts';
import type { ApplicantSnapshot } from './tables.ts';

/** What `storeDossierNotice` is asked to do through the outbox (topic `dossierNotice`). */
export interface StoreNoticeRequest { dossierId: string; seq: number }

/**
 * What follows an action, in its own transaction (issue 4 §5): the applicant is told of a status change or a new
 * appointment (notifications module), and a notice the action issued (Mẫu 01-04, the stop notice) is queued to be
 * rendered once and stored with the dossier. Both are keyed by dossier and seq, so they happen once.
 */
export async function announceDossierAction(trx: Transaction<Database>, input: {
  dossier: { id: string; reference: string; applicant_account_id: string | null; procedure_version_id: number; applicant: unknown };
  seq: number; kind: ActionKind; at: Date; fromStatus: number; reason: string | null; payload: Record<string, unknown>; projection: DossierProjection;
}): Promise<void> {
  const { dossier, projection } = input;
  // A stop before acceptance has no code and issues no notice (render-dossier-notice.ts).
  if (storedNoticeActions.has(input.kind) && (input.kind !== 'stopped' || projection.code)) {
    await enqueueMessage(trx, {
      topic: 'dossierNotice', payload: { dossierId: dossier.id, seq: input.seq } satisfies StoreNoticeRequest,
      idempotencyKey: `dossier:${dossier.id}:${input.seq}:notice`, now: input.at,
    });
  }
  if (!isAnnounced(input.kind, input.fromStatus, projection.status)) return;
  const applicant = dossier.applicant as ApplicantSnapshot;
  const { definition } = await getProcedureVersion(trx, dossier.procedure_version_id);
  await notifyDossierChange(trx, {
    at: input.at, applicantAccountId: dossier.applicant_account_id, applicantEmail: applicant.email ?? null, applicantPhone: applicant.phone ?? null,
    event: {
      kind: input.kind, seq: input.seq, fromStatus: input.fromStatus, toStatus: projection.status, reason: input.reason, payload: input.payload,
      dossier: { id: dossier.id, reference: dossier.reference, code: projection.code, procedureName: definition.name, applicantName: applicant.name, dueAt: projection.dueAt },
    },
  });
}
