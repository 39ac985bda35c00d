import { t } from '../../../platform/i18n/messages.ts';
import { drawField, drawParagraph } from '../../../platform/pdf/body-text.ts';
import { drawTable } from '../../../platform/pdf/table.ts';
import { beginNotice, drawApplicant, drawProcedure, drawSignaturesWithQr } from './begin-notice.ts';
import { dateTime } from './notice-format.ts';
import type { NoticeBase, NoticeDossier } from './notice-input.ts';

export interface ReceivedComponent {
  name: string;
  originals: number;
  copies: number;
}

export interface ReceiptInput extends NoticeBase {
  dossier: NoticeDossier & { code: string };
  components: ReceivedComponent[];
  /** Sets of the dossier handed in; one unless the procedure asks for more. */
  sets?: number | undefined;
  receivedAt: Date;
  /** DL-03, paper dossiers only: when the desk must hand it to the handling unit (15:00 rule, `routeBy`). */
  routeBy?: Date | undefined;
  dueAt: Date;
  /** Where the result is collected: the desk's address, by post, or online. */
  returnPlace: string;
  /** CAL-07: `explainDueDate(steps, lang)`, printed small under the appointment. */
  dueDateExplanation: string[];
  receivingOfficer: string;
  /** The portal's base URL, for the tracking QR. */
  publicUrl: string;
}

/**
 * Mẫu 01, the receipt and appointment (FORM-01 `receipt`, CODE-01, DL-01), on A5: who handed in what and when,
 * the appointment and how it was computed, the tracking QR, and the two signatures.
 */
export async function renderReceipt(input: ReceiptInput): Promise<Buffer> {
  const notice = beginNotice('receipt', 'A5', input, input.dossier);
  const { pdf, lang } = notice;
  const m = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(lang, key, params);
  let y = drawField(pdf, notice.y, m('notice.receivingUnit'), input.issuer.unitName ?? input.issuer.agencyName);
  y = drawApplicant(notice, y, m('notice.receipt.receivedFrom'), input.dossier);
  y = drawProcedure(notice, y, input.dossier);
  y = drawParagraph(pdf, y + 2, m('notice.receipt.components'), { font: 'bold' });
  y = drawTable(pdf, y, {
    columns: [
      { header: m('notice.receipt.col.no'), weight: 1, align: 'center' },
      { header: m('notice.receipt.col.name'), weight: 9 },
      { header: m('notice.receipt.col.originals'), weight: 2, align: 'center' },
      { header: m('notice.receipt.col.copies'), weight: 2, align: 'center' },
    ],
    rows: input.components.map((c, i) => [String(i + 1), c.name, String(c.originals), String(c.copies)]),
    scale: 0.9,
  });
  y = drawParagraph(pdf, y, m('notice.receipt.sets', { count: input.sets ?? 1 }));
  y = drawField(pdf, y, m('notice.receipt.receivedAt'), dateTime(lang, input.receivedAt));
  if (input.routeBy) y = drawField(pdf, y, m('deskIntake.routeBy'), dateTime(lang, input.routeBy));
  y = drawField(pdf, y, m('notice.receipt.dueAt'), dateTime(lang, input.dueAt));
  y = drawField(pdf, y, m('notice.receipt.returnPlace'), input.returnPlace);
  if (input.dueDateExplanation.length) {
    y = drawParagraph(pdf, y + 2, m('notice.receipt.explanation'), { font: 'italic', scale: 0.8, gap: 0 });
    for (const line of input.dueDateExplanation) y = drawParagraph(pdf, y, `– ${line}`, { scale: 0.8, indent: 6, gap: 0 });
  }
  await drawSignaturesWithQr(notice, y + 6, [
    { title: m('notice.receipt.submitter'), hint: m('notice.signHint'), name: input.dossier.applicant.name },
    { title: m('notice.receipt.officer'), hint: m('notice.signHint'), name: input.receivingOfficer },
  ], { code: input.dossier.code, publicUrl: input.publicUrl });
  return pdf.finish(notice.footer);
}
