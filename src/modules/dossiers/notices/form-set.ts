import { t, type Lang, type MessageKey } from '../../../platform/i18n/messages.ts';

/** FORM-01: which circular numbers the printed forms. Code always uses the semantic id below. */
export type FormSet = 'tt01-2018' | 'tt03-2025';
export const defaultFormSet: FormSet = 'tt01-2018';

export type NoticeId = 'receipt' | 'supplementRequest' | 'receptionRefusal' | 'apologyNotice' | 'stopNotice' | 'controlSheet' | 'dossierRegister';

// FORM-01 table: TT01/2018 has no stop notice; TT 03/2025 inserts it as 05 and shifts the control sheet and register.
const numbers: Record<FormSet, Partial<Record<NoticeId, string>>> = {
  'tt01-2018': { receipt: '01', supplementRequest: '02', receptionRefusal: '03', apologyNotice: '04', controlSheet: '05', dossierRegister: '06' },
  'tt03-2025': { receipt: '01', supplementRequest: '02', receptionRefusal: '03', apologyNotice: '04', stopNotice: '05', controlSheet: '06', dossierRegister: '07' },
};

/** The printed form number of a notice under a form set, or null when that set has no such form. */
export function formNumber(id: NoticeId, formSet: FormSet): string | null {
  return numbers[formSet][id] ?? null;
}

/** "Mẫu số 01 – Thông tư số 01/2018/TT-VPCP", or null when the set has no number for it. */
export function formLabel(id: NoticeId, formSet: FormSet, lang: Lang): string | null {
  const number = formNumber(id, formSet);
  return number ? t(lang, 'notice.formLabel', { number, circular: t(lang, `notice.circular.${formSet}`) }) : null;
}

/** The form's name; TT 03/2025 renamed Mẫu 04 to an apology with a request to extend. */
export function formTitle(id: NoticeId, formSet: FormSet, lang: Lang): string {
  const key: MessageKey = id === 'apologyNotice' && formSet === 'tt03-2025' ? 'notice.apologyNotice.title.tt03-2025' : `notice.${id}.title`;
  return t(lang, key);
}
