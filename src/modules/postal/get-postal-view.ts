import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { formatVnd } from '../payments/amount-in-words.ts';
import { isAllowedOnDossier } from '../dossiers/act-on-dossier.ts';
import { findOwnDossier } from '../dossiers/get-draft.ts';
import { findDossier } from '../dossiers/repository.ts';
import { openPaymentRequest } from '../payments/payment-request.ts';
import { findPostalChoice, listDossierPostalOrders, listPostalEvents } from './repository.ts';

export type PostalOrderView = Awaited<ReturnType<typeof listDossierPostalOrders>>[number] & {
  /** The operator's tracking events applied to the order, oldest first. */
  tracking: { at: Date; statusCode: string | null; outcome: string; name: string }[];
};

async function ordersWithTracking(db: Kysely<Database>, dossierId: string): Promise<PostalOrderView[]> {
  const orders = await listDossierPostalOrders(db, dossierId);
  const events = await listPostalEvents(db, orders.map((o) => o.id));
  return orders.map((o) => ({
    ...o,
    tracking: events.filter((e) => e.postal_order_id === o.id && e.status_code !== null && e.outcome !== 'stale')
      .map((e) => ({ at: new Date(e.at), statusCode: e.status_code, outcome: e.outcome, name: String((e.detail as { data?: { STATUS_NAME?: string } }).data?.STATUS_NAME ?? '') })),
  }));
}

/** The applicant's postal page (issue 5 §4): the choice while a draft, the tracking of their parcels once filed. */
export async function getApplicantPostal(db: Kysely<Database>, actor: Actor, reference: string) {
  const dossier = await findOwnDossier(db, actor, reference);
  return { dossier, choice: await findPostalChoice(db, dossier.id), orders: await ordersWithTracking(db, dossier.id) };
}
export type ApplicantPostal = Awaited<ReturnType<typeof getApplicantPostal>>;

/** The desk's postal page: the applicant's choice, every order with its tracking, and whether a result order may be placed. */
export async function getDeskPostal(db: Kysely<Database>, actor: Actor, dossierId: string) {
  const dossier = await findDossier(db, dossierId);
  if (!dossier) throw new AppError('dossierNotFound');
  if (!isAllowedOnDossier(actor, 'dossier.read', dossier)) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const request = await openPaymentRequest(db, dossier);
  return {
    dossier, choice: await findPostalChoice(db, dossier.id), orders: await ordersWithTracking(db, dossier.id),
    resultReady: dossier.status === 9 || (request !== undefined && dossier.resolved_at !== null), feesDue: request?.total ?? 0,
    mayOrder: isAllowedOnDossier(actor, 'dossier.receive', dossier),
  };
}
export type DeskPostal = Awaited<ReturnType<typeof getDeskPostal>>;

/** One line for the filing check page: what goes by post and the fee, or undefined when nothing does. */
export async function postalChoiceLine(db: Kysely<Database>, dossierId: string, lang: Lang): Promise<string | undefined> {
  const choice = await findPostalChoice(db, dossierId);
  if (!choice) return undefined;
  const what = [choice.send_papers ? t(lang, 'postal.choice.sendPapersShort') : '', choice.return_result ? t(lang, 'postal.choice.returnResultShort') : ''].filter(Boolean).join(', ');
  return t(lang, 'postal.choice.summary', { what, fee: formatVnd(Number(choice.quoted_fee)) });
}
