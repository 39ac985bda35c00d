import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue-message.ts';
import type { OutboxHandler } from '../../platform/outbox/deliver-outbox.ts';
import { isAllowedOnDossier } from '../dossiers/act-on-dossier.ts';
import { appendDossierAction } from '../dossiers/append-dossier-action.ts';
import { findDossier, lockDossier } from '../dossiers/repository.ts';
import { transitions, type DossierStatusCode } from '../dossiers/status-machine.ts';
import { formatVnd } from './amount-in-words.ts';
import { gatewayActor } from './apply-gateway-outcome.ts';
import type { PaymentGateway } from './gateway/payment-gateway.ts';
import { findPayment, insertPaymentEvent, updatePayment } from './repository.ts';

interface RefundMessage { paymentId: string; amount: number; by: string }

/**
 * The desk asks the gateway to refund an online payment (issue 5 §2), e.g. one flagged `duplicate`, with a reason.
 * Nothing is sent from the request: the refund is an outbox message (principle 5), delivered by the worker with
 * retries; asking twice for the same payment is refused (one idempotency key per payment).
 */
export async function requestRefund(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; paymentId: string; reason: string }) {
  const dossier = await findDossier(db, input.dossierId);
  const payment = await findPayment(db, input.paymentId);
  if (!dossier || !payment || payment.dossier_id !== dossier.id) throw new AppError('notFound');
  if (!isAllowedOnDossier(actor, 'dossier.receive', dossier)) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const reason = input.reason.trim();
  if (!reason) throw new AppError('validationFailed', [{ path: '/reason', message: t(lang, 'payments.refundReasonRequired') }]);
  if (payment.status !== 'paid' || payment.method === 'counter' || !payment.transaction_no) {
    throw new AppError('validationFailed', [{ path: '/paymentId', message: t(lang, 'payments.refundNotPossible') }]);
  }
  const by = actor.kind === 'officer' || actor.kind === 'person' ? actor.name : 'system';
  await db.transaction().execute(async (trx) => {
    const message: RefundMessage = { paymentId: payment.id, amount: Number(payment.amount), by };
    if (!await enqueueMessage(trx, { topic: 'paymentRefund', payload: message, idempotencyKey: `payment-refund:${payment.id}`, now })) {
      throw new AppError('validationFailed', [{ path: '/paymentId', message: t(lang, 'payments.refundAlreadyRequested') }]);
    }
    await insertPaymentEvent(trx, { paymentId: payment.id, kind: 'refund', outcome: 'requested', detail: { by, reason }, at: now });
  });
}

/**
 * The outbox handler of `paymentRefund`: calls the gateway's refund API; on success the payment is `refunded` and
 * the dossier's timeline notes it; a refusal by the gateway is final (logged, not retried); a network error throws
 * so the outbox retries.
 */
export function paymentRefundHandler(db: Kysely<Database>, gateway: PaymentGateway | undefined, now: () => Date = () => new Date()): OutboxHandler {
  return async (payload) => {
    const message = payload as Partial<RefundMessage> | null;
    if (typeof message?.paymentId !== 'string' || typeof message.amount !== 'number') throw new Error('malformed refund payload');
    if (!gateway) throw new Error('no payment gateway configured');
    const payment = await findPayment(db, message.paymentId);
    if (!payment || payment.status === 'refunded') return;
    const at = now();
    const order = { reference: payment.order_reference, amount: Number(payment.amount), info: '', createdAt: new Date(payment.created_at), transactionNo: payment.transaction_no ?? '' };
    let result;
    try {
      result = await gateway.refund(order, { amount: message.amount, by: message.by ?? 'system', now: at });
    } catch (error) {
      await insertPaymentEvent(db, { paymentId: payment.id, kind: 'refund', outcome: 'error', detail: { error: error instanceof Error ? error.message : String(error) }, at });
      throw error;
    }
    await db.transaction().execute(async (trx) => {
      await insertPaymentEvent(trx, { paymentId: payment.id, kind: 'refund', outcome: result.ok ? 'done' : `refused:${result.code}`, detail: { response: result.raw }, at });
      if (!result.ok) return;
      await updatePayment(trx, payment.id, { status: 'refunded', now: at });
      const dossier = await lockDossier(trx, payment.dossier_id);
      if (dossier && 'noted' in transitions[dossier.status as DossierStatusCode]) {
        await appendDossierAction(trx, dossier.id, {
          kind: 'noted', at, actor: gatewayActor(gateway.label),
          reason: t('vi', 'payments.refunded', { amount: formatVnd(message.amount!), reference: payment.order_reference }), payload: { paymentId: payment.id, refund: true },
        });
      }
    });
  };
}
