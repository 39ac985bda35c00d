import { t } from '../../../platform/i18n/messages.ts';
import { drawParagraph } from '../../../platform/pdf/body-text.ts';
import { beginNotice, drawApplicant, drawProcedure, drawSignaturesWithQr } from './begin-notice.ts';
import { dateOnly } from './notice-format.ts';
import type { NoticeBase, NoticeDossier } from './notice-input.ts';

export interface SupplementRequestInput extends NoticeBase {
  dossier: NoticeDossier;
  /** Set once the dossier was accepted (a request at appraisal); unset for one at the desk before acceptance. */
  receivedAt?: Date | null | undefined;
  /** DL-05: every missing item with its reason, in one request. */
  items: { name: string; reason: string }[];
  guidance?: string | undefined;
  /** Who to ask while completing it, e.g. "Bộ phận một cửa, điện thoại 0218 3852 000". */
  contact?: string | undefined;
  officer: string;
  publicUrl: string;
}

/** Mẫu 02, the request to supplement and complete a dossier (FORM-01 `supplementRequest`, DL-04, DL-05), on A5. */
export async function renderSupplementRequest(input: SupplementRequestInput): Promise<Buffer> {
  const notice = beginNotice('supplementRequest', 'A5', input, input.dossier);
  const { pdf, lang } = notice;
  let y = drawApplicant(notice, notice.y, t(lang, 'notice.dossierOf'), input.dossier);
  y = drawProcedure(notice, y, input.dossier);
  const intro = input.receivedAt
    ? t(lang, 'notice.supplementRequest.introReceived', { date: dateOnly(lang, input.receivedAt), agency: input.issuer.agencyName })
    : t(lang, 'notice.supplementRequest.intro');
  y = drawParagraph(pdf, y + 4, intro, { align: 'justify', gap: 4 });
  input.items.forEach((item, i) => {
    y = drawParagraph(pdf, y, `${i + 1}. ${item.name}`, { font: 'bold', indent: 8, gap: 0 });
    y = drawParagraph(pdf, y, t(lang, 'notice.supplementRequest.reason', { reason: item.reason }), { font: 'italic', indent: 18, gap: 3 });
  });
  if (input.guidance?.trim()) y = drawParagraph(pdf, y + 2, `${t(lang, 'notice.supplementRequest.guidance')}: ${input.guidance.trim()}`, { align: 'justify' });
  if (input.contact?.trim()) y = drawParagraph(pdf, y + 2, t(lang, 'notice.supplementRequest.contact', { contact: input.contact.trim() }), { align: 'justify' });
  await drawSignaturesWithQr(notice, y + 6, [
    { title: t(lang, 'notice.supplementRequest.signer'), hint: t(lang, 'notice.signHint'), name: input.officer },
  ], { code: input.dossier.code, publicUrl: input.publicUrl });
  return pdf.finish(notice.footer);
}
