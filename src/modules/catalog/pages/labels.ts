import { t, type Lang, type MessageKey } from '../../../platform/i18n/messages.ts';
import type { TimeLimit } from '../catalog-file-schema.ts';

/** Labels of catalogue enumerations, from the message catalogue. */
export const label = (lang: Lang, group: 'onlineLevel' | 'applicant' | 'level' | 'channel' | 'feeKind' | 'resultForm', value: string): string =>
  t(lang, `${group}.${value}` as MessageKey);

export function timeLimitText(lang: Lang, limit: TimeLimit): string {
  return t(lang, `unit.${limit.unit}`, { n: limit.value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') });
}

export function money(lang: Lang, amount: number): string {
  return `${amount.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} ${lang === 'vi' ? 'đồng' : 'VND'}`;
}

export function dateText(lang: Lang, iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(`${iso}T00:00:00+07:00`) : iso;
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}
