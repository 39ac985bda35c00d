import PDFDocument from 'pdfkit';
import { registerFonts } from './fonts.ts';
import { fitText, nfc } from './text.ts';

/** FORM-02: notices print on A5, registers and control sheets on A4 (the register in landscape). */
export type Paper = 'A5' | 'A4' | 'A4-landscape';

const mm = 72 / 25.4;
const papers = {
  A5: { size: 'A5', layout: 'portrait', margins: { top: 10, bottom: 14, left: 18, right: 12 }, fontSize: 9.5 },
  // Decree 30/2020/NĐ-CP margins: wider on the left for binding.
  A4: { size: 'A4', layout: 'portrait', margins: { top: 20, bottom: 20, left: 25, right: 15 }, fontSize: 11.5 },
  'A4-landscape': { size: 'A4', layout: 'landscape', margins: { top: 15, bottom: 16, left: 20, right: 15 }, fontSize: 9 },
} as const;

export interface PdfInfo {
  title: string;
  /** The issuing agency. */
  author: string;
  /** What the document is about; for a notice, the dossier code. */
  subject: string;
  lang: 'vi' | 'en';
}

/** The area text may use on every page, in points. */
export interface Frame { left: number; top: number; right: number; bottom: number; width: number }

export interface Pdf {
  doc: PDFKit.PDFDocument;
  frame: Frame;
  /** The body size of this paper; headings and small print scale from it. */
  fontSize: number;
  /** Starts a new page when `height` does not fit below `y`; returns the y to draw at. */
  ensureSpace(y: number, height: number): number;
  /** Writes the footer (left text and "page/pages") on every page and returns the finished file. */
  finish(footerText?: string): Promise<Buffer>;
}

/**
 * A PDF with the embedded Noto Serif faces, the paper's margins and the document metadata (title, author = agency,
 * subject, language), ready for the building blocks of this folder. Pages are buffered so the footer can count them.
 */
export function createPdf(paper: Paper, info: PdfInfo): Pdf {
  const spec = papers[paper];
  const margins = { top: spec.margins.top * mm, bottom: spec.margins.bottom * mm, left: spec.margins.left * mm, right: spec.margins.right * mm };
  const doc = new PDFDocument({
    size: spec.size, layout: spec.layout, margins, bufferPages: true, lang: info.lang === 'vi' ? 'vi-VN' : 'en-GB', displayTitle: true,
    info: { Title: nfc(info.title), Author: nfc(info.author), Subject: nfc(info.subject), Creator: 'OpenDVC', Producer: 'OpenDVC' },
  });
  registerFonts(doc);
  doc.font('regular').fontSize(spec.fontSize);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const frame: Frame = {
    left: margins.left, top: margins.top, right: doc.page.width - margins.right,
    bottom: doc.page.height - margins.bottom, width: doc.page.width - margins.left - margins.right,
  };
  return {
    doc, frame, fontSize: spec.fontSize,
    ensureSpace(y, height) {
      if (y + height <= frame.bottom || y <= frame.top) return y;
      doc.addPage();
      return frame.top;
    },
    finish(footerText) {
      const { start, count } = doc.bufferedPageRange();
      for (let i = start; i < start + count; i++) {
        doc.switchToPage(i);
        // The footer sits in the bottom margin; without this pdfkit would take it for overflow and add a page.
        doc.page.margins.bottom = 0;
        const y = frame.bottom + 5 * mm;
        const pageLabel = `${i - start + 1}/${count}`;
        doc.font('regular').fontSize(7).fillColor('#555555');
        const labelWidth = doc.widthOfString(pageLabel);
        if (footerText) doc.text(fitText(doc, nfc(footerText), frame.width - labelWidth - 12), frame.left, y, { lineBreak: false });
        doc.text(pageLabel, frame.right - labelWidth, y, { lineBreak: false });
        doc.fillColor('black');
      }
      doc.end();
      return done;
    },
  };
}
