import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { toLocal } from '../../platform/clock/local-time.ts';
import { AppError } from '../../platform/http/app-error.ts';

/** CODE-01: `<receiving agency e-identifier>-YYMMDD-NNNN`, the reception date in Vietnam and the day's sequence. */
export function formatDossierCode(agencyCode: string, localDate: string, sequence: number): string {
  return `${agencyCode}-${localDate.slice(2, 4)}${localDate.slice(5, 7)}${localDate.slice(8, 10)}-${String(sequence).padStart(4, '0')}`;
}

/**
 * Takes the next number of the receiving agency's day inside the accepting transaction. The counter row is
 * updated in place, so concurrent receptions wait for each other's commit and a rolled-back reception gives
 * its number back: codes stay unique and gap-free whatever the number of app instances.
 */
export async function allocateDossierCode(trx: Transaction<Database>, agency: { id: number; code: string }, receivedAt: Date): Promise<string> {
  const { date } = toLocal(receivedAt);
  const { rows } = await sql<{ last: number }>`
    INSERT INTO dossier_code_counter (agency_id, day, last) VALUES (${agency.id}, ${date}, 1)
    ON CONFLICT (agency_id, day) DO UPDATE SET last = dossier_code_counter.last + 1
    RETURNING last`.execute(trx);
  const sequence = rows[0]!.last;
  if (sequence > 9999) throw new AppError('dossierCodesExhausted');
  return formatDossierCode(agency.code, date, sequence);
}
