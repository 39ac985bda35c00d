import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { listActions } from './repository.ts';

/**
 * The desk hands the result over (ST-10) at the counter, by post or electronically. Returning before the due
 * date is encouraged but must have been announced to the applicant first (DL-10).
 */
export function returnResult(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; channel: 'desk' | 'postal' | 'online' }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.return'],
    action: async (dossier, trx) => {
      const early = dossier.due_at !== null && now < new Date(dossier.due_at);
      if (early && !(await listActions(trx, dossier.id)).some((a) => a.kind === 'earlyReturnNoticed')) {
        throw new AppError('validationFailed', [{ path: '/dossierId', message: t(lang, 'dossier.earlyReturnNeedsNotice') }]);
      }
      return { kind: 'returned', payload: { channel: input.channel, early } };
    },
  });
}

/** DL-10: tells the applicant the result will be ready before the appointment date. */
export function noticeEarlyReturn(db: Kysely<Database>, actor: Actor, now: Date, input: { dossierId: string; readyAt: Date }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.return', 'dossier.approve'],
    action: () => ({ kind: 'earlyReturnNoticed', payload: { readyAt: input.readyAt.toISOString() } }),
  });
}
