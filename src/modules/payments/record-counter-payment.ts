import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { actOnDossier } from '../dossiers/act-on-dossier.ts';
import { formatVnd } from './amount-in-words.ts';
import { openPaymentRequest } from './payment-request.ts';
import { insertPayment, insertPaymentEvent } from './repository.ts';
import { newOrderReference } from './start-online-payment.ts';

export type CounterInstrument = 'cash' | 'pos';

/**
 * The desk records a payment made at the counter (issue 5 §2; DL-12), in cash or by card (POS), with the number of
 * the receipt it issued: a paid order and the dossier's `paid` action in one transaction. If the applicant paid
 * online meanwhile, the dossier has left status 6 and this is refused: a fee is never recorded twice.
 */
export async function recordCounterPayment(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; receiptNo: string; instrument: CounterInstrument }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.receive'],
    action: async (dossier, trx) => {
      const receiptNo = input.receiptNo.trim();
      if (!/^[\p{L}\p{N}][\p{L}\p{N}\s./-]{0,39}$/u.test(receiptNo)) throw new AppError('validationFailed', [{ path: '/receiptNo', message: t(lang, 'payments.receiptNoInvalid') }]);
      const request = await openPaymentRequest(trx, dossier);
      if (!request) throw new AppError('transitionNotAllowed', [], { status: t(lang, `dossier.status.${dossier.status}` as never), action: t(lang, 'dossier.action.paid') });
      const payment = await insertPayment(trx, {
        dossierId: dossier.id, requestSeq: request.seq, orderReference: newOrderReference(now), amount: request.total, items: request.items, status: 'paid',
        method: 'counter', transactionNo: receiptNo, recordedBy: actor.kind === 'officer' ? actor.accountId : null, now, paidAt: now,
      });
      await insertPaymentEvent(trx, { paymentId: payment.id, kind: 'counter', outcome: 'paid', detail: { instrument: input.instrument, receiptNo }, at: now });
      return {
        kind: 'paid' as const,
        reason: t('vi', input.instrument === 'pos' ? 'payments.paidPos' : 'payments.paidCash', { amount: formatVnd(request.total), receiptNo }),
        payload: { paymentId: payment.id, orderReference: payment.order_reference, method: 'counter', amount: request.total, transactionNo: receiptNo, instrument: input.instrument },
      };
    },
  });
}
