import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { t } from '../../platform/i18n/messages.ts';
import { appendDossierAction } from '../dossiers/append-dossier-action.ts';
import { lockDossier } from '../dossiers/repository.ts';
import { formatVnd } from './amount-in-words.ts';
import { openPaymentRequest } from './payment-request.ts';
import { findPaymentByReference, insertPayment, insertPaymentEvent } from './repository.ts';

export type CodOutcome = 'recorded' | 'alreadyRecorded' | 'notDue' | 'invalidAmount';

/**
 * Fees collected by the post on delivery (cash on delivery; issue 5 §2 and §4), recorded like a counter payment
 * (method `post-cod`), inside the caller's transaction: one paid order keyed by the postal order's reference (so a
 * repeated delivery callback finds it and records nothing), and the dossier's `paid` action when the request it
 * settles is still open and the amount matches to the dong.
 */
export async function recordPostCodPayment(trx: Transaction<Database>, actor: Actor, now: Date, input: {
  dossierId: string; postalReference: string; orderCode: string; requestSeq: number; amount: number;
}): Promise<CodOutcome> {
  const orderReference = `COD-${input.postalReference}`;
  if (await findPaymentByReference(trx, orderReference, true)) return 'alreadyRecorded';
  const dossier = await lockDossier(trx, input.dossierId);
  const request = dossier ? await openPaymentRequest(trx, dossier) : undefined;
  if (!request || request.seq !== input.requestSeq) return 'notDue';
  if (request.total !== input.amount) return 'invalidAmount';
  const payment = await insertPayment(trx, {
    dossierId: input.dossierId, requestSeq: request.seq, orderReference, amount: request.total, items: request.items, status: 'paid', method: 'post-cod',
    transactionNo: input.orderCode, now, paidAt: now,
  });
  await insertPaymentEvent(trx, { paymentId: payment.id, kind: 'counter', outcome: 'paid', detail: { postCod: true, orderCode: input.orderCode }, at: now });
  await appendDossierAction(trx, input.dossierId, {
    kind: 'paid', at: now, actor, reason: t('vi', 'postal.timeline.codPaid', { amount: formatVnd(request.total), code: input.orderCode }),
    payload: { paymentId: payment.id, orderReference, method: 'post-cod', amount: request.total, transactionNo: input.orderCode },
  });
  return 'recorded';
}
