const digits = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** Three digits as read inside a number; `full` when a higher group precedes (then "không trăm", "linh" are said). */
function readGroup(n: number, full: boolean): string {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(digits[hundreds]!, 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(digits[tens]!, 'mươi');
  }
  if (units > 0) {
    if (units === 1 && tens >= 2) words.push('mốt');
    else if (units === 4 && tens >= 2) words.push('tư');
    else if (units === 5 && tens >= 1) words.push('lăm');
    else words.push(digits[units]!);
  }
  return words.join(' ');
}

/** A non-negative integer below one billion, or of any size through "tỷ" recursion. */
function readNumber(n: number, full: boolean): string {
  if (n >= 1_000_000_000) {
    const high = Math.floor(n / 1_000_000_000);
    const low = n % 1_000_000_000;
    return [readNumber(high, full), 'tỷ', ...(low > 0 ? [readNumber(low, true)] : [])].join(' ');
  }
  const groups = [Math.floor(n / 1_000_000), Math.floor((n % 1_000_000) / 1000), n % 1000];
  const names = ['triệu', 'nghìn', ''];
  const words: string[] = [];
  groups.forEach((group, i) => {
    if (group === 0) return;
    words.push(readGroup(group, full || words.length > 0));
    if (names[i]) words.push(names[i]!);
  });
  return words.join(' ');
}

/**
 * An amount of VND in Vietnamese words as receipts print it ("Mười lăm nghìn đồng"): groups of three digits
 * with nghìn, triệu, tỷ; "linh" for a zero ten, "mốt", "tư", "lăm" after a ten; a zero group is skipped.
 */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`not an amount of VND: ${amount}`);
  const text = amount === 0 ? 'không' : readNumber(amount, false);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} đồng`;
}

/** 1.250.000 ₫ as written in Vietnam (dot thousands). */
export function formatVnd(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;
}
