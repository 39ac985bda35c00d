import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { requireText } from './require-text.ts';

/**
 * The dossier waits for fees, charges or taxes (ST-06; Decree 61 Art. 22): each item with its amount in VND. The
 * clock pauses by the procedure's rule (DL-12); payment itself is recorded by the payments module.
 */
export function requestFinancialObligation(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; items: { code?: string; name: string; amount: number }[] }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.process', 'dossier.receive'],
    action: () => {
      if (input.items.length === 0) throw new AppError('validationFailed', [{ path: '/items', message: t(lang, 'dossier.feeItemsRequired') }]);
      const items = input.items.map((item, i) => {
        if (!Number.isInteger(item.amount) || item.amount <= 0) throw new AppError('validationFailed', [{ path: `/items/${i}/amount`, message: t(lang, 'dossier.feeAmount') }]);
        // The fee code (the case's fee, issue 5 §2) travels with the item so receipts and sync can name it.
        return { ...(item.code ? { code: item.code } : {}), name: requireText(item.name, `/items/${i}/name`, lang), amount: item.amount };
      });
      const total = items.reduce((sum, item) => sum + item.amount, 0);
      return { kind: 'paymentRequested', reason: items.map((i) => i.name).join('; '), payload: { items, total } };
    },
  });
}
