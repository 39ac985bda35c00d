/**
 * Folds Vietnamese text the way the database's `vn_fold()` does (unaccent + lower): "Đăng ký Hộ khẩu" →
 * "dang ky ho khau". Used where the app must compare with folded columns without a round trip.
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Trims, NFC-normalises and collapses the white space of what a person typed. */
export function cleanQuery(text: string, maxLength = 200): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, maxLength);
}

export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
