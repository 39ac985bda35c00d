import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { addTimeLimit } from '../../platform/clock/due-date.ts';
import type { WorkingCalendar } from '../../platform/clock/working-calendar.ts';
import { defaultSite } from '../../platform/views/site.ts';
import { listRunningDossiers, type RunningDossier } from '../dossiers/list-running-dossiers.ts';
import { findNotificationContact, listOfficersWithRoleAt, type NotificationContact } from '../identity/notification-contacts.ts';
import { loadWorkingCalendar } from '../workflow/calendar/load-working-calendar.ts';
import { dateTimeText } from './format.ts';
import { enqueueNotificationEmail } from './notification-email.ts';
import { insertNotification, recordWarning } from './repository.ts';
import type { WarningLevel, WarningScope } from './tables.ts';

/** Where an officer opens a dossier from a warning. */
export const officerDossierPath = (dossierId: string) => `/xu-ly/ho-so/${dossierId}`;

/** No calendar gap (Tết included) is longer than this: dossiers due later cannot be due within one working day. */
const horizonDays = 20;

export interface Warning {
  dossierId: string;
  scope: WarningScope;
  level: WarningLevel;
  dueAt: Date;
  recipients: string[];
}

/** The level of a due date at `now`: passed (overdue), within the next working day (due soon), or neither. */
export function warningLevel(calendar: WorkingCalendar, now: Date, dueAt: Date): WarningLevel | null {
  if (dueAt.getTime() <= now.getTime()) return 'overdue';
  return dueAt.getTime() <= addTimeLimit(calendar, now, { value: 1, unit: 'workingDays' }).getTime() ? 'dueSoon' : null;
}

/**
 * The warnings job (issue 4 §6, DL-08), every 15 minutes and on demand with a given `now`: for each dossier whose
 * clock runs, its due date and its current step's due date are checked against the receiving agency's working
 * calendar. A due date within the next working day is "due soon", a passed one "overdue". Each (dossier, due
 * date, level) is warned once (dossier_warning): an extension, a recomputation or the next step brings a new due
 * date and so a new warning. The officer holding the step (the assignee, or the unit's officers with the step's
 * role while nobody is assigned) and the unit's leaders get it in-app and, if they chose e-mail, by e-mail.
 */
export async function warnDueDossiers(db: Kysely<Database>, now: Date): Promise<Warning[]> {
  const dossiers = await listRunningDossiers(db, new Date(now.getTime() + horizonDays * 86_400_000));
  const calendars = new Map<number, WorkingCalendar>();
  const calendarOf = async (agencyId: number) => {
    let calendar = calendars.get(agencyId);
    if (!calendar) calendars.set(agencyId, calendar = await loadWorkingCalendar(db, agencyId));
    return calendar;
  };
  const given: Warning[] = [];
  for (const dossier of dossiers) {
    const calendar = await calendarOf(dossier.receivingAgencyId);
    const checks: { scope: WarningScope; dueAt: Date | null }[] = [{ scope: 'dossier', dueAt: dossier.dueAt }, { scope: 'step', dueAt: dossier.step?.dueAt ?? null }];
    for (const { scope, dueAt } of checks) {
      const level = dueAt && warningLevel(calendar, now, dueAt);
      if (!dueAt || !level) continue;
      const recipients = await db.transaction().execute(async (trx) => {
        if (!await recordWarning(trx, { dossierId: dossier.id, scope, level, dueAt, now })) return undefined;
        return notifyOfficers(trx, dossier, { scope, level, dueAt, now });
      });
      if (recipients) given.push({ dossierId: dossier.id, scope, level, dueAt, recipients });
    }
  }
  return given;
}

async function notifyOfficers(trx: Transaction<Database>, dossier: RunningDossier, w: { scope: WarningScope; level: WarningLevel; dueAt: Date; now: Date }): Promise<string[]> {
  const agencyId = dossier.step?.agencyId ?? dossier.receivingAgencyId;
  const assignee = dossier.step?.assigneeId ? await findNotificationContact(trx, dossier.step.assigneeId) : undefined;
  const holders: NotificationContact[] = assignee ? [assignee] : dossier.step ? await listOfficersWithRoleAt(trx, agencyId, [dossier.step.role]) : [];
  const leaders = await listOfficersWithRoleAt(trx, agencyId, ['leader']);
  const recipients = [...new Map([...holders, ...leaders].map((c) => [c.accountId, c])).values()];
  const message = warningMessage(dossier, w);
  const link = officerDossierPath(dossier.id);
  const key = `warning:${dossier.id}:${w.scope}:${w.level}:${w.dueAt.toISOString()}`;
  for (const officer of recipients) {
    await insertNotification(trx, {
      accountId: officer.accountId, kind: `warning.${w.level}`, dossierId: dossier.id, dossierLabel: dossier.code ?? dossier.reference,
      title: message.title, body: message.body, link, dedupKey: `${key}:${officer.accountId}`, now: w.now,
    });
    if (officer.email && officer.channels.includes('email')) {
      await enqueueNotificationEmail(trx, {
        to: officer.email, subject: message.title, linkPath: link, idempotencyKey: `${key}:${officer.accountId}:email`, now: w.now,
        text: [`Kính gửi ${officer.name},`, '', message.body, '', 'Xem hồ sơ: {link}', '', '--', `Thư này được gửi tự động từ ${defaultSite.portalName}.`, ''].join('\n'),
      });
    }
  }
  return recipients.map((r) => r.accountId);
}

/** The warning in Vietnamese (officers work in Vietnamese; issue 5 makes the templates editable). */
export function warningMessage(dossier: RunningDossier, w: { scope: WarningScope; level: WarningLevel; dueAt: Date }): { title: string; body: string } {
  const label = dossier.code ?? dossier.reference;
  const due = dateTimeText('vi', w.dueAt);
  const step = dossier.step?.name ?? '';
  const title = w.scope === 'dossier'
    ? (w.level === 'overdue' ? `Hồ sơ ${label} đã quá hạn trả kết quả` : `Hồ sơ ${label} sắp đến hạn trả kết quả`)
    : (w.level === 'overdue' ? `Hồ sơ ${label} đã quá thời hạn xử lý bước "${step}"` : `Hồ sơ ${label} sắp hết thời hạn xử lý bước "${step}"`);
  const lines = [
    w.level === 'overdue' ? 'Hồ sơ đã quá hạn; đề nghị xử lý ngay và thực hiện xin lỗi, hẹn lại nếu cần.' : 'Hạn còn dưới một ngày làm việc; đề nghị ưu tiên xử lý.',
    `Thủ tục: ${dossier.procedureName}`,
    `Mã hồ sơ: ${label}`,
    w.scope === 'dossier' ? `Hạn trả kết quả: ${due}` : `Hạn xử lý bước "${step}": ${due}`,
  ];
  return { title, body: lines.join('\n') };
}
