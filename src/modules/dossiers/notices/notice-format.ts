import { toLocal } from '../../../platform/clock/local-time.ts';
import { t, type Lang } from '../../../platform/i18n/messages.ts';

// Dates on notices are wall-clock time in Vietnam, whatever the server's time zone.
function parts(at: Date) {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const [year, month, day] = toLocal(at).date.split('-') as [string, string, string];
  return { year, month, day, hour: pad(local.getUTCHours()), minute: pad(local.getUTCMinutes()) };
}

/** "Hòa Lâm, ngày 05 tháng 03 năm 2026". */
export const placeDate = (lang: Lang, place: string, at: Date): string => t(lang, 'notice.placeDate', { place, ...parts(at) });

/** "08 giờ 30 phút, ngày 05/03/2026". */
export const dateTime = (lang: Lang, at: Date): string => t(lang, 'notice.dateTime', parts(at));

/** "05/03/2026". */
export const dateOnly = (lang: Lang, at: Date): string => t(lang, 'notice.date', parts(at));

/** The public tracking page of a dossier (P-17), printed as a QR code so the applicant can follow it. */
export function trackingUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`;
}
