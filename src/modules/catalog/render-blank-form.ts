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
  /** Printed in the top-left header block, e.g. "Ủy ban nhân dân tỉnh Hòa Bình Xanh". */
  agencyName: string;
  /** Absolute URL of the procedure page, printed small in the footer. */
  sourceUrl: string;
}

// A serif face, like the Times of printed administrative forms, with full Vietnamese coverage. It comes
// from an npm package so the PDF never depends on the host's fonts or on a download.
const fontFiles = {
  regular: '400Regular/NotoSerif_400Regular.ttf',
  bold: '700Bold/NotoSerif_700Bold.ttf',
  italic: '400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
} as const;
type FontName = keyof typeof fontFiles;
const require = createRequire(import.meta.url);
let fontCache: Record<FontName, Buffer> | undefined;
function loadFonts(): Record<FontName, Buffer> {
  const read = (name: FontName) => readFileSync(require.resolve(`@expo-google-fonts/noto-serif/${fontFiles[name]}`));
  fontCache ??= { regular: read('regular'), bold: read('bold'), italic: read('italic') };
  return fontCache;
}

const mm = 72 / 25.4;
// Margins of Decree 30/2020/NĐ-CP (wider on the left for binding), bottom kept clear for the footer.
const page = { width: 595.28, height: 841.89, top: 20 * mm, bottom: 25 * mm, left: 25 * mm, right: 20 * mm };
const contentWidth = page.width - page.left - page.right;
const bodyBottom = page.height - page.bottom;
const fieldSize = 12;
// Each row is tall enough to write on by hand, not just to read.
const rowHeight = 24;
// Room for the date, the role, and the signature itself below them.
const signHeight = 130;

type Doc = PDFKit.PDFDocument;

/** A printable blank A4 form in the layout of Vietnamese administrative forms, to fill in by hand. */
export async function renderBlankFormPdf(input: BlankFormInput): Promise<Buffer> {
  // Composed and decomposed Vietnamese look alike but map to different glyphs and text, so draw only NFC.
  const nfc = (s: string) => s.normalize('NFC');
  const upper = (s: string) => nfc(s).toUpperCase().normalize('NFC');
  const fonts = loadFonts();
  const doc = new PDFDocument({
    size: 'A4', bufferPages: true, lang: 'vi-VN', displayTitle: true,
    margins: { top: page.top, bottom: page.bottom, left: page.left, right: page.right },
    info: { Title: nfc(input.title), Author: nfc(input.agencyName), Creator: 'OpenDVC', Subject: nfc(`${input.procedureCode} ${input.procedureName} – ${input.componentName}`) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const name of Object.keys(fontFiles) as FontName[]) doc.registerFont(name, fonts[name]);

  // Header: issuing agency on the left, national motto on the right, both centred in their blocks.
  const leftWidth = contentWidth * 0.4;
  const rightX = page.left + leftWidth;
  const rightWidth = contentWidth - leftWidth;
  doc.font('bold').fontSize(11.5).text(upper(input.agencyName), page.left, page.top, { width: leftWidth, align: 'center' });
  const agencyBottom = rule(doc, page.left + leftWidth / 2, doc.y + 2, leftWidth / 3);
  doc.font('bold').fontSize(11.5).text(nfc('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), rightX, page.top, { width: rightWidth, align: 'center' });
  const motto = nfc('Độc lập - Tự do - Hạnh phúc');
  doc.fontSize(12.5).text(motto, rightX, doc.y, { width: rightWidth, align: 'center' });
  const mottoBottom = rule(doc, rightX + rightWidth / 2, doc.y + 2, doc.widthOfString(motto));

  doc.font('italic').fontSize(9.5).text(nfc(input.legalRef), page.left, Math.max(agencyBottom, mottoBottom) + 20, { width: contentWidth, align: 'center' });
  doc.font('bold').fontSize(14).text(upper(input.title), page.left, doc.y + 10, { width: contentWidth, align: 'center' });

  // Fields are laid out by hand rather than by pdfkit's flowing text so that a label and its answer line
  // never split across pages, and so the dotted line can start right where the label ends.
  let y = doc.y + 22;
  doc.font('regular').fontSize(fieldSize);
  input.fields.forEach((field, i) => {
    const lines = wrap(doc, `${i + 1}. ${nfc(field).replace(/:\s*$/, '')}:`, contentWidth);
    const endX = page.left + doc.widthOfString(lines.at(-1) ?? '') + 4;
    // A short remainder of the last label line leaves no room to write an answer: give it a full line too.
    const extraLine = page.left + contentWidth - endX < contentWidth * 0.45;
    const rows = lines.length + (extraLine ? 1 : 0);
    // The last field keeps the signature block company, so a page never holds a signature alone.
    const keep = i === input.fields.length - 1 ? signHeight : 0;
    if (y + rows * rowHeight + keep > bodyBottom && y > page.top) {
      doc.addPage();
      doc.font('regular').fontSize(fieldSize);
      y = page.top;
    }
    lines.forEach((line, k) => doc.text(line, page.left, y + k * rowHeight, { lineBreak: false }));
    const baseline = y + (lines.length - 1) * rowHeight + fieldSize * 1.25;
    dots(doc, endX, page.left + contentWidth, baseline);
    if (extraLine) dots(doc, page.left, page.left + contentWidth, baseline + rowHeight);
    y += rows * rowHeight;
  });

  if (y + signHeight > bodyBottom) {
    doc.addPage();
    y = page.top;
  }
  const signX = page.left + contentWidth * 0.45;
  const signWidth = contentWidth * 0.55;
  doc.font('italic').fontSize(12).text(nfc('……, ngày …… tháng …… năm ……'), signX, y + 16, { width: signWidth, align: 'center' });
  doc.font('bold').text(nfc('NGƯỜI KÊ KHAI'), signX, doc.y + 2, { width: signWidth, align: 'center' });
  doc.font('italic').text(nfc('(Ký, ghi rõ họ tên)'), signX, doc.y, { width: signWidth, align: 'center' });

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const footerY = page.height - 17 * mm;
    const pageLabel = `${i - start + 1}/${count}`;
    doc.font('regular').fontSize(7.5).fillColor('#666666');
    doc.text(fit(doc, nfc(`${input.procedureCode} – ${input.procedureName}`), contentWidth), page.left, footerY, { lineBreak: false });
    const labelWidth = doc.widthOfString(pageLabel);
    doc.text(fit(doc, nfc(input.sourceUrl), contentWidth - labelWidth - 12), page.left, footerY + 10, { lineBreak: false });
    doc.text(pageLabel, page.left + contentWidth - labelWidth, footerY + 10, { lineBreak: false });
  }
  doc.end();
  return done;
}

/** Draws a centred horizontal rule, returning the y just below it. */
function rule(doc: Doc, centreX: number, y: number, width: number): number {
  doc.save().lineWidth(0.6).moveTo(centreX - width / 2, y).lineTo(centreX + width / 2, y).stroke().restore();
  return y + 1;
}

// Round caps on near-zero dashes give round dots, which print better than full stops in the text face.
function dots(doc: Doc, x1: number, x2: number, y: number): void {
  if (x2 - x1 < 6) return;
  doc.save().lineWidth(0.8).lineCap('round').dash(0.01, { space: 2.6 }).moveTo(x1, y).lineTo(x2, y).stroke().restore();
}

// pdfkit's own wrapping does not report where the last line ends, which the dotted line needs.
function wrap(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && doc.widthOfString(candidate) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  return [...lines, line];
}

function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && doc.widthOfString(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
