import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { addDays } from '../../platform/clock/local-time.ts';
import { findAgency } from '../catalog/procedure-versions.ts';
import { listUnitOfficers, type UnitOfficer } from '../identity/unit-officers.ts';
import { officerNames } from '../identity/officer-names.ts';
import { listUnitAbsences } from './absence-repository.ts';
import { localToday, unitsWithPermission } from './work-step.ts';

export type AbsenceState = 'running' | 'upcoming' | 'ended';

/**
 * What a unit leader sees to manage cover (issue 4 §2): the units they assign at with their officers (for the
 * form), and the absences there that run, are to come, or ended in the last 30 days.
 */
export async function listAbsences(db: Kysely<Database>, actor: Actor, now: Date) {
  authorize(actor, 'dossier.assign');
  const unitIds = unitsWithPermission(actor, 'dossier.assign');
  const today = localToday(now);
  const [officers, rows, agencies] = await Promise.all([
    listUnitOfficers(db, unitIds),
    listUnitAbsences(db, unitIds, addDays(today, -30)),
    Promise.all(unitIds.map((id) => findAgency(db, { id }))),
  ]);
  const names = await officerNames(db, rows.flatMap((r) => [r.officer_id, r.covering_officer_id]));
  const unitName = new Map(agencies.flatMap((a) => (a ? [[a.id, a.name] as const] : [])));
  const units: { id: number; name: string; officers: UnitOfficer[] }[] = unitIds
    .map((id) => ({ id, name: unitName.get(id) ?? String(id), officers: officers.get(id) ?? [] }))
    .filter((u) => u.officers.length > 0);
  const state = (r: (typeof rows)[number]): AbsenceState => (r.ended_at !== null || r.ends_on < today ? 'ended' : r.starts_on > today ? 'upcoming' : 'running');
  return {
    today, units,
    absences: rows.map((r) => ({
      id: r.id, unitName: unitName.get(r.agency_id) ?? '', officerName: names.get(r.officer_id) ?? '', coveringName: names.get(r.covering_officer_id) ?? '',
      startsOn: r.starts_on, endsOn: r.ends_on, reason: r.reason, state: state(r), endedAt: r.ended_at,
    })),
  };
}

export type AbsencesView = Awaited<ReturnType<typeof listAbsences>>;
