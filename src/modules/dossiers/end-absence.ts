import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { appendAuditEntry } from '../../platform/audit/append-audit-entry.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { findAbsence, markAbsenceEnded } from './absence-repository.ts';
import { localToday } from './work-step.ts';

/**
 * A leader of the unit ends an absence early (the officer is back, or it was cancelled): from now on the covering
 * officer no longer sees or acts on the absent officer's dossiers. The row stays, stamped, for the record. Audited.
 */
export async function endAbsence(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: { absenceId: number }): Promise<void> {
  const absence = await findAbsence(db, input.absenceId);
  if (!absence) throw new AppError('notFound');
  authorize(actor, 'dossier.assign', { agencyId: absence.agency_id });
  if (actor.kind !== 'officer') throw new AppError('forbidden');
  if (absence.ended_at !== null || absence.ends_on < localToday(now)) throw new AppError('validationFailed', [{ path: '/absenceId', message: t(lang, 'work.absence.alreadyEnded') }]);
  await db.transaction().execute(async (trx) => {
    await markAbsenceEnded(trx, absence.id, actor.accountId, now);
    await appendAuditEntry(trx, now, { actorId: actor.accountId, actorLabel: actor.name, action: 'dossiers.absence.ended', targetType: 'officerAbsence', targetId: String(absence.id) });
  });
}
