import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import type { Database } from '../../platform/db/tables.ts';
import { isAllowed } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { cleanQuery, foldVietnamese } from '../../platform/text/fold.ts';
import { listUnits, searchDossierRows } from './desk-repository.ts';

export interface DossierSearch {
  /** Dossier code or reference, whole or its beginning. */
  code?: string | undefined;
  /** Applicant's name, any case, with or without diacritics. */
  name?: string | undefined;
  /** CCCD or tax code, exactly. */
  idNumber?: string | undefined;
  /** Procedure code (beginning) or name (any part, without diacritics). */
  procedure?: string | undefined;
  status?: number | undefined;
  /** One of the officer's units: the dossier was filed with it, is at its desk or is being handled there. */
  unitId?: number | undefined;
  /** Received from / to, local dates in Vietnam (YYYY-MM-DD), both included. */
  from?: string | undefined;
  to?: string | undefined;
  sort?: 'received' | 'due' | undefined;
  page?: number | undefined;
}

/** The units whose dossiers the officer may read: every unit under a `dossier.read` grant. */
export function readableUnitIds(actor: Actor): number[] {
  return actor.kind === 'officer' && actor.mfaVerified
    ? [...new Set(actor.grants.filter((g) => g.permission === 'dossier.read').flatMap((g) => [...g.agencyIds]))] : [];
}

const pageSize = 20;

/**
 * The officers' dossier search (issue 4 §5; S-g "find by code", S-i): by code or reference, applicant name
 * (diacritics- and case-insensitive), identification number, procedure, status, unit and received period — only
 * ever among dossiers of units the officer may read (filed with, at the desk of, or being handled at one of them),
 * so another unit's dossiers never appear. Each row links to the desk's page for desk officers, else to processing.
 */
export async function searchDossiers(db: Kysely<Database>, actor: Actor, input: DossierSearch) {
  const units = readableUnitIds(actor);
  if (units.length === 0) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const unitId = input.unitId !== undefined && units.includes(input.unitId) ? input.unitId : undefined;
  const page = Math.max(1, input.page ?? 1);
  const text = (value: string | undefined) => cleanQuery(value ?? '', 100);
  const filters = {
    units, unitId,
    code: text(input.code).toUpperCase() || undefined,
    name: foldVietnamese(text(input.name)).replace(/[%_\\]/g, ' ').trim() || undefined,
    idNumber: text(input.idNumber).replace(/[\s.]/g, '') || undefined,
    procedure: text(input.procedure) ? { code: text(input.procedure), folded: foldVietnamese(text(input.procedure)).replace(/[%_\\]/g, ' ').trim() } : undefined,
    status: input.status,
    from: input.from ? new Date(`${input.from}T00:00:00+07:00`) : undefined,
    // The whole last day counts: strictly before the next local midnight.
    to: input.to ? new Date(new Date(`${input.to}T00:00:00+07:00`).getTime() + 86_400_000) : undefined,
    sort: input.sort ?? 'received',
  };
  const [{ rows, total }, unitList] = await Promise.all([searchDossierRows(db, filters, { limit: pageSize, offset: (page - 1) * pageSize }), listUnits(db, units)]);
  return {
    page, pageSize, total, units: unitList, unitId,
    items: rows.map((r) => ({
      ...r,
      href: isAllowed(actor, 'dossier.receive', { agencyId: r.desk_agency_id }) ? `/mot-cua/ho-so/${r.id}` : `/xu-ly/ho-so/${r.id}`,
    })),
  };
}

export type DossierSearchResult = Awaited<ReturnType<typeof searchDossiers>>;

/** The search page before any result can be shown (a refused filter): the officer's units, nothing found. */
export async function emptyDossierSearch(db: Kysely<Database>, actor: Actor): Promise<DossierSearchResult> {
  const units = readableUnitIds(actor);
  if (units.length === 0) throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  return { page: 1, pageSize, total: 0, units: await listUnits(db, units), unitId: undefined, items: [] };
}
