import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';

// SQL for officer_absence only (migration 0016); the rules live in set-absence.ts, end-absence.ts and the queue.
type Db = Kysely<Database> | Transaction<Database>;

const columns = ['id', 'agency_id', 'officer_id', 'covering_officer_id', 'starts_on', 'ends_on', 'reason', 'set_by', 'set_at', 'ended_at'] as const;

export async function insertAbsence(trx: Transaction<Database>, a: {
  agencyId: number; officerId: string; coveringOfficerId: string; startsOn: string; endsOn: string; reason: string; setBy: string; now: Date;
}): Promise<number> {
  const row = await trx.insertInto('officer_absence').values({
    agency_id: a.agencyId, officer_id: a.officerId, covering_officer_id: a.coveringOfficerId, starts_on: a.startsOn, ends_on: a.endsOn,
    reason: a.reason, set_by: a.setBy, set_at: a.now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findAbsence(db: Db, id: number) {
  return db.selectFrom('officer_absence').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function markAbsenceEnded(trx: Transaction<Database>, id: number, by: string, now: Date): Promise<void> {
  await trx.updateTable('officer_absence').set({ ended_at: now, ended_by: by }).where('id', '=', id).execute();
}

/** Absences not ended early that share at least one day with [startsOn, endsOn], of any of these officers at a unit. */
export async function listOverlappingAbsences(db: Db, agencyId: number, officerIds: readonly string[], startsOn: string, endsOn: string) {
  return db.selectFrom('officer_absence').select(columns)
    .where('agency_id', '=', agencyId).where('officer_id', 'in', [...officerIds]).where('ended_at', 'is', null)
    .where('starts_on', '<=', endsOn).where('ends_on', '>=', startsOn).execute();
}

/** Absences running on a day (not ended early) at these units, or of these officers when no unit is given. */
export async function listRunningAbsences(db: Db, today: string, where: { agencyIds?: readonly number[]; officerIds?: readonly string[]; coveringOfficerId?: string }) {
  let query = db.selectFrom('officer_absence').select(columns)
    .where('ended_at', 'is', null).where('starts_on', '<=', today).where('ends_on', '>=', today);
  if (where.agencyIds) query = where.agencyIds.length ? query.where('agency_id', 'in', [...where.agencyIds]) : query.where((eb) => eb.val(false));
  if (where.officerIds) query = where.officerIds.length ? query.where('officer_id', 'in', [...where.officerIds]) : query.where((eb) => eb.val(false));
  if (where.coveringOfficerId) query = query.where('covering_officer_id', '=', where.coveringOfficerId);
  return query.orderBy('ends_on').execute();
}

/** The absences a unit's leader manages: running or to come, and those that ended in the last `since` days. */
export async function listUnitAbsences(db: Db, agencyIds: readonly number[], since: string) {
  if (agencyIds.length === 0) return [];
  return db.selectFrom('officer_absence').select(columns)
    .where('agency_id', 'in', [...agencyIds]).where('ends_on', '>=', since)
    .orderBy('starts_on', 'desc').orderBy('id', 'desc').limit(200).execute();
}
