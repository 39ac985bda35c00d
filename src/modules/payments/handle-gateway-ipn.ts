import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { applyGatewayOutcome, type OutcomeResult } from './apply-gateway-outcome.ts';
import type { PaymentGateway } from './gateway/payment-gateway.ts';
import { withoutSignatures } from './gateway/payment-gateway.ts';
import { ipnReplies, type IpnReply } from './gateway/vnpay-protocol.ts';
import { findPaymentByReference, insertPaymentEvent } from './repository.ts';

const replyFor: Record<OutcomeResult, IpnReply> = {
  confirmed: ipnReplies.confirmed, failed: ipnReplies.confirmed, pending: ipnReplies.confirmed,
  alreadyConfirmed: ipnReplies.alreadyConfirmed, orderNotFound: ipnReplies.orderNotFound, invalidAmount: ipnReplies.invalidAmount,
};

/**
 * The gateway's server-to-server notification (IPN; issue 5 §2): verified (signature, order, amount), applied
 * idempotently in one transaction with the order row locked, logged with its raw parameters (signature removed)
 * and answered with the documented RspCode: 00 recorded, 01 order not found, 02 already confirmed, 04 invalid
 * amount, 97 invalid signature, 99 anything else (the gateway then retries). A forged call changes nothing.
 */
export async function handleGatewayIpn(db: Kysely<Database>, gateway: PaymentGateway | undefined, now: Date, params: Record<string, string>): Promise<IpnReply> {
  const raw = withoutSignatures(params);
  const callback = gateway?.readCallback(params);
  if (!gateway || !callback) {
    const claimed = typeof params['vnp_TxnRef'] === 'string' ? await findPaymentByReference(db, params['vnp_TxnRef']) : undefined;
    await insertPaymentEvent(db, { paymentId: claimed?.id ?? null, kind: 'ipn', outcome: ipnReplies.invalidSignature.RspCode, detail: { params: raw, verdict: 'invalidSignature' }, at: now });
    return ipnReplies.invalidSignature;
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const { result, payment } = await applyGatewayOutcome(trx, callback, { method: gateway.method, gatewayLabel: gateway.label, now });
      const reply = replyFor[result];
      await insertPaymentEvent(trx, { paymentId: payment?.id ?? null, kind: 'ipn', outcome: reply.RspCode, detail: { params: raw, verdict: result }, at: now });
      return reply;
    });
  } catch (error) {
    await insertPaymentEvent(db, { paymentId: null, kind: 'ipn', outcome: ipnReplies.other.RspCode, detail: { params: raw, error: error instanceof Error ? error.message : String(error) }, at: now });
    return ipnReplies.other;
  }
}
