import { drawField, drawParagraph } from '../../platform/pdf/body-text.ts';
import { drawNationalHeader, drawTitle } from '../../platform/pdf/national-header.ts';
import { createPdf } from '../../platform/pdf/pdf-document.ts';
import { drawQrCode, makeQrPng } from '../../platform/pdf/qr-code.ts';
import { drawSignatureBlocks } from '../../platform/pdf/signature-blocks.ts';
import { placeDate } from '../dossiers/notices/notice-format.ts';
import type { ApplicantSnapshot } from '../dossiers/tables.ts';

// The result document generated from a template (issue 5 §1): an administrative letter after Decree 30/2020/NĐ-CP
// on A4 — the national heading with the issuing agency, number, place and date; the title; what was decided for
// whom under which procedure; the signer; and the verification QR code. The Noto Serif faces are embedded
// (platform/pdf), never a system font.

export interface ResultDocumentInput {
  issuer: { agencyName: string; parentAgencyName?: string | undefined; place: string };
  /** "Số: 15/2026/KQ"; null on a preview. */
  number: string | null;
  issuedAt: Date;
  title: string;
  dossier: { code: string | null; reference: string; procedureName: string; procedureCode: string; applicant: ApplicantSnapshot };
  /** What is decided or certified, as the leader wrote it. */
  decision: string;
  signer: { title: string; name: string };
  /** The verification URL for the QR code; null on a preview (no result exists yet). */
  verificationUrl: string | null;
}

export const previewMark = 'BẢN XEM TRƯỚC – CHƯA KÝ SỐ, KHÔNG CÓ GIÁ TRỊ PHÁP LÝ';

export async function renderResultDocument(input: ResultDocumentInput): Promise<Buffer> {
  const preview = input.verificationUrl === null;
  const pdf = createPdf('A4', { title: input.title, author: input.issuer.agencyName, subject: input.dossier.code ?? input.dossier.reference, lang: 'vi' });
  const { doc, frame } = pdf;
  let y = frame.top;
  if (preview) {
    doc.font('bold').fontSize(pdf.fontSize * 0.9).fillColor('#b00020').text(previewMark, frame.left, y, { width: frame.width, align: 'center' });
    doc.fillColor('black');
    y = doc.y + 4;
  }
  y = drawNationalHeader(pdf, {
    agencyLines: [input.issuer.parentAgencyName, input.issuer.agencyName].filter((line): line is string => Boolean(line)),
    numberLine: `Số: ${input.number ?? '……/……/KQ'}`,
    placeDate: placeDate('vi', input.issuer.place, input.issuedAt),
  }, y);
  y = drawTitle(pdf, input.title, y + pdf.fontSize * 0.4);
  y = drawParagraph(pdf, y, `Căn cứ hồ sơ ${input.dossier.code ? `mã số ${input.dossier.code}` : `số tham chiếu ${input.dossier.reference}`} đề nghị giải quyết thủ tục hành chính "${input.dossier.procedureName}" (mã ${input.dossier.procedureCode});`, { font: 'italic', align: 'justify' });
  y = drawParagraph(pdf, y, `Xét kết quả thẩm định hồ sơ, ${input.issuer.agencyName}:`, { font: 'italic', gap: 6 });
  const a = input.dossier.applicant;
  y = drawField(pdf, y, a.kind === 'business' ? 'Tổ chức' : 'Cấp cho ông/bà', a.name);
  if (a.personalId) y = drawField(pdf, y, 'Số định danh cá nhân', a.personalId);
  if (a.taxCode) y = drawField(pdf, y, 'Mã số thuế', a.taxCode);
  if (a.address) y = drawField(pdf, y, 'Địa chỉ', a.address);
  y = drawParagraph(pdf, y + 4, 'Nội dung:', { font: 'bold' });
  for (const paragraph of input.decision.split(/\n\s*\n|\r?\n/).map((p) => p.trim()).filter(Boolean)) {
    y = drawParagraph(pdf, y, paragraph, { align: 'justify', indent: 12, gap: 4 });
  }

  const size = pdf.fontSize * 6;
  const { top, bottom } = drawSignatureBlocks(pdf, y + 10, [{ title: input.signer.title, hint: preview ? '(Chưa ký)' : '(Đã ký số)', name: input.signer.name }], { minHeight: size + 30 });
  if (input.verificationUrl) {
    drawQrCode(pdf, await makeQrPng(input.verificationUrl), frame.left, top, size);
    const link = input.verificationUrl.split('?')[0]!;
    doc.font('italic').fontSize(pdf.fontSize * 0.7).text('Quét mã để xác minh văn bản:', frame.left, top + size + 3, { width: frame.width / 2 - 10 });
    // The link carries the token too, for a reader that follows it rather than scanning.
    doc.text(link, { width: frame.width / 2 - 10, link: input.verificationUrl });
  } else {
    doc.save().lineWidth(0.5).dash(3, { space: 3 }).rect(frame.left, top, size, size).stroke().undash().restore();
    doc.font('italic').fontSize(pdf.fontSize * 0.7).text('Mã QR xác minh được tạo khi ký', frame.left, top + size + 3, { width: frame.width / 2 - 10 });
  }
  doc.font('regular').fontSize(pdf.fontSize);
  void bottom;
  return pdf.finish(`${input.title} · ${input.number ? `Số ${input.number}` : previewMark}`);
}
