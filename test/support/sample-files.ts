import { Readable } from 'node:stream';
import { strToU8, zipSync } from 'fflate';

// Small but real files of each kind, made here so the tests need no fixtures on disk.

/** A 1×1 PNG. */
export const pngBytes = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A JPEG header (JFIF APP0) followed by filler: enough for content sniffing. */
export const jpegBytes = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
  Buffer.alloc(64, 0x20), Buffer.from([0xff, 0xd9]),
]);

/** A one-page PDF. */
export function pdfBytes(text = 'Giay khai sinh'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

/** A Windows executable's header (what a renamed `.exe` really is). */
export const exeBytes = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

/** A minimal Word document (an OOXML zip). */
export function docxBytes(): Buffer {
  return Buffer.from(zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    'word/document.xml': strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'),
  }));
}

/** A stream of `buffer` in small chunks, the way it arrives over the network. */
export function streamOf(buffer: Buffer, chunkSize = 16 * 1024): Readable {
  return Readable.from((function* () {
    for (let i = 0; i < buffer.length; i += chunkSize) yield buffer.subarray(i, i + chunkSize);
  })());
}

/**
 * A stream that never ends on its own (PDF header, then filler), counting what was pulled: a size limit must cut
 * it off while streaming.
 */
export function endlessPdf(): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const stream = Readable.from((function* () {
    const head = pdfBytes();
    pulled += head.length;
    yield head;
    for (;;) {
      pulled += chunk.length;
      yield chunk;
    }
  })());
  return { stream, pulled: () => pulled };
}
