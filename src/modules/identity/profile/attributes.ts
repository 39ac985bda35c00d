import { vi } from '../../../platform/i18n/vi.ts';
import { t, type Lang, type MessageKey } from '../../../platform/i18n/messages.ts';
import { isValidPersonalId, isValidTaxCode } from '../identity-numbers.ts';

/** Canonical profile attribute names (English camelCase in the database; labels in i18n `profile.attr.<name>`). */
export const attributeNames = ['fullName', 'personalId', 'dateOfBirth', 'gender', 'address', 'phone', 'email', 'taxCode', 'businessName', 'representative'] as const;
export type AttributeName = (typeof attributeNames)[number];

/**
 * What a person may declare, by account kind. E-mail and phone are the account's sign-in identifiers, changed
 * only with proof of ownership, so they are not declared here.
 */
export const declarableAttributes = {
  citizen: ['fullName', 'dateOfBirth', 'gender', 'personalId', 'address'],
  business: ['businessName', 'taxCode', 'representative', 'address'],
} as const satisfies Record<'citizen' | 'business', readonly AttributeName[]>;
export type DeclarableAttribute = (typeof declarableAttributes)[keyof typeof declarableAttributes][number];

export const genders = ['male', 'female'] as const;

/** The attribute whose value is the account's display name. */
export const nameAttribute = { citizen: 'fullName', business: 'businessName' } as const;

/** A message if the catalogue has one, else the fallback (attributes or events added by other modules). */
export function messageOr(lang: Lang, key: string, fallback: string): string {
  return key in vi ? t(lang, key as MessageKey) : fallback;
}

export const attributeLabel = (lang: Lang, name: string) => messageOr(lang, `profile.attr.${name}`, name);

/** A stored value as shown to people: dates as dd/mm/yyyy, genders in words. */
export function displayValue(lang: Lang, name: string, value: string): string {
  if (name === 'dateOfBirth') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
  }
  if (name === 'gender') return messageOr(lang, `profile.gender.${value}`, value);
  return value;
}

/** Typed input to its stored form: trimmed; identity numbers without spaces; dd/mm/yyyy dates as YYYY-MM-DD. */
export function normaliseValue(name: string, raw: string): string {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (name === 'personalId' || name === 'taxCode') return value.replace(/[\s.]/g, '');
  if (name === 'dateOfBirth') {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
    return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : value;
  }
  return value;
}

/** The rule a declared value breaks, if any (formats beyond what the JSON Schema of the form can say). */
export function checkValue(name: string, value: string, context: { dateOfBirth?: string | undefined; today: string }): MessageKey | null {
  switch (name) {
    case 'dateOfBirth': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!m) return 'profile.error.date';
      const date = new Date(`${value}T00:00:00Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return 'profile.error.date';
      return value < '1900-01-01' || value > context.today ? 'profile.error.dateRange' : null;
    }
    case 'personalId':
      if (!isValidPersonalId(value)) return 'profile.error.personalId';
      return context.dateOfBirth && !isValidPersonalId(value, context.dateOfBirth) ? 'profile.error.personalIdYear' : null;
    case 'taxCode':
      return isValidTaxCode(value) ? null : 'profile.error.taxCode';
    case 'gender':
      return (genders as readonly string[]).includes(value) ? null : 'profile.error.gender';
    default:
      return null;
  }
}
