import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

export interface BlankFormInput {
  title: string;
  legalRef: string;
  fields: string[];
  procedureName: string;
  procedureCode: string;
  componentName: string;
  /** Printed in the header block, e.g. "Ủy ban nhân dân tỉnh Hòa Bình Xanh". */
  agencyName: string;
  /** Absolute URL of the procedure page, printed in the footer. */
  sourceUrl: string;
}

// The fonts ship inside an npm package (never a system font), with full Vietnamese coverage; read once.
const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer; italic: Buffer } | undefined;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf')),
    italic: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf')),
  };
  return fonts;
}

const margin = 56;

/** A printable blank form (A4) in the layout of Vietnamese administrative forms, to fill in by hand (P-02, P-04). */
export async function renderBlankFormPdf(input: BlankFormInput): Promise<Buffer> {
  const nfc = (s: string) => s.normalize('NFC');
  const f = loadFonts();
  const doc = new PDFDocument({ size: 'A4', margins: { top: margin, bottom: margin + 24, left: margin, right: margin }, bufferPages: true,
    info: { Title: nfc(input.title), Author: nfc(input.agencyName), Creator: 'OpenDVC', Subject: nfc(`${input.procedureCode} ${input.procedureName}`) } });
  doc.registerFont('regular', f.regular).registerFont('bold', f.bold).registerFont('italic', f.italic);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const width = doc.page.width - 2 * margin;
  const left = width * 0.42;
  const top = doc.y;
  doc.font('bold').fontSize(10).text(nfc(input.agencyName).toUpperCase(), margin, top, { width: left, align: 'center' });
  const leftBottom = doc.y;
  doc.font('bold').fontSize(10).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', margin + left, top, { width: width - left, align: 'center' });
  doc.font('bold').fontSize(10).text('Độc lập - Tự do - Hạnh phúc', { width: width - left, align: 'center', underline: true });
  doc.y = Math.max(doc.y, leftBottom) + 18;

  doc.font('italic').fontSize(9).text(nfc(input.legalRef), margin, doc.y, { width, align: 'right' });
  doc.moveDown(1);
  doc.font('bold').fontSize(14).text(nfc(input.title).toUpperCase(), { width, align: 'center' });
  doc.moveDown(1.2);

  doc.fontSize(11);
  input.fields.forEach((label, i) => {
    const text = `${i + 1}. ${nfc(label)}: `;
    doc.font('regular');
    // Each label is followed by dots to the end of its line plus one more dotted line for the answer.
    const dots = '.'.repeat(400);
    doc.text(text, margin, doc.y, { width, continued: true, height: 40, lineBreak: true }).text(dots, { width, height: doc.currentLineHeight() * 1.1, ellipsis: '' });
    doc.text(dots, margin, doc.y, { width, height: doc.currentLineHeight() * 1.1, ellipsis: '' });
    doc.moveDown(0.4);
  });

  if (doc.y > doc.page.height - margin - 150) doc.addPage();
  doc.moveDown(1);
  const signX = margin + width * 0.45;
  doc.font('italic').fontSize(11).text('……, ngày …… tháng …… năm ……', signX, doc.y, { width: width * 0.55, align: 'center' });
  doc.font('bold').text('NGƯỜI KÊ KHAI', signX, doc.y, { width: width * 0.55, align: 'center' });
  doc.font('italic').text('(Ký, ghi rõ họ tên)', signX, doc.y, { width: width * 0.55, align: 'center' });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const footerY = doc.page.height - margin;
    doc.font('regular').fontSize(7.5).fillColor('#555555')
      .text(nfc(`${input.procedureCode} — ${input.procedureName} — ${input.componentName}`), margin, footerY, { width, lineBreak: false, ellipsis: true })
      .text(`${input.sourceUrl} · ${i + 1}/${range.count}`, margin, footerY + 11, { width, lineBreak: false });
  }
  doc.end();
  return done;
}
