import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { getProcedureVersion } from '../catalog/procedure-versions.ts';
import { findDossierByReference } from '../dossiers/repository.ts';
import type { PaymentGateway } from './gateway/payment-gateway.ts';
import { listPaymentRequests, openPaymentRequest } from './payment-request.ts';
import { insertPayment, insertPaymentEvent, listDossierPayments } from './repository.ts';

/** The applicant's own dossier, or "not found" for anyone else (references are not secrets, dossiers are). */
async function ownDossier(db: Kysely<Database>, actor: Actor, reference: string) {
  const dossier = await findDossierByReference(db, reference);
  if (!dossier || actor.kind !== 'person' || dossier.applicant_account_id !== actor.accountId) throw new AppError('dossierNotFound');
  return dossier;
}

/** What the applicant sees on the payment page: the open request's items and total, and every order so far. */
export async function getApplicantPayments(db: Kysely<Database>, actor: Actor, reference: string) {
  const dossier = await ownDossier(db, actor, reference);
  const [requests, payments, version] = await Promise.all([listPaymentRequests(db, dossier), listDossierPayments(db, dossier.id), getProcedureVersion(db, dossier.procedure_version_id)]);
  return { dossier, procedureName: version.definition.name, requests, open: requests.find((r) => r.open), payments };
}

export type ApplicantPayments = Awaited<ReturnType<typeof getApplicantPayments>>;

/** A fresh order reference: never reused, even after a failed attempt (gateways refuse a second use). */
export function newOrderReference(now: Date): string {
  const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, '');
  return `DVC${day}${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** Order info as gateways accept it: ASCII letters, digits and a few signs. */
export function asciiInfo(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9 .,:\-]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 255);
}

/**
 * The applicant pays online (issue 5 §2): on their own dossier in status 6, a new order for the open request's total
 * is created (pending) and the signed redirect to the gateway is returned. Nothing is paid until the gateway says
 * so (IPN or query); the redirect is logged.
 */
export async function startOnlinePayment(db: Kysely<Database>, gateway: PaymentGateway | undefined, actor: Actor, now: Date, lang: Lang,
  input: { reference: string; returnUrl: string; ipAddr: string }): Promise<{ redirectUrl: string; paymentId: string }> {
  const dossier = await ownDossier(db, actor, input.reference);
  if (!gateway) throw new AppError('unavailable');
  const request = await openPaymentRequest(db, dossier);
  if (!request) throw new AppError('transitionNotAllowed', [], { status: t(lang, `dossier.status.${dossier.status}` as never), action: t(lang, 'payments.payOnline') });
  const orderReference = newOrderReference(now);
  return db.transaction().execute(async (trx) => {
    const payment = await insertPayment(trx, {
      dossierId: dossier.id, requestSeq: request.seq, orderReference, amount: request.total, items: request.items, status: 'pending', method: gateway.method,
      payerAccountId: actor.kind === 'person' ? actor.accountId : null, now,
    });
    const redirectUrl = gateway.redirectUrl({ reference: orderReference, amount: request.total, info: asciiInfo(`Thanh toan ho so ${dossier.code ?? dossier.reference}`), createdAt: now },
      { returnUrl: input.returnUrl, ipAddr: input.ipAddr, lang });
    const target = new URL(redirectUrl);
    await insertPaymentEvent(trx, { paymentId: payment.id, kind: 'redirect', outcome: 'sent', detail: { gateway: target.origin + target.pathname, amount: request.total }, at: now });
    return { redirectUrl, paymentId: payment.id };
  });
}
