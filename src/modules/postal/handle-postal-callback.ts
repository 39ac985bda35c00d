import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { t, type MessageKey } from '../../platform/i18n/messages.ts';
import { appendDossierAction } from '../dossiers/append-dossier-action.ts';
import { lockDossier } from '../dossiers/repository.ts';
import { recordPostCodPayment } from '../payments/record-post-cod-payment.ts';
import type { PostalOperator } from './operator/postal-operator.ts';
import { orderStatusOfCode, progressRank, type CallbackData } from './operator/postal-protocol.ts';
import { appendPostalAction, postActor } from './place-postal-order.ts';
import { findPostalOrderByCode, insertPostalEvent, updatePostalOrder } from './repository.ts';
import type { ActionKind } from '../dossiers/status-machine.ts';
import type { PostalOrderStatus } from './tables.ts';

export interface CallbackReply { httpStatus: number; body: { error: boolean; message: string } }

const actionOf: Partial<Record<PostalOrderStatus, ActionKind>> = {
  pickedUp: 'postalPickedUp', inTransit: 'postalInTransit', delivered: 'postalDelivered', failed: 'postalDeliveryFailed', cancelled: 'postalOrderCancelled',
};

/**
 * A tracking callback from the postal operator (issue 5 §4): verified (HMAC of the raw body), applied once per
 * operator event id with the order row locked, logged with its body. A callback that would move the order back (late,
 * out of order, after delivery) is kept and changes nothing. Each applied event is an action on the dossier's
 * timeline; the delivery of the RESULT first records fees the post collected (COD, once) and then returns the
 * dossier (9 → 10, `returned` by post). A forged callback changes nothing and is answered 401.
 */
export async function handlePostalCallback(db: Kysely<Database>, operator: PostalOperator | undefined, now: Date, rawBody: string, signature: string | undefined): Promise<CallbackReply> {
  const callback = operator?.readCallback(rawBody, signature);
  if (!operator || !callback) {
    await insertPostalEvent(db, { orderId: null, operatorEventId: null, statusCode: null, outcome: 'forged', detail: { body: rawBody.slice(0, 4000) }, at: now });
    return { httpStatus: 401, body: { error: true, message: 'invalid signature' } };
  }
  return db.transaction().execute(async (trx) => {
    const order = await findPostalOrderByCode(trx, callback.ORDER_NUMBER, true);
    const detail = { data: callback };
    if (!order) {
      await insertPostalEvent(trx, { orderId: null, operatorEventId: callback.EVENT_ID, statusCode: String(callback.ORDER_STATUS), outcome: 'orderNotFound', detail, at: now });
      return { httpStatus: 404, body: { error: true, message: 'order not found' } };
    }
    const seen = await trx.selectFrom('postal_event').select('id').where('operator_event_id', '=', callback.EVENT_ID).where('outcome', '<>', 'forged').executeTakeFirst();
    if (seen) return { httpStatus: 200, body: { error: false, message: 'already recorded' } };
    const next = orderStatusOfCode[callback.ORDER_STATUS]!;
    if (progressRank[next] <= progressRank[order.status] || progressRank[order.status] >= 4) {
      await insertPostalEvent(trx, { orderId: order.id, operatorEventId: callback.EVENT_ID, statusCode: String(callback.ORDER_STATUS), outcome: 'stale', detail, at: now });
      return { httpStatus: 200, body: { error: false, message: 'stale, ignored' } };
    }
    await updatePostalOrder(trx, order.id, { status: next, now });
    const outcome = await applyToDossier(trx, operator, now, order, next, callback);
    await insertPostalEvent(trx, { orderId: order.id, operatorEventId: callback.EVENT_ID, statusCode: String(callback.ORDER_STATUS), outcome, detail, at: now });
    return { httpStatus: 200, body: { error: false, message: 'OK' } };
  });
}

type Order = NonNullable<Awaited<ReturnType<typeof findPostalOrderByCode>>>;

async function applyToDossier(trx: Parameters<typeof appendDossierAction>[0], operator: PostalOperator, now: Date, order: Order, next: PostalOrderStatus, callback: CallbackData): Promise<string> {
  const actor = postActor(operator);
  const code = callback.ORDER_NUMBER;
  const base = { postalOrderId: order.id, orderCode: code, purpose: order.purpose, operatorStatus: callback.ORDER_STATUS, operatorEventId: callback.EVENT_ID };
  if (next === 'delivered' && order.purpose === 'result') {
    let cod = 'none';
    if (Number(order.cod_amount) > 0 && order.payment_request_seq !== null) {
      cod = callback.MONEY_COLLECTION === Number(order.cod_amount)
        ? await recordPostCodPayment(trx, actor, now, { dossierId: order.dossier_id, postalReference: order.reference, orderCode: code, requestSeq: order.payment_request_seq, amount: Number(order.cod_amount) })
        : 'invalidAmount';
    }
    const dossier = await lockDossier(trx, order.dossier_id);
    if (dossier?.status === 9) {
      const early = dossier.due_at !== null && now < new Date(dossier.due_at);
      await appendDossierAction(trx, order.dossier_id, { kind: 'returned', at: now, actor, reason: t('vi', 'postal.timeline.resultDelivered', { code, recipient: order.address.recipient }), payload: { channel: 'postal', early, ...base } });
      return `returned;cod:${cod}`;
    }
    // The fees were not settled (or the dossier moved meanwhile): the delivery stays on the timeline for the desk.
    await appendPostalAction(trx, order.dossier_id, { kind: 'postalDelivered', at: now, actor, reason: t('vi', 'postal.timeline.resultDeliveredNotReturned', { code }), payload: base });
    return `delivered;cod:${cod}`;
  }
  const kind = actionOf[next];
  if (!kind) return 'applied';
  const reason = t('vi', `postal.timeline.${order.purpose}.${next}` as MessageKey, { code, note: callback.NOTE ?? '' });
  return (await appendPostalAction(trx, order.dossier_id, { kind, at: now, actor, reason, payload: base })) ? 'applied' : 'appliedNoAction';
}
