import QRCode from 'qrcode';
import type { Pdf } from './pdf-document.ts';

/** Pixels per QR module in the embedded image: whole pixels keep the modules sharp at any print size. */
export const qrPixelsPerModule = 4;

/**
 * A QR code of `text` as a PNG, without its quiet zone (leave white space around it when drawing). Error
 * correction M survives a smudged print. Made ahead so the drawing itself can stay synchronous.
 */
export function makeQrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 0, scale: qrPixelsPerModule });
}

/** Draws a QR PNG from `makeQrPng` at (x, y), `size` points wide. */
export function drawQrCode(pdf: Pdf, png: Buffer, x: number, y: number, size: number): void {
  pdf.doc.image(png, x, y, { width: size, height: size });
}
