import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { appendAuditEntry } from '../../platform/audit/append-audit-entry.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue-message.ts';
import { isAllowedOnDossier } from '../dossiers/act-on-dossier.ts';
import { actorIdentity } from '../dossiers/append-dossier-action.ts';
import { findDossier, lockDossier } from '../dossiers/repository.ts';
import { openPaymentRequest } from '../payments/payment-request.ts';
import { readPostalAddress } from './choose-postal-service.ts';
import { postalFees } from './postal-fees.ts';
import { findPostalChoice, insertPostalOrder, listDossierPostalOrders } from './repository.ts';
import type { PostalAddress, PostalPurpose } from './tables.ts';

/** What the `postalOrder` outbox topic carries: place the order with the operator, or cancel it there. */
export interface PostalOrderMessage { orderId: string; op: 'create' | 'cancel' }

/** Our reference for the operator (ORDER_REFERENCE): unique for ever, never reused after a cancel. */
export function newPostalReference(now: Date): string {
  const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, '');
  return `BC${day}${randomBytes(5).toString('hex').toUpperCase()}`;
}

const live = (status: string) => status !== 'failed' && status !== 'cancelled';

/**
 * A new order, recorded as `requested` with its outbox message in the caller's transaction (principle 5): the worker
 * places it with the operator; nothing leaves from the request. One live order per dossier and purpose.
 */
async function requestOrder(trx: Transaction<Database>, input: {
  dossierId: string; purpose: PostalPurpose; address: PostalAddress; codAmount: number; paymentRequestSeq: number | null; actor: Actor; now: Date;
}) {
  const order = await insertPostalOrder(trx, {
    dossierId: input.dossierId, purpose: input.purpose, reference: newPostalReference(input.now), address: input.address, codAmount: input.codAmount,
    fee: postalFees[input.purpose], paymentRequestSeq: input.paymentRequestSeq, createdBy: input.actor.kind === 'officer' || input.actor.kind === 'person' ? input.actor.accountId : null, now: input.now,
  });
  await enqueueMessage(trx, { topic: 'postalOrder', payload: { orderId: order.id, op: 'create' } satisfies PostalOrderMessage, idempotencyKey: `postal-order:${order.id}:create`, now: input.now });
  await appendAuditEntry(trx, input.now, { ...actorIdentity(input.actor), action: 'postal.order.requested', targetType: 'dossier', targetId: input.dossierId, after: { orderId: order.id, purpose: input.purpose, codAmount: input.codAmount } });
  return order;
}

/**
 * Once a dossier is filed with "send the papers by post", the pickup from the applicant is ordered (issue 5 §4).
 * Called right after filing, in its own transaction; an existing live pickup order makes it a no-op.
 */
export async function requestPapersPickup(db: Kysely<Database>, actor: Actor, now: Date, dossierId: string) {
  return db.transaction().execute(async (trx) => {
    const dossier = await lockDossier(trx, dossierId);
    const choice = await findPostalChoice(trx, dossierId);
    if (!dossier || dossier.status === 0 || !choice?.send_papers) return undefined;
    if ((await listDossierPostalOrders(trx, dossierId)).some((o) => o.purpose === 'pickup' && live(o.status))) return undefined;
    return requestOrder(trx, { dossierId, purpose: 'pickup', address: choice.address, codAmount: 0, paymentRequestSeq: null, actor, now });
  });
}

/**
 * The desk orders the delivery of the result (issue 5 §4): when the dossier is resolved (9), or waiting for its fees
 * after the result (6 after 9), in which case the post may collect the fees due on delivery (COD). The address is the
 * applicant's choice when filing, or what the desk typed (a walk-in applicant asking for the post).
 */
export async function requestResultDelivery(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: {
  dossierId: string; posted: Record<string, string | undefined>; collectFees: boolean;
}) {
  const found = await findDossier(db, input.dossierId);
  if (!found) throw new AppError('dossierNotFound');
  if (!isAllowedOnDossier(actor, 'dossier.receive', found)) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const { address, errors } = readPostalAddress(input.posted, lang);
  if (errors.length) throw new AppError('validationFailed', errors);
  return db.transaction().execute(async (trx) => {
    const dossier = (await lockDossier(trx, input.dossierId))!;
    const request = await openPaymentRequest(trx, dossier);
    const resultIssued = dossier.status === 9 || (request !== undefined && dossier.resolved_at !== null);
    if (!resultIssued) throw new AppError('validationFailed', [{ path: '/', message: t(lang, 'postal.error.resultNotReady') }]);
    if (input.collectFees && !request) throw new AppError('validationFailed', [{ path: '/collectFees', message: t(lang, 'postal.error.nothingToCollect') }]);
    if ((await listDossierPostalOrders(trx, dossier.id)).some((o) => o.purpose === 'result' && live(o.status))) {
      throw new AppError('validationFailed', [{ path: '/', message: t(lang, 'postal.error.orderExists') }]);
    }
    const cod = input.collectFees && request ? request : undefined;
    return requestOrder(trx, { dossierId: dossier.id, purpose: 'result', address, codAmount: cod?.total ?? 0, paymentRequestSeq: cod?.seq ?? null, actor, now });
  });
}
