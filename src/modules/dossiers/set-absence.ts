import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { appendAuditEntry } from '../../platform/audit/append-audit-entry.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import type { FieldError } from '../../platform/validation/validator.ts';
import { listUnitOfficers } from '../identity/unit-officers.ts';
import { insertAbsence, listOverlappingAbsences } from './absence-repository.ts';
import { localToday } from './work-step.ts';

export interface AbsenceInput {
  agencyId: number;
  officerId: string;
  coveringOfficerId: string;
  startsOn: string;
  endsOn: string;
  reason: string;
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/**
 * A unit leader records that an officer is away from one date to another and who covers (issue 4 §2 "cover for an
 * absent colleague"): both must work at the unit, the absence may not lie wholly in the past nor overlap another
 * of the same officer there, and the colleague who covers may not be away at the same time. Audited.
 */
export async function setAbsence(db: Kysely<Database>, actor: Actor, now: Date, lang: Lang, input: AbsenceInput): Promise<number> {
  authorize(actor, 'dossier.assign', { agencyId: input.agencyId });
  if (actor.kind !== 'officer') throw new AppError('forbidden');
  const errors: FieldError[] = [];
  const officers = (await listUnitOfficers(db, [input.agencyId])).get(input.agencyId) ?? [];
  const atUnit = (id: string) => officers.some((o) => o.accountId === id);
  if (!atUnit(input.officerId)) errors.push({ path: '/officerId', message: t(lang, 'work.absence.notAtUnit') });
  if (!atUnit(input.coveringOfficerId)) errors.push({ path: '/coveringOfficerId', message: t(lang, 'work.absence.notAtUnit') });
  else if (input.coveringOfficerId === input.officerId) errors.push({ path: '/coveringOfficerId', message: t(lang, 'work.absence.coverSelf') });
  const datesValid = isDate(input.startsOn) && isDate(input.endsOn);
  if (!isDate(input.startsOn)) errors.push({ path: '/startsOn', message: t(lang, 'work.absence.badDate') });
  if (!isDate(input.endsOn)) errors.push({ path: '/endsOn', message: t(lang, 'work.absence.badDate') });
  else if (datesValid && input.endsOn < input.startsOn) errors.push({ path: '/endsOn', message: t(lang, 'work.absence.endBeforeStart') });
  else if (input.endsOn < localToday(now)) errors.push({ path: '/endsOn', message: t(lang, 'work.absence.inPast') });
  const reason = input.reason.trim();
  if (!reason) errors.push({ path: '/reason', message: t(lang, 'dossier.reasonRequired') });
  if (errors.length) throw new AppError('validationFailed', errors);

  return db.transaction().execute(async (trx) => {
    const overlapping = await listOverlappingAbsences(trx, input.agencyId, [input.officerId, input.coveringOfficerId], input.startsOn, input.endsOn);
    if (overlapping.some((a) => a.officer_id === input.officerId)) throw new AppError('validationFailed', [{ path: '/startsOn', message: t(lang, 'work.absence.overlap') }]);
    if (overlapping.some((a) => a.officer_id === input.coveringOfficerId)) throw new AppError('validationFailed', [{ path: '/coveringOfficerId', message: t(lang, 'work.absence.coverAway') }]);
    const id = await insertAbsence(trx, { ...input, reason, setBy: actor.accountId, now });
    await appendAuditEntry(trx, now, {
      actorId: actor.accountId, actorLabel: actor.name, action: 'dossiers.absence.set', targetType: 'officerAbsence', targetId: String(id),
      after: { agencyId: input.agencyId, officerId: input.officerId, coveringOfficerId: input.coveringOfficerId, startsOn: input.startsOn, endsOn: input.endsOn, reason },
    });
    return id;
  });
}
