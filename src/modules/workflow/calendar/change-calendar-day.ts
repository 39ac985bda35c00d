import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import type { CalendarDay } from '../../../platform/clock/working-calendar.ts';
import { weekday } from '../../../platform/clock/local-time.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { appendAuditEntry } from '../../../platform/audit/append-audit-entry.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { FieldError } from '../../../platform/validation/validator.ts';
import { t, type Lang } from '../../../platform/i18n/messages.ts';
import { recomputeDueDates } from '../../dossiers/recompute-due-dates.ts';
import { deleteProvinceDay, insertCalendarChange, listYearDays, upsertProvinceDay } from './repository.ts';

export type CalendarChange =
  | { action: 'set'; day: CalendarDay; reason: string }
  | { action: 'remove'; date: string; reason: string };

interface Who { actor: Actor; ip: string | null; userAgent: string | null; now: Date; lang: Lang }

/**
 * Sets or removes one day of the province's calendar (CAL-04, CAL-05): a holiday or day off must fall on a
 * weekday and a swapped working day on a weekly rest day; every change keeps the year's days before and after,
 * with who, when and why, and is audited. Open dossiers' due dates follow in the same transaction (CAL-05).
 */
export async function changeCalendarDay(db: Kysely<Database>, who: Who, change: CalendarChange): Promise<{ dossiersRecomputed: number }> {
  authorize(who.actor, 'calendar.manage');
  const date = change.action === 'set' ? change.day.date : change.date;
  const errors: FieldError[] = [];
  if (!change.reason.trim()) errors.push({ path: '/reason', message: t(who.lang, 'calendar.reasonRequired') });
  if (change.action === 'set') {
    const rest = [0, 6].includes(weekday(date));
    if (change.day.kind === 'workingDay' && !rest) errors.push({ path: '/date', message: t(who.lang, 'calendar.workingDayOnWeekday') });
    if (change.day.kind !== 'workingDay' && rest) errors.push({ path: '/date', message: t(who.lang, 'calendar.dayOffOnWeekend') });
  }
  if (errors.length) throw new AppError('validationFailed', errors);
  const year = Number(date.slice(0, 4));
  const actorId = who.actor.kind === 'officer' ? who.actor.accountId : null;
  const actorLabel = who.actor.kind === 'officer' ? who.actor.name : 'system';
  return db.transaction().execute(async (trx) => {
    const before = await listYearDays(trx, year);
    if (change.action === 'set') await upsertProvinceDay(trx, { ...change.day, name: change.day.name.trim(), changedBy: actorLabel, now: who.now });
    else if ((await deleteProvinceDay(trx, date)) === 0) throw new AppError('notFound');
    const after = await listYearDays(trx, year);
    const strip = (days: typeof before) => days.map((d) => ({ date: d.date, kind: d.kind, name: d.name }));
    await insertCalendarChange(trx, { year, changedBy: actorLabel, now: who.now, reason: change.reason.trim(), before: strip(before), after: strip(after) });
    await appendAuditEntry(trx, who.now, {
      actorId, actorLabel, ip: who.ip, userAgent: who.userAgent, action: change.action === 'set' ? 'calendar.day.set' : 'calendar.day.removed',
      targetType: 'calendarDay', targetId: date, before: before.find((d) => d.date === date) ?? null,
      after: change.action === 'set' ? { ...change.day, reason: change.reason } : { reason: change.reason },
    });
    return { dossiersRecomputed: await recomputeDueDates(trx, { changedDate: date, reason: t(who.lang, 'calendar.recomputeReason', { date: date.split('-').reverse().join('/'), reason: change.reason.trim() }), actor: who.actor, now: who.now }) };
  });
}
