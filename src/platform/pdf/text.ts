// Composed and decomposed Vietnamese look alike but map to different glyphs and extract as different text, so
// everything drawn goes through NFC first.
export const nfc = (s: string): string => s.normalize('NFC');

/** Upper case that stays composed ("ủy ban" → "ỦY BAN"). */
export const upper = (s: string): string => nfc(s).toUpperCase().normalize('NFC');

/** Cuts a one-line text to a width, ending it with an ellipsis, for places that cannot wrap (footers). */
export function fitText(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && doc.widthOfString(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
