import type { FontName } from './fonts.ts';
import type { Pdf } from './pdf-document.ts';
import { nfc } from './text.ts';

export interface ParagraphOptions {
  font?: FontName;
  /** Relative to the paper's body size. */
  scale?: number;
  indent?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Space after, in points. */
  gap?: number;
}

/**
 * A paragraph across the frame. pdfkit wraps it and, past the bottom margin, carries on at the top of a new page,
 * so long content flows instead of overflowing. Returns the y below it.
 */
export function drawParagraph(pdf: Pdf, y: number, text: string, options: ParagraphOptions = {}): number {
  const { doc, frame } = pdf;
  const indent = options.indent ?? 0;
  doc.font(options.font ?? 'regular').fontSize(pdf.fontSize * (options.scale ?? 1));
  doc.text(nfc(text), frame.left + indent, y, { width: frame.width - indent, align: options.align ?? 'left' });
  doc.font('regular').fontSize(pdf.fontSize);
  return doc.y + (options.gap ?? 2);
}

/** "Label: value", the label in the body face and the value in bold, wrapping as one paragraph. */
export function drawField(pdf: Pdf, y: number, label: string, value: string, indent = 0): number {
  const { doc, frame } = pdf;
  doc.font('regular').fontSize(pdf.fontSize).text(nfc(`${label}: `), frame.left + indent, y, { width: frame.width - indent, continued: true });
  doc.font('bold').text(nfc(value || '…'));
  doc.font('regular');
  return doc.y + 1;
}
