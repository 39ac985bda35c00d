import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { extensionDeadline } from '../../platform/clock/rules.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { listActions } from './repository.ts';
import { requireText } from './require-text.ts';

/**
 * The apology and the once-only extension (DL-06, Mẫu 04): at least one day before the due date (by the end of
 * the previous working day), never twice, to a later date, with the reason. The original due date is kept for
 * reports.
 */
export function extendDueDate(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { dossierId: string; newDueAt: Date; reason: string }) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.approve'],
    action: async (dossier, trx) => {
      const reason = requireText(input.reason, '/reason', lang);
      const errors = [];
      if ((await listActions(trx, dossier.id)).some((a) => a.kind === 'extended')) errors.push({ path: '/newDueAt', message: t(lang, 'dossier.extensionOnce') });
      if (dossier.due_at) {
        const dueAt = new Date(dossier.due_at);
        const { calendar } = await loadClockRules(trx, dossier);
        if (now > extensionDeadline(calendar, dueAt)) errors.push({ path: '/newDueAt', message: t(lang, 'dossier.extensionTooLate') });
        if (input.newDueAt <= dueAt) errors.push({ path: '/newDueAt', message: t(lang, 'dossier.extensionNotLater') });
      }
      if (errors.length) throw new AppError('validationFailed', errors);
      return { kind: 'extended', reason, payload: { newDueAt: input.newDueAt.toISOString(), previousDueAt: dossier.due_at ? new Date(dossier.due_at).toISOString() : null } };
    },
  });
}
