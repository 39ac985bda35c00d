import { t, type Lang } from '../../../platform/i18n/messages.ts';
import { drawField, drawParagraph } from '../../../platform/pdf/body-text.ts';
import { drawNationalHeader, drawTitle } from '../../../platform/pdf/national-header.ts';
import { createPdf, type Paper, type Pdf } from '../../../platform/pdf/pdf-document.ts';
import { drawQrCode, makeQrPng } from '../../../platform/pdf/qr-code.ts';
import { drawSignatureBlocks, type SignatureBlock } from '../../../platform/pdf/signature-blocks.ts';
import { defaultFormSet, formLabel, formTitle, type FormSet, type NoticeId } from './form-set.ts';
import { placeDate, trackingUrl } from './notice-format.ts';
import type { NoticeBase, NoticeDossier } from './notice-input.ts';

export interface OpenNotice {
  pdf: Pdf;
  /** Where the body starts. */
  y: number;
  lang: Lang;
  formSet: FormSet;
  /** The footer: the form's name and the code, on every page. */
  footer: string;
}

/**
 * The common opening of every notice (FORM-01, FORM-02): metadata, the form number of the chosen set, the national
 * heading with the agency, place and date, the title and the dossier code (or the reference before acceptance).
 */
export function beginNotice(id: NoticeId, paper: Paper, base: NoticeBase, dossier: Pick<NoticeDossier, 'code' | 'reference'> | null, sublines: string[] = []): OpenNotice {
  const lang = base.lang ?? 'vi';
  const formSet = base.formSet ?? defaultFormSet;
  const title = formTitle(id, formSet, lang);
  const subject = dossier ? dossier.code ?? dossier.reference : sublines.join(' ');
  const pdf = createPdf(paper, { title, author: base.issuer.agencyName, subject, lang });
  const { doc, frame } = pdf;
  let y = frame.top;
  const label = formLabel(id, formSet, lang);
  if (label) {
    doc.font('italic').fontSize(pdf.fontSize * 0.8).text(label, frame.left, y, { width: frame.width, align: 'right' });
    y = doc.y + 2;
  }
  y = drawNationalHeader(pdf, {
    agencyLines: [base.issuer.parentAgencyName, base.issuer.agencyName].filter((line): line is string => Boolean(line)),
    placeDate: placeDate(lang, base.issuer.place, base.issuedAt),
  }, y);
  const codeLine = dossier ? (dossier.code ? t(lang, 'notice.code', { code: dossier.code }) : t(lang, 'notice.reference', { reference: dossier.reference })) : null;
  y = drawTitle(pdf, title, y + pdf.fontSize * 0.4, [...(codeLine ? [codeLine] : []), ...sublines]);
  return { pdf, y, lang, formSet, footer: [label, title, codeLine].filter(Boolean).join(' · ') };
}

/** The applicant's name, identifier and contacts, one field per line, skipping what the dossier lacks. */
export function drawApplicant(notice: OpenNotice, y: number, nameLabel: string, dossier: NoticeDossier): number {
  const { pdf, lang } = notice;
  const a = dossier.applicant;
  let at = drawField(pdf, y, nameLabel, a.name);
  if (a.personalId) at = drawField(pdf, at, t(lang, 'notice.applicant.personalId'), a.personalId);
  if (a.taxCode) at = drawField(pdf, at, t(lang, 'notice.applicant.taxCode'), a.taxCode);
  if (a.address) at = drawField(pdf, at, t(lang, 'notice.applicant.address'), a.address);
  const contacts = [
    a.phone ? `${t(lang, 'notice.applicant.phone')}: ${a.phone}` : null,
    a.email ? `${t(lang, 'notice.applicant.email')}: ${a.email}` : null,
  ].filter((c): c is string => c !== null);
  if (contacts.length) at = drawParagraph(pdf, at, contacts.join('    '));
  return at;
}

/** The procedure, with the case when the procedure has several. */
export function drawProcedure(notice: OpenNotice, y: number, dossier: NoticeDossier): number {
  const { pdf, lang } = notice;
  const name = dossier.procedureCode ? `${dossier.procedureName} (${dossier.procedureCode})` : dossier.procedureName;
  let at = drawField(pdf, y, t(lang, 'notice.procedure'), name);
  if (dossier.caseName) at = drawField(pdf, at, t(lang, 'notice.case'), dossier.caseName);
  return at;
}

/**
 * The closing signature blocks, with the tracking QR (CODE-01: alongside the code, never instead of it) and its
 * caption on their left. Only a coded dossier can be tracked publicly, so a pre-acceptance notice has
 * no QR. Returns the y below.
 */
export async function drawSignaturesWithQr(notice: OpenNotice, y: number, blocks: SignatureBlock[], qr: { code: string | null; publicUrl: string } | null): Promise<number> {
  const { pdf, lang } = notice;
  if (!qr?.code) return drawSignatureBlocks(pdf, y, blocks).bottom;
  const url = trackingUrl(qr.publicUrl, qr.code);
  const png = await makeQrPng(url);
  const size = pdf.fontSize * 5.5;
  // Beside two signers the QR takes a narrow column; beside one it has the left half to itself.
  const column = blocks.length > 1 ? size + pdf.fontSize * 3 : pdf.frame.width / 2 - pdf.fontSize;
  const captionSize = pdf.fontSize * 0.7;
  pdf.doc.font('italic').fontSize(captionSize);
  const captionHeight = pdf.doc.heightOfString(t(lang, 'notice.qrCaption'), { width: column });
  const { top, bottom } = drawSignatureBlocks(pdf, y, blocks, { reserveLeft: blocks.length > 1 ? column : 0, minHeight: size + captionHeight + 4 });
  drawQrCode(pdf, png, pdf.frame.left, top, size);
  pdf.doc.font('italic').fontSize(captionSize).text(t(lang, 'notice.qrCaption'), pdf.frame.left, top + size + 3, { width: column });
  pdf.doc.fontSize(pdf.fontSize);
  return Math.max(bottom, pdf.doc.y);
}
