import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { drawField, drawParagraph } from '../../platform/pdf/body-text.ts';
import { drawNationalHeader, drawTitle } from '../../platform/pdf/national-header.ts';
import { createPdf } from '../../platform/pdf/pdf-document.ts';
import { drawTable } from '../../platform/pdf/table.ts';
import { findAgency, getProcedureVersion } from '../catalog/procedure-versions.ts';
import { isAllowedOnDossier } from '../dossiers/act-on-dossier.ts';
import { findDossier } from '../dossiers/repository.ts';
import type { ApplicantSnapshot } from '../dossiers/tables.ts';
import { amountInWords, formatVnd } from './amount-in-words.ts';
import { findPayment } from './repository.ts';
import type { PaymentItem } from './tables.ts';

const dateTime = (lang: Lang, at: Date) => new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
}).format(at);

/**
 * The e-receipt of a payment (issue 5 §2; DL-12: receipts are finance documents that travel with the dossier, not
 * Mẫu forms): the agency, the payer, the dossier, each fee and the total in figures and in Vietnamese words, how it
 * was paid and the transaction or receipt number. For the applicant on their own dossier, and for officers who may
 * read the dossier. `reference` (the applicant's route) must match the payment's dossier.
 */
export async function renderPaymentReceipt(db: Kysely<Database>, actor: Actor, lang: Lang, input: { paymentId: string; reference?: string; dossierId?: string }) {
  const payment = await findPayment(db, input.paymentId);
  const dossier = payment ? await findDossier(db, payment.dossier_id) : undefined;
  const matches = dossier && (input.reference === undefined || dossier.reference === input.reference) && (input.dossierId === undefined || dossier.id === input.dossierId);
  if (!payment || !dossier || !matches) throw new AppError('notFound');
  if (actor.kind === 'person' ? dossier.applicant_account_id !== actor.accountId : !isAllowedOnDossier(actor, 'dossier.read', dossier)) {
    throw new AppError(actor.kind === 'person' ? 'notFound' : actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  }
  if (payment.status !== 'paid' && payment.status !== 'refunded') throw new AppError('notFound');
  const [agency, version] = await Promise.all([findAgency(db, { id: dossier.receiving_agency_id }), getProcedureVersion(db, dossier.procedure_version_id)]);
  const applicant = dossier.applicant as ApplicantSnapshot;
  const amount = Number(payment.amount);
  const paidAt = new Date(payment.paid_at ?? payment.updated_at);
  const title = t(lang, 'payments.receipt.title');
  const pdf = createPdf('A5', { title, author: agency?.name ?? '', subject: dossier.code ?? dossier.reference, lang });
  let y = drawNationalHeader(pdf, { agencyLines: [agency?.name ?? ''], numberLine: t(lang, 'payments.receipt.number', { number: payment.order_reference }) });
  y = drawTitle(pdf, title, y, [t(lang, 'payments.receipt.subtitle')]);
  y = drawField(pdf, y, t(lang, 'payments.receipt.payer'), applicant.name);
  if (applicant.personalId ?? applicant.taxCode) y = drawField(pdf, y, t(lang, applicant.taxCode ? 'payments.receipt.taxCode' : 'payments.receipt.personalId'), applicant.taxCode ?? applicant.personalId ?? '');
  y = drawField(pdf, y, t(lang, 'payments.receipt.dossier'), `${dossier.code ?? dossier.reference} — ${version.definition.name}`);
  y = drawTable(pdf, y + 4, {
    columns: [{ header: t(lang, 'payments.receipt.item'), weight: 7 }, { header: t(lang, 'payments.amount'), weight: 3, align: 'right' }],
    rows: [...(payment.items as PaymentItem[]).map((item) => [item.name, formatVnd(Number(item.amount))]), [t(lang, 'payments.total'), formatVnd(amount)]],
  });
  y = drawField(pdf, y + 4, t(lang, 'payments.receipt.inWords'), amountInWords(amount));
  y = drawField(pdf, y, t(lang, 'payments.receipt.method'), t(lang, `payments.method.${payment.method}` as never));
  y = drawField(pdf, y, t(lang, payment.method === 'counter' ? 'payments.receipt.counterNo' : 'payments.receipt.transactionNo'), payment.transaction_no ?? '');
  y = drawField(pdf, y, t(lang, 'payments.receipt.paidAt'), dateTime(lang, paidAt));
  if (payment.status === 'refunded') y = drawParagraph(pdf, y + 4, t(lang, 'payments.status.refunded'), { font: 'bold' });
  drawParagraph(pdf, y + 6, t(lang, 'payments.receipt.note'), { scale: 0.85 });
  const file = await pdf.finish(`${title} ${payment.order_reference}`);
  return { fileName: `bien-lai-${payment.order_reference}.pdf`, pdf: file };
}
