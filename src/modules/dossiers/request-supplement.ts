import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { workingMinutesBetween } from '../../platform/clock/working-time.ts';
import { actOnDossier } from './act-on-dossier.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { listActions } from './repository.ts';
import { requireText } from './require-text.ts';

// DL-09: the post-receipt supplement notice is due within 3 working days of receipt (configurable per procedure).
const supplementWindowWorkingDays = 3;

/**
 * Asks for a supplement, once and completely (DL-05, Mẫu 02): every missing item with its reason in one request.
 * A second request needs its own justification and is flagged (QĐ766 counts it late); a request more than three
 * working days after receipt is flagged `lateSupplementNotice` (DL-09). Requests go to the applicant through the
 * one-stop desk, so only the desk (dossier.receive) records them.
 */
export function requestSupplement(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: {
  dossierId: string; items: { name: string; reason: string }[]; guidance?: string; repeatJustification?: string;
}) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.receive'],
    action: async (dossier, trx) => {
      const items = input.items.map((item, i) => ({ name: requireText(item.name, `/items/${i}/name`, lang), reason: requireText(item.reason, `/items/${i}/reason`, lang) }));
      if (items.length === 0) throw new AppError('validationFailed', [{ path: '/items', message: t(lang, 'dossier.supplementItemsRequired') }]);
      const earlier = (await listActions(trx, dossier.id)).filter((a) => a.kind === 'supplementRequested').length;
      const repeat = earlier > 0;
      if (repeat && !input.repeatJustification?.trim()) throw new AppError('validationFailed', [{ path: '/repeatJustification', message: t(lang, 'dossier.repeatSupplement') }]);
      let late = false;
      if (dossier.received_at) {
        const { calendar } = await loadClockRules(trx, dossier);
        late = workingMinutesBetween(calendar, new Date(dossier.received_at), now) > supplementWindowWorkingDays * calendar.minutesPerDay;
      }
      return {
        kind: 'supplementRequested' as const,
        reason: items.map((i) => i.name).join('; '),
        payload: { items, guidance: input.guidance?.trim() ?? '', repeat, ...(repeat ? { repeatJustification: input.repeatJustification!.trim() } : {}), lateSupplementNotice: late },
      };
    },
  });
}
