import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// A serif face, like the Times of printed administrative forms, with full Vietnamese coverage. It comes from an npm
// package so a PDF never depends on the host's fonts or on a download.
const fontFiles = {
  regular: '400Regular/NotoSerif_400Regular.ttf',
  bold: '700Bold/NotoSerif_700Bold.ttf',
  italic: '400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
} as const;

export type FontName = keyof typeof fontFiles;

const require = createRequire(import.meta.url);
let cache: Record<FontName, Buffer> | undefined;

/** The Noto Serif faces, read once per process. */
export function loadFonts(): Record<FontName, Buffer> {
  const read = (name: FontName) => readFileSync(require.resolve(`@expo-google-fonts/noto-serif/${fontFiles[name]}`));
  cache ??= { regular: read('regular'), bold: read('bold'), italic: read('italic'), boldItalic: read('boldItalic') };
  return cache;
}

/** Registers every face under its name, so `doc.font('bold')` picks the embedded font (subset on output). */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const fonts = loadFonts();
  for (const name of Object.keys(fontFiles) as FontName[]) doc.registerFont(name, fonts[name]);
}
