import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { workingMinutesBetween } from '../../platform/clock/working-time.ts';
import type { WorkingCalendar } from '../../platform/clock/working-calendar.ts';
import { actOnDossier, isAllowedOnDossier } from './act-on-dossier.ts';
import { requireStep } from './step-authority.ts';
import { loadClockRules } from './load-clock-rules.ts';
import { listActions } from './repository.ts';
import { requireText } from './require-text.ts';

// DL-09: the post-receipt supplement notice is due within 3 working days of receipt (configurable per procedure).
const supplementWindowWorkingDays = 3;

/** DL-09: whether a supplement notice now is later than 3 working days after receipt (a warning, never a refusal). */
export function supplementNoticeLate(calendar: WorkingCalendar, receivedAt: Date | null, now: Date): boolean {
  return receivedAt !== null && workingMinutesBetween(calendar, receivedAt, now) > supplementWindowWorkingDays * calendar.minutesPerDay;
}

/**
 * Asks for a supplement, once and completely (DL-05, Mẫu 02): every missing item with its reason in one request.
 * A second request needs its own justification and is flagged (QĐ766 counts it late); a request more than three
 * working days after receipt is flagged `lateSupplementNotice` (DL-09), with the officer's justification if given.
 * Requests reach the applicant only through the one-stop desk (DL-05): the desk records them, or the specialist
 * holding a handling step asks and the desk's Mẫu 02 carries it (`throughDesk`).
 */
export function requestSupplement(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: {
  dossierId: string; items: { name: string; reason: string }[]; guidance?: string | undefined; repeatJustification?: string | undefined;
  lateJustification?: string | undefined;
}) {
  return actOnDossier(db, {
    actor, now, dossierId: input.dossierId, permissions: ['dossier.receive', 'dossier.process'],
    action: async (dossier, trx) => {
      const rules = await loadClockRules(trx, dossier);
      const throughDesk = !isAllowedOnDossier(actor, 'dossier.receive', dossier);
      if (throughDesk) requireStep(actor, dossier, rules.process, ['handling'], lang);
      const items = input.items.map((item, i) => ({ name: requireText(item.name, `/items/${i}/name`, lang), reason: requireText(item.reason, `/items/${i}/reason`, lang) }));
      if (items.length === 0) throw new AppError('validationFailed', [{ path: '/items', message: t(lang, 'dossier.supplementItemsRequired') }]);
      const earlier = (await listActions(trx, dossier.id)).filter((a) => a.kind === 'supplementRequested').length;
      const repeat = earlier > 0;
      if (repeat && !input.repeatJustification?.trim()) throw new AppError('validationFailed', [{ path: '/repeatJustification', message: t(lang, 'dossier.repeatSupplement') }]);
      const late = supplementNoticeLate(rules.calendar, dossier.received_at ? new Date(dossier.received_at) : null, now);
      const lateJustification = late ? input.lateJustification?.trim() : undefined;
      return {
        kind: 'supplementRequested' as const,
        reason: items.map((i) => i.name).join('; '),
        payload: {
          items, guidance: input.guidance?.trim() ?? '', repeat, ...(repeat ? { repeatJustification: input.repeatJustification!.trim() } : {}), lateSupplementNotice: late,
          ...(lateJustification ? { lateJustification } : {}), ...(throughDesk && actor.kind === 'officer' ? { throughDesk: true, requestedBy: actor.name } : {}),
        },
      };
    },
  });
}
