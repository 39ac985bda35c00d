import { extractText, extractTextItems, getDocumentProxy, getMeta } from 'unpdf';

// For tests: what a reader of the PDF would get — text per page, page sizes, metadata, and where text sits.
export const flat = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ');

export async function inspectPdf(pdf: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(doc, { mergePages: false });
  const { info } = await getMeta(doc);
  const sizes: { width: number; height: number }[] = [];
  for (let i = 1; i <= totalPages; i++) {
    const [, , width, height] = (await doc.getPage(i)).view as [number, number, number, number];
    sizes.push({ width: Math.round(width), height: Math.round(height) });
  }
  const { items } = await extractTextItems(new Uint8Array(pdf));
  return {
    totalPages, pages: text, all: flat(text.join('\n')), info: info as Record<string, unknown>, sizes,
    /** Text items whose box leaves the page. */
    outside: items.flatMap((page, i) => page.filter((item) => {
      const size = sizes[i]!;
      return item.x < 0 || item.y < 0 || item.x + item.width > size.width + 0.5 || item.y + item.height > size.height;
    })),
  };
}
