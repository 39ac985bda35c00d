import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { t } from '../../platform/i18n/messages.ts';
import { appendDossierAction } from '../dossiers/append-dossier-action.ts';
import { lockDossier } from '../dossiers/repository.ts';
import { formatVnd } from './amount-in-words.ts';
import type { GatewayCallback } from './gateway/payment-gateway.ts';
import { openPaymentRequest } from './payment-request.ts';
import { findPaymentByReference, updatePayment } from './repository.ts';
import type { PaymentTable } from './tables.ts';

export type OutcomeResult = 'confirmed' | 'alreadyConfirmed' | 'orderNotFound' | 'invalidAmount' | 'failed' | 'pending';

type PaymentRow = Awaited<ReturnType<typeof findPaymentByReference>>;

/** Who records a gateway's payment on the dossier: the gateway itself, as a system actor. */
export function gatewayActor(label: string): Actor {
  return { kind: 'system', label: `Cổng thanh toán ${label}` };
}

/**
 * Applies what the gateway says about an order (an IPN, the return page's query, reconciliation), inside the
 * caller's transaction, idempotently (issue 5 §2): the order row is locked, so of two concurrent callbacks one
 * records and the other finds it done; the amount must match to the dong; a success moves the order to `paid` and
 * records `paid` on the dossier exactly once, through `appendDossierAction`, in the same transaction. A success for a
 * request already settled (another order, the counter) is kept as paid with the mismatch "duplicate": a refund is due.
 */
export async function applyGatewayOutcome(trx: Transaction<Database>, outcome: GatewayCallback & { pending?: boolean }, input: {
  method: PaymentTable['method']; gatewayLabel: string; now: Date;
}): Promise<{ result: OutcomeResult; payment: PaymentRow }> {
  const payment = await findPaymentByReference(trx, outcome.reference, true);
  if (!payment || payment.method !== input.method) return { result: 'orderNotFound', payment: undefined };
  if (outcome.pending) return { result: 'pending', payment };
  if (outcome.amount !== Number(payment.amount)) return { result: 'invalidAmount', payment };
  if (payment.status !== 'pending') {
    if (outcome.success && (payment.status === 'failed' || payment.status === 'cancelled') && !payment.mismatch) {
      // The gateway took the money after we had the order as failed: never silently lost, flagged for an officer.
      await updatePayment(trx, payment.id, { mismatch: 'paidAfterFailure', transactionNo: outcome.transactionNo ?? null, now: input.now });
    }
    return { result: 'alreadyConfirmed', payment };
  }
  if (!outcome.success) {
    await updatePayment(trx, payment.id, { status: outcome.code === '24' ? 'cancelled' : 'failed', gatewayCode: outcome.code, bankCode: outcome.bankCode ?? null, now: input.now });
    return { result: 'failed', payment };
  }
  const dossier = await lockDossier(trx, payment.dossier_id);
  const open = dossier ? await openPaymentRequest(trx, dossier) : undefined;
  const settles = open?.seq === payment.request_seq;
  await updatePayment(trx, payment.id, {
    status: 'paid', transactionNo: outcome.transactionNo ?? null, bankCode: outcome.bankCode ?? null, gatewayCode: outcome.code,
    paidAt: outcome.paidAt ?? input.now, mismatch: settles ? null : 'duplicate', now: input.now,
  });
  if (settles) {
    await appendDossierAction(trx, payment.dossier_id, {
      kind: 'paid', at: input.now, actor: gatewayActor(input.gatewayLabel),
      reason: t('vi', 'payments.paidOnline', { amount: formatVnd(Number(payment.amount)), gateway: input.gatewayLabel, transactionNo: outcome.transactionNo ?? payment.order_reference }),
      payload: { paymentId: payment.id, orderReference: payment.order_reference, method: input.method, amount: Number(payment.amount), transactionNo: outcome.transactionNo ?? null },
    });
  }
  return { result: 'confirmed', payment };
}
