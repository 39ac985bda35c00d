import { t } from '../../../platform/i18n/messages.ts';
import { drawParagraph } from '../../../platform/pdf/body-text.ts';
import { drawSignatureBlocks } from '../../../platform/pdf/signature-blocks.ts';
import { beginNotice, drawApplicant, drawProcedure } from './begin-notice.ts';
import type { NoticeBase, NoticeDossier } from './notice-input.ts';

export interface ReceptionRefusalInput extends NoticeBase {
  dossier: NoticeDossier;
  /** ST-03: at least one; each printed as its own point. */
  reasons: string[];
  officer: string;
}

/**
 * Mẫu 03, the refusal to accept a dossier (FORM-01 `receptionRefusal`, ST-03), on A5. A refused dossier never got
 * a code (CODE-02), so it carries its reference and no tracking QR.
 */
export async function renderReceptionRefusal(input: ReceptionRefusalInput): Promise<Buffer> {
  const notice = beginNotice('receptionRefusal', 'A5', input, input.dossier);
  const { pdf, lang } = notice;
  let y = drawApplicant(notice, notice.y, t(lang, 'notice.dossierOf'), input.dossier);
  y = drawProcedure(notice, y, input.dossier);
  const unit = input.issuer.unitName ?? t(lang, 'notice.receivingUnit');
  y = drawParagraph(pdf, y + 4, t(lang, 'notice.receptionRefusal.intro', { unit }), { align: 'justify', gap: 4 });
  for (const reason of input.reasons) y = drawParagraph(pdf, y, `– ${reason}`, { font: 'bold', indent: 8, gap: 3 });
  y = drawParagraph(pdf, y + 2, t(lang, 'notice.receptionRefusal.closing'), { gap: 8 });
  drawSignatureBlocks(pdf, y, [
    { title: t(lang, 'notice.receipt.officer'), hint: t(lang, 'notice.signHint'), name: input.officer },
  ]);
  return pdf.finish(notice.footer);
}
