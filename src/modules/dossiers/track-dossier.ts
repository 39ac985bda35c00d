import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { findAgency, getProcedureVersion } from '../catalog/procedure-versions.ts';
import { findDossierByCode } from './repository.ts';

export interface DossierTracking {
  code: string;
  procedure: { code: string; name: string };
  status: number;
  receivingAgency: string;
  receivedAt: string | null;
  dueAt: string | null;
  resolvedAt: string | null;
  returnedAt: string | null;
}

/**
 * Public lookup by dossier code without signing in (P-17, TT01 Art. 16.2(d)): only the code, the procedure, the
 * status, the agency and the dates — never the applicant's name, number, address or files.
 */
export async function trackDossier(db: Kysely<Database>, code: string): Promise<DossierTracking> {
  const dossier = await findDossierByCode(db, code.trim());
  if (!dossier) throw new AppError('dossierNotFound');
  const [{ code: procedureCode, definition }, agency] = await Promise.all([
    getProcedureVersion(db, dossier.procedure_version_id), findAgency(db, { id: dossier.receiving_agency_id }),
  ]);
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    code: dossier.code!, procedure: { code: procedureCode, name: definition.name }, status: dossier.status,
    receivingAgency: agency?.name ?? '', receivedAt: iso(dossier.received_at), dueAt: iso(dossier.due_at),
    resolvedAt: iso(dossier.resolved_at), returnedAt: iso(dossier.returned_at),
  };
}
