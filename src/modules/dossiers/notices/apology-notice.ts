import { t } from '../../../platform/i18n/messages.ts';
import { drawParagraph } from '../../../platform/pdf/body-text.ts';
import { beginNotice, drawSignaturesWithQr } from './begin-notice.ts';
import { dateOnly, dateTime } from './notice-format.ts';
import type { NoticeBase, NoticeDossier } from './notice-input.ts';

export interface ApologyNoticeInput extends NoticeBase {
  dossier: NoticeDossier & { code: string };
  receivedAt: Date;
  /** The due date being missed (the extension's `previousDueAt`). */
  previousDueAt: Date;
  newDueAt: Date;
  reason: string;
  /** The head of the agency who signs, with the title printed above the name. */
  signer: { title: string; name: string };
  publicUrl: string;
}

/**
 * Mẫu 04, the written apology with the new date (FORM-01 `apologyNotice`, DL-06), on A5; under TT 03/2025 it is
 * the apology with the request to extend. Signed by the agency's head, with its seal.
 */
export async function renderApologyNotice(input: ApologyNoticeInput): Promise<Buffer> {
  const notice = beginNotice('apologyNotice', 'A5', input, input.dossier);
  const { pdf, lang } = notice;
  const agency = input.issuer.agencyName;
  let y = drawParagraph(pdf, notice.y, t(lang, 'notice.addressee', { name: input.dossier.applicant.name }), { font: 'bold', align: 'center', gap: 6 });
  y = drawParagraph(pdf, y, t(lang, 'notice.apologyNotice.received', {
    received: dateOnly(lang, input.receivedAt), agency, procedure: input.dossier.procedureName, code: input.dossier.code, oldDue: dateTime(lang, input.previousDueAt),
  }), { align: 'justify', gap: 4 });
  y = drawParagraph(pdf, y, t(lang, 'notice.apologyNotice.late', { agency, reason: input.reason }), { align: 'justify', gap: 4 });
  y = drawParagraph(pdf, y, t(lang, 'notice.apologyNotice.promise', { agency, newDue: dateTime(lang, input.newDueAt) }), { align: 'justify', gap: 4 });
  y = drawParagraph(pdf, y, t(lang, 'notice.closingThanks'), { gap: 6 });
  await drawSignaturesWithQr(notice, y, [{ title: input.signer.title, hint: t(lang, 'notice.signSealHint'), name: input.signer.name }], { code: input.dossier.code, publicUrl: input.publicUrl });
  return pdf.finish(notice.footer);
}
