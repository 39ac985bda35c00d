import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { ApplicantSnapshot } from '../dossiers/tables.ts';
import { listDossiersForResults } from './repository.ts';

/**
 * The leader's list (issue 5 §1): dossiers of the units where they hold `dossier.approve` that are being processed
 * or resolved (4, 9) or returned (10, for revocation and replacement), with their count of valid results.
 */
export async function listResultDossiers(db: Kysely<Database>, actor: Actor) {
  if (actor.kind !== 'officer') throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const agencyIds = [...new Set(actor.grants.filter((g) => g.permission === 'dossier.approve').flatMap((g) => [...g.agencyIds]))];
  if (agencyIds.length === 0) throw new AppError('forbidden');
  const rows = await listDossiersForResults(db, agencyIds, [4, 9, 10]);
  return rows.map((r) => ({ ...r, applicant: r.applicant as ApplicantSnapshot, results: Number(r.results ?? 0) }));
}

export type ResultDossierList = Awaited<ReturnType<typeof listResultDossiers>>;
