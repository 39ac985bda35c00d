import { SegmentedMessage } from 'sms-segments-calculator';

/**
 * Vietnamese as plain GSM-7 text (issue 5 §3): most brandname gateways send 160-character messages only when the
 * text has no diacritics ("Hồ sơ đã được tiếp nhận" → "Ho so da duoc tiep nhan"); with them a segment holds 70
 * characters and costs the same. Letters lose their marks, đ becomes d, typographic quotes and dashes become their
 * ASCII forms, and anything else outside the GSM alphabet becomes a space, so the gateway never switches to UCS-2.
 */
export function plainSmsText(text: string): string {
  const folded = text.normalize('NFD').replace(/\p{Mn}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/[\u2013\u2014]/g, '-').replace(/\u2026/g, '...');
  return [...folded].map((c) => (isGsm7(c) ? c : ' ')).join('').replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

function isGsm7(c: string): boolean {
  return new SegmentedMessage(c).encodingName === 'GSM-7';
}

export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  characters: number;
}

/** How a gateway counts a message: its encoding, the segments it is billed as (160/153 GSM-7, 70/67 UCS-2). */
export function countSmsSegments(text: string): SmsSegments {
  const message = new SegmentedMessage(text);
  return { encoding: message.encodingName === 'GSM-7' ? 'GSM-7' : 'UCS-2', segments: message.segmentsCount, characters: message.numberOfCharacters };
}
