import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { findDossier } from '../dossiers/repository.ts';
import { applyGatewayOutcome } from './apply-gateway-outcome.ts';
import type { GatewayQueryResult, PaymentGateway } from './gateway/payment-gateway.ts';
import { withoutSignatures } from './gateway/payment-gateway.ts';
import { findPayment, findPaymentByReference, insertPaymentEvent } from './repository.ts';

type PaymentRow = NonNullable<Awaited<ReturnType<typeof findPayment>>>;

/** Asks the gateway about an order and applies the answer (the return page once; reconciliation daily). Logged. */
export async function queryAndApply(db: Kysely<Database>, gateway: PaymentGateway, payment: PaymentRow, now: Date): Promise<GatewayQueryResult | undefined> {
  let answer: GatewayQueryResult;
  try {
    answer = await gateway.query({ reference: payment.order_reference, amount: Number(payment.amount), info: '', createdAt: new Date(payment.created_at) }, now);
  } catch (error) {
    await insertPaymentEvent(db, { paymentId: payment.id, kind: 'query', outcome: 'error', detail: { error: error instanceof Error ? error.message : String(error) }, at: now });
    return undefined;
  }
  await db.transaction().execute(async (trx) => {
    const { result } = await applyGatewayOutcome(trx, {
      reference: payment.order_reference, amount: answer.amount, success: answer.state === 'paid', code: answer.code, transactionNo: answer.transactionNo,
      bankCode: answer.bankCode, pending: answer.state === 'pending' || answer.state === 'unknown' || answer.state === 'refunded',
    }, { method: gateway.method, gatewayLabel: gateway.label, now });
    await insertPaymentEvent(trx, { paymentId: payment.id, kind: 'query', outcome: answer.state, detail: { response: answer.raw, applied: result }, at: now });
  });
  return answer;
}

/**
 * The payer comes back from the gateway (issue 5 §2; `GET /thanh-toan/ket-qua`). The parameters are verified and
 * logged but never trusted alone: the IPN or the gateway's query API decides. When the IPN has not arrived yet
 * the gateway is queried once, so a lost or late IPN does not leave the payer without an answer; a later IPN then
 * finds the order done (02) and changes nothing.
 */
export async function handleGatewayReturn(db: Kysely<Database>, gateway: PaymentGateway | undefined, now: Date, params: Record<string, string>) {
  const callback = gateway?.readCallback(params);
  const claimed = callback ? await findPaymentByReference(db, callback.reference) : undefined;
  await insertPaymentEvent(db, {
    paymentId: claimed?.id ?? null, kind: 'return', outcome: !callback ? 'invalidSignature' : callback.success ? 'success' : `failed:${callback.code}`,
    detail: { params: withoutSignatures(params) }, at: now,
  });
  if (!gateway || !callback || !claimed) return { verified: false as const };
  if (claimed.status === 'pending') await queryAndApply(db, gateway, claimed, now);
  const payment = (await findPayment(db, claimed.id))!;
  const dossier = (await findDossier(db, payment.dossier_id))!;
  return { verified: true as const, payment, dossier: { reference: dossier.reference, code: dossier.code, status: dossier.status }, gatewaySaidSuccess: callback.success };
}

export type GatewayReturnView = Awaited<ReturnType<typeof handleGatewayReturn>>;
