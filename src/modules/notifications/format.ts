import type { Lang } from '../../platform/i18n/messages.ts';

const options: Intl.DateTimeFormatOptions = { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' };
const formats = { vi: new Intl.DateTimeFormat('vi-VN', options), en: new Intl.DateTimeFormat('en-GB', options) };

/** A moment as people in Vietnam read it, whatever the server's time zone. */
export function dateTimeText(lang: Lang, value: Date | string | null | undefined): string {
  return value ? formats[lang].format(new Date(value)) : '';
}
