import { t } from '../../../platform/i18n/messages.ts';
import { drawField, drawParagraph } from '../../../platform/pdf/body-text.ts';
import { drawSignatureBlocks } from '../../../platform/pdf/signature-blocks.ts';
import { beginNotice } from './begin-notice.ts';
import type { NoticeBase, NoticeDossier } from './notice-input.ts';

export interface StopNoticeInput extends NoticeBase {
  dossier: NoticeDossier & { code: string };
  /** Where handling stood, e.g. "Đang thẩm định tại Phòng Tư pháp". */
  stage: string;
  reason: string;
  /** DL-11: what becomes of fees already paid; "none" when unset. */
  settlement?: string | undefined;
  signer: { title: string; name: string };
}

/**
 * The stop notice (FORM-01 `stopNotice`, DL-11, ST-08), on A5: the stage reached, the reason and the financial
 * settlement. TT 03/2025 numbers it 05; TT01/2018 has no such form, so it prints without a form number there.
 */
export async function renderStopNotice(input: StopNoticeInput): Promise<Buffer> {
  const notice = beginNotice('stopNotice', 'A5', input, input.dossier);
  const { pdf, lang } = notice;
  let y = drawParagraph(pdf, notice.y, t(lang, 'notice.addressee', { name: input.dossier.applicant.name }), { font: 'bold', align: 'center', gap: 6 });
  y = drawParagraph(pdf, y, t(lang, 'notice.stopNotice.body', { agency: input.issuer.agencyName, procedure: input.dossier.procedureName, code: input.dossier.code }), { align: 'justify', gap: 4 });
  y = drawField(pdf, y, t(lang, 'notice.stopNotice.stage'), input.stage);
  y = drawField(pdf, y, t(lang, 'notice.stopNotice.reason'), input.reason);
  y = drawField(pdf, y, t(lang, 'notice.stopNotice.settlement'), input.settlement?.trim() || t(lang, 'notice.stopNotice.noSettlement'));
  y = drawParagraph(pdf, y + 2, t(lang, 'notice.receptionRefusal.closing'), { gap: 8 });
  drawSignatureBlocks(pdf, y, [{ title: input.signer.title, hint: t(lang, 'notice.signSealHint'), name: input.signer.name }]);
  return pdf.finish(notice.footer);
}
