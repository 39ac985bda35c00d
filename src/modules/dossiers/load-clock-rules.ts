import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { getProcedureVersion } from '../catalog/procedure-versions.ts';
import { loadWorkingCalendar } from '../workflow/calendar/load-working-calendar.ts';
import { processOfDossier } from '../workflow/process/load-dossier-process.ts';
import type { ClockRules } from './project-dossier.ts';

/**
 * The clock rules of a dossier: the time limit of its case in the version it pinned (the online limit when filed
 * online and the procedure sets one, DL-02), the receiving agency's working calendar and the process it pinned.
 */
export async function loadClockRules(db: Kysely<Database> | Transaction<Database>, dossier: { procedure_version_id: number; case_code: string; channel: string; receiving_agency_id: number; process_id: number | null }): Promise<ClockRules> {
  const [{ definition }, calendar] = await Promise.all([getProcedureVersion(db, dossier.procedure_version_id), loadWorkingCalendar(db, dossier.receiving_agency_id)]);
  const procedureCase = definition.cases.find((c) => c.code === dossier.case_code) ?? definition.cases[0]!;
  const limit = dossier.channel === 'online' && procedureCase.onlineTimeLimit ? procedureCase.onlineTimeLimit : procedureCase.timeLimit;
  return { calendar, limit, process: await processOfDossier(db, dossier, definition) };
}
