import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { getProcedureVersion } from '../catalog/procedure-versions.ts';
import { isAllowedOnDossier } from '../dossiers/act-on-dossier.ts';
import { findDossier } from '../dossiers/repository.ts';
import { transitions, type DossierStatusCode } from '../dossiers/status-machine.ts';
import { listPaymentRequests } from './payment-request.ts';
import { listDossierPayments, listPaymentEvents } from './repository.ts';

/**
 * A dossier's fees as the desk handles them (issue 5 §2): the case's fees, the requests made, every order with its
 * exchanges with the gateway (failures included), and what this officer may do now: request payment (in a status
 * that allows it) or record a payment at the counter (status 6).
 */
export async function getDeskPayments(db: Kysely<Database>, actor: Actor, dossierId: string) {
  const dossier = await findDossier(db, dossierId);
  if (!dossier) throw new AppError('dossierNotFound');
  if (!isAllowedOnDossier(actor, 'dossier.read', dossier)) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const [version, requests, payments] = await Promise.all([getProcedureVersion(db, dossier.procedure_version_id), listPaymentRequests(db, dossier), listDossierPayments(db, dossier.id)]);
  const events = await listPaymentEvents(db, payments.map((p) => p.id));
  const procedureCase = version.definition.cases.find((c) => c.code === dossier.case_code);
  const desk = isAllowedOnDossier(actor, 'dossier.receive', dossier);
  return {
    dossier, procedureName: version.definition.name, caseName: procedureCase?.name ?? dossier.case_code, fees: procedureCase?.fees ?? [],
    requests, open: requests.find((r) => r.open), payments, events,
    canRequest: 'paymentRequested' in transitions[dossier.status as DossierStatusCode] && (desk || isAllowedOnDossier(actor, 'dossier.process', dossier)),
    canRecordCounter: dossier.status === 6 && desk,
    refundable: desk ? payments.filter((p) => p.status === 'paid' && p.method !== 'counter' && p.transaction_no && !events.some((e) => e.payment_id === p.id && e.kind === 'refund' && e.outcome === 'requested')) : [],
  };
}

export type DeskPayments = Awaited<ReturnType<typeof getDeskPayments>>;
