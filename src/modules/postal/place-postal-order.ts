import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { t } from '../../platform/i18n/messages.ts';
import type { OutboxHandler } from '../../platform/outbox/deliver-outbox.ts';
import { appendDossierAction } from '../dossiers/append-dossier-action.ts';
import { lockDossier } from '../dossiers/repository.ts';
import { transitions, type ActionKind, type DossierStatusCode } from '../dossiers/status-machine.ts';
import type { ApplicantSnapshot } from '../dossiers/tables.ts';
import { formatVnd } from '../payments/amount-in-words.ts';
import { OperatorRefusal, type PostalOperator } from './operator/postal-operator.ts';
import type { CreateOrderRequest } from './operator/postal-protocol.ts';
import type { PostalOrderMessage } from './request-postal-order.ts';
import { findPostalOrder, insertPostalEvent, updatePostalOrder } from './repository.ts';
import type { PostalAddress } from './tables.ts';

/** Who records the post's events on the dossier: the postal operator, as a system actor. */
export function postActor(operator: { label: string }): Actor {
  return { kind: 'system', label: operator.label };
}

const oneLine = (a: PostalAddress) => [a.street, a.ward, a.district, a.province].join(', ');

/** Appends a postal action when the dossier's status takes it (it always does, except a status 0, 3 or 8 dossier). */
export async function appendPostalAction(trx: Parameters<typeof appendDossierAction>[0], dossierId: string, action: { kind: ActionKind; at: Date; actor: Actor; reason: string; payload: Record<string, unknown> }) {
  const dossier = await lockDossier(trx, dossierId);
  if (!dossier || transitions[dossier.status as DossierStatusCode][action.kind] === undefined) return false;
  await appendDossierAction(trx, dossierId, action);
  return true;
}

/**
 * The outbox handler of `postalOrder` (issue 5 §4): places an order with the operator (sender and receiver from the
 * purpose: the applicant → the desk for paper components, the agency → the applicant for the result) or cancels it.
 * Placing records the operator's code and `postalOrderCreated` on the timeline; a refusal is final (logged, the
 * order failed); a network error throws so the outbox retries. A retried create uses the same reference, which the
 * operator answers with the same order.
 */
export function postalOrderHandler(db: Kysely<Database>, operator: PostalOperator | undefined, now: () => Date = () => new Date()): OutboxHandler {
  return async (payload) => {
    const message = payload as Partial<PostalOrderMessage> | null;
    if (typeof message?.orderId !== 'string' || (message.op !== 'create' && message.op !== 'cancel')) throw new Error('malformed postal order payload');
    if (!operator) throw new Error('no postal operator configured');
    const order = await findPostalOrder(db, message.orderId);
    if (!order) return;
    if (message.op === 'create' ? order.status !== 'requested' : order.status !== 'cancelRequested' || !order.order_code) return;
    const dossier = await db.selectFrom('dossier as d').innerJoin('agency as a', 'a.id', 'd.desk_agency_id')
      .select(['d.applicant', 'd.reference', 'd.code', 'a.name', 'a.address', 'a.phone']).where('d.id', '=', order.dossier_id).executeTakeFirstOrThrow();
    const applicant = dossier.applicant as ApplicantSnapshot;
    const to = order.address;
    const desk = { name: dossier.name, address: dossier.address, phone: dossier.phone };
    const request: CreateOrderRequest = {
      ORDER_REFERENCE: order.reference, ORDER_SERVICE_TYPE: order.purpose === 'pickup' ? 1 : 2,
      ...(order.purpose === 'pickup'
        ? { SENDER_FULLNAME: to.recipient || applicant.name, SENDER_ADDRESS: oneLine(to), SENDER_PHONE: to.phone, RECEIVER_FULLNAME: desk.name, RECEIVER_ADDRESS: desk.address, RECEIVER_PHONE: desk.phone }
        : { SENDER_FULLNAME: desk.name, SENDER_ADDRESS: desk.address, SENDER_PHONE: desk.phone, RECEIVER_FULLNAME: to.recipient, RECEIVER_ADDRESS: oneLine(to), RECEIVER_PHONE: to.phone }),
      PRODUCT_NAME: `${order.purpose === 'pickup' ? 'Hồ sơ giấy' : 'Kết quả TTHC'} ${dossier.code ?? dossier.reference}`, MONEY_COLLECTION: Number(order.cod_amount),
    };
    const at = now();
    try {
      if (message.op === 'cancel') await operator.cancelOrder(order.order_code!);
      const created = message.op === 'create' ? await operator.createOrder(request) : undefined;
      await db.transaction().execute(async (trx) => {
        const locked = await findPostalOrder(trx, order.id, true);
        if (!locked || locked.status !== order.status) return;
        await updatePostalOrder(trx, order.id, created ? { status: 'created', orderCode: created.ORDER_NUMBER, now: at } : { status: 'cancelled', now: at });
        await insertPostalEvent(trx, { orderId: order.id, operatorEventId: null, statusCode: null, outcome: created ? 'created' : 'cancelled', detail: { response: created ?? {} }, at });
        await appendPostalAction(trx, order.dossier_id, created
          ? {
            kind: 'postalOrderCreated', at, actor: postActor(operator),
            reason: t('vi', order.purpose === 'pickup' ? 'postal.timeline.pickupCreated' : 'postal.timeline.resultCreated', { code: created.ORDER_NUMBER, cod: formatVnd(Number(order.cod_amount)) }),
            payload: { postalOrderId: order.id, orderCode: created.ORDER_NUMBER, purpose: order.purpose, codAmount: Number(order.cod_amount) },
          }
          : { kind: 'postalOrderCancelled', at, actor: postActor(operator), reason: t('vi', 'postal.timeline.cancelled', { code: order.order_code! }), payload: { postalOrderId: order.id, orderCode: order.order_code } });
      });
    } catch (error) {
      if (!(error instanceof OperatorRefusal)) throw error;
      await db.transaction().execute(async (trx) => {
        await insertPostalEvent(trx, { orderId: order.id, operatorEventId: null, statusCode: null, outcome: `refused:${message.op}`, detail: { error: error.message }, at });
        // A refused create fails the order (the desk may order again); a refused cancel leaves the parcel on its way.
        await updatePostalOrder(trx, order.id, { status: message.op === 'create' ? 'failed' : 'created', now: at });
      });
    }
  };
}
