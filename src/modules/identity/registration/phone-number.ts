/**
 * A Vietnamese phone number in the national form the accounts table keeps (0 + 9 digits for mobiles,
 * 0 + 10 digits for landlines with a 02x area code), from what people type: spaces, dots, dashes, +84 or 84.
 * Null when it is not a Vietnamese number.
 */
export function normalizeVietnamesePhone(input: string): string | null {
  const digits = input.replace(/[\s.()-]/g, '');
  const national = /^(?:\+84|84)(\d{9,10})$/.exec(digits)?.[1];
  const value = national ? `0${national}` : digits;
  return /^0(?:[35789]\d{8}|2\d{9})$/.test(value) ? value : null;
}

/** What someone typed to name their account: an e-mail address (lower-cased) or a phone number; null for neither. */
export function parseContact(input: string): { email: string; phone?: undefined } | { email?: undefined; phone: string } | null {
  const contact = input.trim();
  if (contact.includes('@')) return { email: contact.toLowerCase() };
  const phone = normalizeVietnamesePhone(contact);
  return phone ? { phone } : null;
}
