import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** How many open dossiers one officer's work queue reads at most (a unit's whole open workload). */
export const workQueueReadLimit = 5000;

/**
 * Dossiers somewhere in their process (a current step, i.e. not finished) at these units, or held by these
 * officers wherever they are: the raw material of an officer's work queue (issue 4 §5).
 */
export async function listWorkRows(db: Db, where: { agencyIds: readonly number[]; assigneeIds: readonly string[] }) {
  if (where.agencyIds.length === 0 && where.assigneeIds.length === 0) return [];
  return db.selectFrom('dossier')
    .select(['id', 'reference', 'code', 'status', 'applicant', 'procedure_version_id', 'process_id', 'receiving_agency_id', 'current_step',
      'current_agency_id', 'assignee_id', 'submitted_at', 'received_at', 'step_started_at', 'step_due_at', 'due_at', 'created_at'])
    .where('current_step', 'is not', null)
    .where((eb) => eb.or([
      ...(where.agencyIds.length ? [eb('current_agency_id', 'in', [...where.agencyIds])] : []),
      ...(where.assigneeIds.length ? [eb('assignee_id', 'in', [...where.assigneeIds])] : []),
    ]))
    .orderBy('created_at').limit(workQueueReadLimit).execute();
}
