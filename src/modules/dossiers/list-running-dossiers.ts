import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { getProcedureVersion } from '../catalog/procedure-versions.ts';
import { processOfDossier } from '../workflow/process/load-dossier-process.ts';
import type { StepRole } from '../workflow/process/process-definition.ts';
import { dossierStatus } from './status-machine.ts';

/**
 * Where a dossier whose clock runs stands, for the due-soon / overdue warnings (issue 4 §6, DL-08): its due date,
 * its current step with that step's due date, unit, role and assignee.
 */
export interface RunningDossier {
  id: string;
  reference: string;
  code: string | null;
  procedureName: string;
  receivingAgencyId: number;
  dueAt: Date | null;
  step: { code: string; name: string; role: StepRole; agencyId: number; assigneeId: string | null; dueAt: Date | null } | null;
}

/**
 * Dossiers being handled (received, 2, or in processing, 4) with a due date — their own or their step's — before
 * `until`. Paused dossiers (5 supplement, 6 payment, 7 withdrawal request) are left out: their step clock is stopped
 * and their due date moves when they resume; finished and refused ones have nothing left to be late for.
 */
export async function listRunningDossiers(db: Kysely<Database>, until: Date): Promise<RunningDossier[]> {
  const rows = await db.selectFrom('dossier')
    .select(['id', 'reference', 'code', 'procedure_version_id', 'receiving_agency_id', 'process_id', 'due_at', 'current_step', 'current_agency_id', 'assignee_id', 'step_due_at'])
    .where('status', 'in', [dossierStatus.received, dossierStatus.processing])
    .where((eb) => eb.or([eb('due_at', '<=', until), eb('step_due_at', '<=', until)]))
    .orderBy('due_at').execute();
  const versions = new Map<number, Awaited<ReturnType<typeof getProcedureVersion>>>();
  const result: RunningDossier[] = [];
  for (const row of rows) {
    let version = versions.get(row.procedure_version_id);
    if (!version) versions.set(row.procedure_version_id, version = await getProcedureVersion(db, row.procedure_version_id));
    const process = row.current_step ? await processOfDossier(db, row, version.definition) : undefined;
    const step = process?.definition.steps.find((s) => s.code === row.current_step);
    result.push({
      id: row.id, reference: row.reference, code: row.code, procedureName: version.definition.name, receivingAgencyId: row.receiving_agency_id,
      dueAt: row.due_at && new Date(row.due_at),
      step: step ? {
        code: step.code, name: step.name, role: step.role, agencyId: row.current_agency_id ?? row.receiving_agency_id, assigneeId: row.assignee_id,
        dueAt: row.step_due_at && new Date(row.step_due_at),
      } : null,
    });
  }
  return result;
}
