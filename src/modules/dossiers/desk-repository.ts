import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';

// SQL for the desk's intake, the officers' search and the register (dossier tables only); the rules live in the use cases.
type Db = Kysely<Database> | Transaction<Database>;

/** A dossier the desk entered (desk or postal channel) under this form's idempotency key. */
export async function findCounterDossierByIdempotencyKey(db: Db, key: string) {
  return db.selectFrom('dossier').select(['id', 'reference', 'code', 'status', 'applicant_account_id'])
    .where('channel', '<>', 'online').where('idempotency_key', '=', key).executeTakeFirst();
}

/** Agencies by id, ordered by name, for a unit picker. */
export async function listUnits(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('agency').select(['id', 'code', 'name']).where('id', 'in', [...ids]).orderBy('id').execute();
}

export interface SearchFilters {
  units: readonly number[];
  unitId?: number | undefined;
  code?: string | undefined;
  name?: string | undefined;
  idNumber?: string | undefined;
  procedure?: { code: string; folded: string } | undefined;
  status?: number | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  sort: 'received' | 'due';
}

/** One page of the officers' search, always restricted to dossiers filed with, at the desk of or handled at `units`. */
export async function searchDossierRows(db: Db, f: SearchFilters, page: { limit: number; offset: number }) {
  const inUnits = (ids: readonly number[]) => (eb: ExpressionBuilder<Database & { d: Database['dossier'] }, 'd'>) =>
    eb.or([eb('d.receiving_agency_id', 'in', [...ids]), eb('d.desk_agency_id', 'in', [...ids]), eb('d.current_agency_id', 'in', [...ids])]);
  let query = db.selectFrom('dossier as d').innerJoin('procedure as p', 'p.id', 'd.procedure_id')
    .where(inUnits(f.units)).where('d.status', '<>', 0);
  if (f.unitId !== undefined) query = query.where(inUnits([f.unitId]));
  if (f.code) query = query.where((eb) => eb.or([eb('d.code', 'like', `${escapeLike(f.code!)}%`), eb('d.reference', 'like', `${escapeLike(f.code!)}%`)]));
  if (f.name) query = query.where(sql<boolean>`d.applicant_name_folded LIKE ${`%${f.name}%`}`);
  if (f.idNumber) query = query.where(sql<boolean>`(d.applicant ->> 'personalId' = ${f.idNumber} OR d.applicant ->> 'taxCode' = ${f.idNumber})`);
  if (f.procedure) query = query.where((eb) => eb.or([eb('p.code', 'like', `${escapeLike(f.procedure!.code)}%`), sql<boolean>`p.name_folded LIKE ${`%${f.procedure!.folded}%`}`]));
  if (f.status !== undefined) query = query.where('d.status', '=', f.status);
  if (f.from) query = query.where('d.received_at', '>=', f.from);
  if (f.to) query = query.where('d.received_at', '<', f.to);
  const ordered = f.sort === 'due'
    ? query.orderBy(sql`d.due_at ASC NULLS LAST`).orderBy('d.created_at', 'desc')
    : query.orderBy(sql`d.received_at DESC NULLS LAST`).orderBy('d.created_at', 'desc');
  const [rows, total] = await Promise.all([
    ordered.select(['d.id', 'd.reference', 'd.code', 'd.status', 'd.applicant', 'd.channel', 'd.received_at', 'd.due_at', 'd.desk_agency_id', 'p.code as procedure_code', 'p.name as procedure_name'])
      .limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Mẫu 06: the dossiers a unit received in a period (filed with it or received at its desk), oldest first. */
export async function listRegisterRows(db: Db, f: { unitId: number; from: Date; to: Date; channel?: 'online' | 'desk' | 'postal' | undefined; limit: number }) {
  let query = db.selectFrom('dossier as d').innerJoin('procedure as p', 'p.id', 'd.procedure_id')
    .leftJoin('agency as cur', 'cur.id', 'd.current_agency_id').innerJoin('agency as rec', 'rec.id', 'd.receiving_agency_id')
    .select(['d.id', 'd.code', 'd.reference', 'd.status', 'd.applicant', 'd.channel', 'd.received_at', 'd.due_at', 'd.returned_at', 'd.desk_agency_id', 'd.current_agency_id',
      'p.name as procedure_name', 'cur.name as current_unit', 'rec.name as receiving_unit'])
    .where((eb) => eb.or([eb('d.receiving_agency_id', '=', f.unitId), eb('d.desk_agency_id', '=', f.unitId)]))
    .where('d.received_at', '>=', f.from).where('d.received_at', '<', f.to);
  if (f.channel) query = query.where('d.channel', '=', f.channel);
  return query.orderBy('d.received_at').orderBy('d.code').limit(f.limit).execute();
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Display names of accounts (officers a dossier was assigned to), for the control sheet. */
export async function listAccountNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('account').select(['id', 'display_name']).where('id', 'in', [...ids]).execute();
}
