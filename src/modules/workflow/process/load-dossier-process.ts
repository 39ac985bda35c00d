import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import type { ProcedureDefinition } from '../../catalog/tables.ts';
import { defaultProcess } from './default-process.ts';
import type { ProcessDefinition } from './process-definition.ts';
import { findProcess, findPublishedProcess } from './repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A process with each step's unit resolved to the agency that does it for one dossier. */
export interface DossierProcess {
  processId: number | null;
  definition: ProcessDefinition;
  stepAgencyIds: Record<string, number>;
}

/**
 * The process a new dossier is filed under: the procedure's published process, or the default one when the
 * province has not configured it yet. The dossier pins the id, so later edits never move it.
 */
export async function processForNewDossier(db: Db, procedureId: number, definition: ProcedureDefinition, receivingAgencyId: number): Promise<DossierProcess> {
  const published = await findPublishedProcess(db, procedureId);
  return resolveUnits(db, published?.id ?? null, published?.definition ?? defaultProcess(definition.cases.map((c) => c.timeLimit)), receivingAgencyId);
}

/** The process a dossier pinned (or the default one, for a dossier filed before the procedure had a process). */
export async function processOfDossier(db: Db, dossier: { process_id: number | null; receiving_agency_id: number }, definition: ProcedureDefinition): Promise<DossierProcess> {
  const pinned = dossier.process_id === null ? undefined : await findProcess(db, dossier.process_id);
  return resolveUnits(db, pinned?.id ?? null, pinned?.definition ?? defaultProcess(definition.cases.map((c) => c.timeLimit)), dossier.receiving_agency_id);
}

async function resolveUnits(db: Db, processId: number | null, definition: ProcessDefinition, receivingAgencyId: number): Promise<DossierProcess> {
  const codes = [...new Set(definition.steps.flatMap((s) => (s.unit.kind === 'agency' ? [s.unit.agencyCode] : [])))];
  const agencies = codes.length ? await db.selectFrom('agency').select(['id', 'code']).where('code', 'in', codes).execute() : [];
  const byCode = new Map(agencies.map((a) => [a.code, a.id]));
  const stepAgencyIds = Object.fromEntries(definition.steps.map((s) => [s.code, s.unit.kind === 'agency' ? byCode.get(s.unit.agencyCode) ?? receivingAgencyId : receivingAgencyId]));
  return { processId, definition, stepAgencyIds };
}
