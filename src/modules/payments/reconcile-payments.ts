import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { applyGatewayOutcome } from './apply-gateway-outcome.ts';
import type { GatewayQueryResult, PaymentGateway } from './gateway/payment-gateway.ts';
import { findPaymentByReference, insertPaymentEvent, listOrdersToReconcile, updatePayment } from './repository.ts';

export type Mismatch = 'ipnMissing' | 'notPaidAtGateway' | 'amountDiffers' | 'transactionDiffers' | 'refundedAtGateway';

/** An order the payer never completed is given up after this long (the redirect itself expires after 15 minutes). */
const abandonAfterMs = 60 * 60_000;

/**
 * The daily reconciliation (issue 5 §2; runs as the `payments.reconcile` job, never inside a request): every
 * gateway order of the last `sinceHours` that is pending or paid here is compared with the gateway's query API.
 * A payment the gateway has and we lack (its IPN lost) is recorded and flagged `ipnMissing`; a paid order the
 * gateway does not have as paid, or with another amount or transaction number, is flagged for an officer
 * (`/quan-tri/thanh-toan`); a failure is recorded; an abandoned order is cancelled. Every check is logged.
 */
export async function reconcilePayments(db: Kysely<Database>, gateway: PaymentGateway, now: Date, options: { sinceHours?: number } = {}) {
  const since = new Date(now.getTime() - (options.sinceHours ?? 48) * 3_600_000);
  const orders = await listOrdersToReconcile(db, gateway.method, since);
  const summary = { checked: 0, matched: 0, recovered: 0, failed: 0, cancelled: 0, mismatches: 0, errors: 0 };
  for (const order of orders) {
    summary.checked++;
    let answer: GatewayQueryResult;
    try {
      answer = await gateway.query({ reference: order.order_reference, amount: Number(order.amount), info: '', createdAt: new Date(order.created_at) }, now);
    } catch (error) {
      summary.errors++;
      await insertPaymentEvent(db, { paymentId: order.id, kind: 'reconciliation', outcome: 'error', detail: { error: error instanceof Error ? error.message : String(error) }, at: now });
      continue;
    }
    await db.transaction().execute(async (trx) => {
      const payment = (await findPaymentByReference(trx, order.order_reference, true))!;
      let outcome = 'match';
      let mismatch: Mismatch | undefined;
      if (payment.status === 'pending') {
        if (answer.state === 'paid' || answer.state === 'failed') {
          const { result } = await applyGatewayOutcome(trx, {
            reference: payment.order_reference, amount: answer.amount, success: answer.state === 'paid', code: answer.code, transactionNo: answer.transactionNo, bankCode: answer.bankCode,
          }, { method: gateway.method, gatewayLabel: gateway.label, now });
          if (result === 'confirmed') { outcome = 'recovered'; mismatch = 'ipnMissing'; summary.recovered++; }
          else if (result === 'failed') { outcome = 'failed'; summary.failed++; }
          else if (result === 'invalidAmount') { outcome = 'mismatch'; mismatch = 'amountDiffers'; }
        } else if (now.getTime() - new Date(payment.created_at).getTime() > abandonAfterMs) {
          await updatePayment(trx, payment.id, { status: 'cancelled', gatewayCode: answer.code, now });
          outcome = 'abandoned';
          summary.cancelled++;
        } else {
          outcome = 'pending';
        }
      } else if (payment.status === 'paid') {
        if (answer.state === 'refunded') mismatch = 'refundedAtGateway';
        else if (answer.state !== 'paid') mismatch = 'notPaidAtGateway';
        else if (answer.amount !== Number(payment.amount)) mismatch = 'amountDiffers';
        else if (answer.transactionNo && payment.transaction_no && answer.transactionNo !== payment.transaction_no) mismatch = 'transactionDiffers';
        if (mismatch) outcome = 'mismatch';
      }
      if (mismatch) {
        summary.mismatches++;
        await updatePayment(trx, payment.id, { mismatch, now });
      } else if (outcome === 'match') {
        summary.matched++;
      }
      await insertPaymentEvent(trx, { paymentId: payment.id, kind: 'reconciliation', outcome, detail: { gateway: answer.state, response: answer.raw, ...(mismatch ? { mismatch } : {}) }, at: now });
    });
  }
  return summary;
}
