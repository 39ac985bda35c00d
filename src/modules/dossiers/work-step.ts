import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { toLocal } from '../../platform/clock/local-time.ts';
import { getProcedureVersion } from '../catalog/procedure-versions.ts';
import { findStep, type ProcessStep, type StepRole } from '../workflow/process/process-definition.ts';
import { processOfDossier } from '../workflow/process/load-dossier-process.ts';
import { listRunningAbsences } from './absence-repository.ts';
import { transitions, type DossierStatusCode } from './status-machine.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The permission that lets an officer work a step of each role (migration 0003): whoever holds it over the step's
 * unit may be given or take a step of that role there (issue 4 §2).
 */
export const stepRolePermission: Record<StepRole, string> = {
  reception: 'dossier.receive', specialist: 'dossier.process', leader: 'dossier.approve', clerk: 'dossier.register',
};

/** Whether a dossier in this status may be given to someone (ST-M1: `assigned` is allowed from it). */
export function isAssignableStatus(status: number): boolean {
  return transitions[status as DossierStatusCode]?.assigned !== undefined;
}

/** Today's date where the dossiers are handled (absences are in local dates). */
export function localToday(now: Date): string {
  return toLocal(now).date;
}

/** The units where the actor holds a permission (each grant covers its unit's subtree). */
export function unitsWithPermission(actor: Actor, permission: string): number[] {
  if (actor.kind !== 'officer' || !actor.mfaVerified) return [];
  return [...new Set(actor.grants.filter((g) => g.permission === permission).flatMap((g) => [...g.agencyIds]))];
}

/**
 * Each dossier's current step as its pinned process defines it (DL-08), loading each process once: the queue asks
 * for many dossiers that share a handful of processes.
 */
export function createStepResolver(db: Db) {
  const cache = new Map<string, Promise<{ steps: readonly ProcessStep[]; procedureName: string; procedureCode: string }>>();
  const load = (dossier: { procedure_version_id: number; process_id: number | null; receiving_agency_id: number }) => {
    const key = `${dossier.procedure_version_id}:${dossier.process_id ?? ''}`;
    let entry = cache.get(key);
    if (!entry) {
      entry = (async () => {
        const version = await getProcedureVersion(db, dossier.procedure_version_id);
        const process = await processOfDossier(db, dossier, version.definition);
        return { steps: process.definition.steps, procedureName: version.definition.name, procedureCode: version.code };
      })();
      cache.set(key, entry);
    }
    return entry;
  };
  return {
    async step(dossier: { procedure_version_id: number; process_id: number | null; receiving_agency_id: number; current_step: string | null }): Promise<ProcessStep | undefined> {
      return findStep({ steps: [...(await load(dossier)).steps] }, dossier.current_step);
    },
    async procedure(dossier: { procedure_version_id: number; process_id: number | null; receiving_agency_id: number }) {
      const loaded = await load(dossier);
      return { name: loaded.procedureName, code: loaded.procedureCode };
    },
  };
}

/**
 * Whether the actor holds the dossier now: it is assigned to them, or to an officer they cover under an absence
 * running today at the dossier's current unit (issue 4 §2 "cover for an absent colleague"). The holder acts on the
 * dossier's step; the processing page asks this before it offers the step's actions.
 */
export async function holdsDossier(db: Db, actor: Actor, dossier: { assignee_id: string | null; current_agency_id: number | null }, now: Date): Promise<{ holds: boolean; coveringFor?: string }> {
  if (actor.kind !== 'officer' || !actor.mfaVerified || dossier.assignee_id === null) return { holds: false };
  if (dossier.assignee_id === actor.accountId) return { holds: true };
  if (dossier.current_agency_id === null) return { holds: false };
  const cover = await listRunningAbsences(db, localToday(now), { agencyIds: [dossier.current_agency_id], officerIds: [dossier.assignee_id], coveringOfficerId: actor.accountId });
  return cover.length ? { holds: true, coveringFor: dossier.assignee_id } : { holds: false };
}
