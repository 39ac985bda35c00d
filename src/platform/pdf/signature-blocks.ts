import type { Pdf } from './pdf-document.ts';
import { nfc, upper } from './text.ts';

export interface SignatureBlock {
  /** The role, printed in bold capitals: "Người tiếp nhận hồ sơ". */
  title: string;
  /** The instruction under it: "(Ký và ghi rõ họ tên)". */
  hint: string;
  /** The signer's name, printed below the space for the signature; empty for a blank block. */
  name?: string | undefined;
  /** A line above the role, e.g. the place and date. */
  above?: string | undefined;
}

/**
 * Signature blocks side by side across the frame (the first on the left, a single one on the right half), with
 * room to sign by hand above the printed name. The blocks move to a new page together rather than split. Returns
 * the top they were drawn at (something may sit beside them: `reserveLeft` keeps room on the left) and the y below.
 */
export function drawSignatureBlocks(pdf: Pdf, y: number, blocks: SignatureBlock[], options: { reserveLeft?: number; minHeight?: number } = {}): { top: number; bottom: number } {
  const { doc, frame } = pdf;
  const size = pdf.fontSize;
  const signingRoom = size * 4;
  // A lone signer signs on the right half, as on printed forms; the left stays free (for a QR code, say).
  const reserved = options.reserveLeft ?? 0;
  const slots = reserved ? blocks.length : Math.max(blocks.length, 2);
  const width = (frame.width - reserved) / slots;
  const offset = slots - blocks.length;
  const height = Math.max(size * 3 + signingRoom + size * 2.5, options.minHeight ?? 0);
  const top = pdf.ensureSpace(y, height);
  let bottom = top;
  blocks.forEach((block, i) => {
    const x = frame.left + reserved + (offset + i) * width;
    let at = top;
    if (block.above) {
      doc.font('italic').fontSize(size).text(nfc(block.above), x, at, { width, align: 'center' });
      at = doc.y;
    }
    doc.font('bold').fontSize(size).text(upper(block.title), x, at, { width, align: 'center' });
    doc.font('italic').fontSize(size * 0.9).text(nfc(block.hint), x, doc.y, { width, align: 'center' });
    at = doc.y + signingRoom;
    if (block.name) {
      doc.font('bold').fontSize(size).text(nfc(block.name), x, at, { width, align: 'center' });
      at = doc.y;
    }
    bottom = Math.max(bottom, at);
  });
  doc.font('regular').fontSize(size);
  return { top, bottom: Math.max(bottom, top + (options.minHeight ?? 0)) + size };
}
