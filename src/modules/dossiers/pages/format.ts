import type { Lang } from '../../../platform/i18n/messages.ts';

const formats = {
  vi: new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }),
};

/** A moment as people in Vietnam read it, whatever the server's time zone. */
export function dateTimeText(lang: Lang, value: Date | string | null | undefined): string {
  return value ? formats[lang].format(new Date(value)) : '';
}
