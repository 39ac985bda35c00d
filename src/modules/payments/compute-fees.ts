import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import type { FieldError } from '../../platform/validation/validator.ts';
import type { ProcedureCase } from '../catalog/catalog-file-schema.ts';
import type { PaymentItem } from './tables.ts';

export type CaseFee = ProcedureCase['fees'][number];

/** What the officer adds to the catalogue's fees: the number of copies, and the amount and reason of officer-set fees. */
export interface FeeInput {
  copies?: number | undefined;
  officerSet?: Record<string, { amount?: number | undefined; reason?: string | undefined }>;
}

/**
 * The fees of a dossier from its procedure case (issue 5 §2; ST-06, DL-12): `fixed` as catalogued, `perCopy` × the
 * copies asked for, `officerSet` with the amount the officer sets and a mandatory reason (Decree 61 Art. 22). A fee
 * of 0 is an exemption and is left out; a case with nothing to pay is refused. Field paths: `/copies`,
 * `/fees/<code>/amount`, `/fees/<code>/reason`.
 */
export function computeFees(fees: readonly CaseFee[], input: FeeInput, lang: Lang): { items: PaymentItem[]; total: number } {
  const errors: FieldError[] = [];
  const items: PaymentItem[] = [];
  const needsCopies = fees.some((f) => f.basis === 'perCopy' && f.amount > 0);
  const copies = input.copies;
  if (needsCopies && (copies === undefined || !Number.isInteger(copies) || copies < 1 || copies > 1000)) {
    errors.push({ path: '/copies', message: t(lang, 'payments.copiesInvalid') });
  }
  for (const fee of fees) {
    if (fee.basis === 'fixed' && fee.amount > 0) items.push({ code: fee.code, name: fee.name, amount: fee.amount });
    if (fee.basis === 'perCopy' && fee.amount > 0 && copies !== undefined && Number.isInteger(copies) && copies >= 1 && copies <= 1000) {
      items.push({ code: fee.code, name: t(lang, 'payments.perCopyItem', { name: fee.name, copies }), amount: fee.amount * copies });
    }
    if (fee.basis === 'officerSet') {
      const set = input.officerSet?.[fee.code];
      const amount = set?.amount;
      const reason = set?.reason?.trim() ?? '';
      if (amount === undefined || !Number.isSafeInteger(amount) || amount < 0) errors.push({ path: `/fees/${fee.code}/amount`, message: t(lang, 'payments.officerAmountInvalid') });
      if (!reason) errors.push({ path: `/fees/${fee.code}/reason`, message: t(lang, 'payments.officerReasonRequired') });
      if (amount !== undefined && Number.isSafeInteger(amount) && amount > 0 && reason) items.push({ code: fee.code, name: `${fee.name} (${reason})`, amount });
    }
  }
  if (errors.length) throw new AppError('validationFailed', errors);
  if (!items.length) throw new AppError('validationFailed', [{ path: '/fees', message: t(lang, 'payments.nothingToPay') }]);
  return { items, total: items.reduce((sum, item) => sum + item.amount, 0) };
}
