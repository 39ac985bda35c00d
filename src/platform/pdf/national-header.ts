import type { Pdf } from './pdf-document.ts';
import { nfc, upper } from './text.ts';

export interface NationalHeaderInput {
  /** The issuing agency, from the parent down: the parent in regular capitals, the last (the issuer) in bold. */
  agencyLines: string[];
  /** "Số: …" under the agency, when the document has a number. */
  numberLine?: string | undefined;
  /** "Hòa Lâm, ngày 05 tháng 03 năm 2026", under the motto. */
  placeDate?: string | undefined;
}

/**
 * The heading of every Vietnamese administrative document (Decree 30/2020/NĐ-CP): the issuing agency on the left,
 * the national name and motto on the right, each underlined, then the number and the place and date. Returns the y
 * below it.
 */
export function drawNationalHeader(pdf: Pdf, input: NationalHeaderInput, y = pdf.frame.top): number {
  const { doc, frame } = pdf;
  const size = pdf.fontSize;
  const leftWidth = frame.width * 0.42;
  const rightX = frame.left + leftWidth;
  const rightWidth = frame.width - leftWidth;

  doc.fillColor('black');
  let leftY = y;
  input.agencyLines.forEach((line, i) => {
    const last = i === input.agencyLines.length - 1;
    doc.font(last ? 'bold' : 'regular').fontSize(size * 0.95).text(upper(line), frame.left, leftY, { width: leftWidth, align: 'center' });
    leftY = doc.y;
  });
  leftY = underline(pdf, frame.left + leftWidth / 2, leftY + 3, leftWidth / 3) + 4;
  if (input.numberLine) {
    doc.font('regular').fontSize(size).text(nfc(input.numberLine), frame.left, leftY, { width: leftWidth, align: 'center' });
    leftY = doc.y;
  }

  // The national name stays on one line, as on every printed form: on A5 that takes a slightly smaller size.
  const nation = nfc('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  const nationSize = Math.min(size * 0.95, (size * 0.95 * (rightWidth - 4)) / doc.font('bold').fontSize(size * 0.95).widthOfString(nation));
  doc.font('bold').fontSize(nationSize).text(nation, rightX, y, { width: rightWidth, align: 'center' });
  const motto = nfc('Độc lập - Tự do - Hạnh phúc');
  doc.font('bold').fontSize(size * 1.05).text(motto, rightX, doc.y, { width: rightWidth, align: 'center' });
  let rightY = underline(pdf, rightX + rightWidth / 2, doc.y + 3, doc.widthOfString(motto)) + 4;
  if (input.placeDate) {
    doc.font('italic').fontSize(size).text(nfc(input.placeDate), rightX, rightY, { width: rightWidth, align: 'center' });
    rightY = doc.y;
  }
  doc.font('regular').fontSize(size);
  return Math.max(leftY, rightY) + size * 0.6;
}

/** The document's name in bold capitals, centred, with optional lines under it (the code, the copy). */
export function drawTitle(pdf: Pdf, title: string, y: number, sublines: string[] = []): number {
  const { doc, frame } = pdf;
  doc.font('bold').fontSize(pdf.fontSize * 1.25).text(upper(title), frame.left, y, { width: frame.width, align: 'center' });
  for (const line of sublines) doc.font('bold').fontSize(pdf.fontSize).text(nfc(line), frame.left, doc.y + 2, { width: frame.width, align: 'center' });
  doc.font('regular').fontSize(pdf.fontSize);
  return doc.y + pdf.fontSize * 0.8;
}

function underline(pdf: Pdf, centreX: number, y: number, width: number): number {
  pdf.doc.save().lineWidth(0.6).moveTo(centreX - width / 2, y).lineTo(centreX + width / 2, y).stroke().restore();
  return y + 1;
}
