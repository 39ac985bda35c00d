import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { CatalogAgency, CatalogField, Synonym } from './catalog-file-schema.ts';
import type { ProcedureDefinition } from './tables.ts';

// SQL for the catalogue's own tables only; the rules live in the use cases.
type Db = Kysely<Database> | Transaction<Database>;

export async function upsertAgency(db: Db, a: CatalogAgency): Promise<'created' | 'updated' | 'unchanged'> {
  const values = {
    code: a.code, name: a.name, name_en: a.nameEn ?? null, short_name: a.shortName, kind: a.kind,
    address: a.address, phone: a.phone, email: a.email, valid_from: a.validFrom, valid_to: a.validTo,
  };
  const existing = await db.selectFrom('agency').selectAll().where('code', '=', a.code).executeTakeFirst();
  if (!existing) {
    await db.insertInto('agency').values(values).execute();
    return 'created';
  }
  const same = existing.name === values.name && existing.name_en === values.name_en && existing.short_name === values.short_name
    && existing.kind === values.kind && existing.address === values.address && existing.phone === values.phone
    && existing.email === values.email && existing.valid_from === values.valid_from && existing.valid_to === values.valid_to;
  if (same) return 'unchanged';
  await db.updateTable('agency').set({ ...values, updated_at: sql<Date>`now()` }).where('id', '=', existing.id).execute();
  return 'updated';
}

export async function setAgencyParent(db: Db, code: string, parentCode: string | null): Promise<boolean> {
  const parentId = parentCode === null ? null : sql<number>`(SELECT id FROM agency WHERE code = ${parentCode})`;
  const result = await db.updateTable('agency').set({ parent_id: parentId })
    .where('code', '=', code).where(sql<boolean>`parent_id IS DISTINCT FROM ${parentId}`).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function upsertSector(db: Db, f: CatalogField): Promise<'created' | 'updated' | 'unchanged'> {
  const existing = await db.selectFrom('sector').selectAll().where('code', '=', f.code).executeTakeFirst();
  if (!existing) {
    await db.insertInto('sector').values({ code: f.code, name: f.name, name_en: f.nameEn ?? null }).execute();
    return 'created';
  }
  if (existing.name === f.name && existing.name_en === (f.nameEn ?? null)) return 'unchanged';
  await db.updateTable('sector').set({ name: f.name, name_en: f.nameEn ?? null, updated_at: sql<Date>`now()` }).where('id', '=', existing.id).execute();
  return 'updated';
}

export async function findOrCreateProcedure(db: Db, code: string): Promise<{ id: number; created: boolean }> {
  const existing = await db.selectFrom('procedure').select('id').where('code', '=', code).executeTakeFirst();
  if (existing) return { id: existing.id, created: false };
  const row = await db.insertInto('procedure').values({ code }).returning('id').executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

export async function findLatestVersion(db: Db, procedureId: number) {
  return db.selectFrom('procedure_version').select(['id', 'version', 'status', 'content_hash'])
    .where('procedure_id', '=', procedureId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function insertVersion(db: Db, v: { procedureId: number; version: number; status: 'draft' | 'published'; definition: ProcedureDefinition; hash: string; source: string; now: Date }): Promise<number> {
  const row = await db.insertInto('procedure_version').values({
    procedure_id: v.procedureId, version: v.version, status: v.status, definition: JSON.stringify(v.definition),
    content_hash: v.hash, source: v.source, created_at: v.now, published_at: v.status === 'published' ? v.now : null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function supersedePublishedVersions(db: Db, procedureId: number): Promise<void> {
  await db.updateTable('procedure_version').set({ status: 'superseded' })
    .where('procedure_id', '=', procedureId).where('status', '=', 'published').execute();
}

export async function writeProcedureProjection(db: Db, p: {
  procedureId: number; versionId: number; name: string; nameEn: string | null; sectorCode: string; level: string;
  onlineLevel: string; applicantTypes: string[]; agencyCodes: string[]; searchText: string;
}): Promise<void> {
  await db.updateTable('procedure').set({
    published_version_id: p.versionId, name: p.name, name_en: p.nameEn, level: p.level, online_level: p.onlineLevel,
    sector_id: sql<number>`(SELECT id FROM sector WHERE code = ${p.sectorCode})`,
    applicant_types: sql<string[]>`${p.applicantTypes}::text[]`,
    agency_ids: sql<number[]>`ARRAY(SELECT id FROM agency WHERE code = ANY(${p.agencyCodes}::text[]) ORDER BY id)`,
    search_text: p.searchText,
  }).where('id', '=', p.procedureId).execute();
}

export async function sectorName(db: Db, code: string): Promise<string> {
  const row = await db.selectFrom('sector').select('name').where('code', '=', code).executeTakeFirstOrThrow();
  return row.name;
}

export async function upsertSynonym(db: Db, s: Synonym): Promise<'created' | 'updated' | 'unchanged'> {
  const existing = await db.selectFrom('search_synonym').select(['id', 'expansions']).where('term', '=', s.term).executeTakeFirst();
  if (!existing) {
    await db.insertInto('search_synonym').values({ term: s.term, expansions: s.expansions }).execute();
    return 'created';
  }
  if (JSON.stringify(existing.expansions) === JSON.stringify(s.expansions)) return 'unchanged';
  await db.updateTable('search_synonym').set({ expansions: s.expansions }).where('id', '=', existing.id).execute();
  return 'updated';
}

export async function bumpCatalogRevision(db: Db, now: Date): Promise<void> {
  await db.updateTable('catalog_revision').set({ revision: sql<number>`revision + 1`, changed_at: now }).where('id', '=', 1).execute();
}

export async function readCatalogRevision(db: Db): Promise<number> {
  const row = await db.selectFrom('catalog_revision').select('revision').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.revision;
}

export async function listAgencyRows(db: Db) {
  return db.selectFrom('agency as a').leftJoin('agency as p', 'p.id', 'a.parent_id')
    .select(['a.id', 'a.code', 'a.name', 'a.name_en', 'a.short_name', 'a.kind', 'p.code as parent_code', 'a.address', 'a.phone', 'a.email', 'a.valid_from', 'a.valid_to'])
    .orderBy('a.id').execute();
}

export async function listSectorRows(db: Db) {
  return db.selectFrom('sector').select(['id', 'code', 'name', 'name_en']).orderBy('code').execute();
}

export async function listSynonymRows(db: Db) {
  return db.selectFrom('search_synonym').select(['term', 'term_folded', 'expansions']).orderBy('term').execute();
}

/** How close a typed word must be to a catalogue word to count as a typo of it (pg_trgm word similarity). */
const typoThreshold = 0.5;

/**
 * Published procedures matching any alternative query (already folded, letters and digits only), scored;
 * no alternatives = all. Candidates come from the trigram index (containment or a close word), so only they
 * are scored.
 */
export async function listPublishedProcedures(db: Kysely<Database>, alternatives: string[]) {
  const base = db.selectFrom('procedure as p')
    .innerJoin('sector as s', 's.id', 'p.sector_id')
    .select(['p.id', 'p.code', 'p.name', 'p.name_en', 'p.level', 'p.online_level', 'p.applicant_types', 'p.agency_ids',
      's.code as sector_code', 's.name as sector_name', 's.name_en as sector_name_en'])
    .where('p.published_version_id', 'is not', null);
  if (alternatives.length === 0) return base.select(sql<number>`0`.as('score')).execute();
  // The typed query itself: an exact or leading match of the name weighs most. Synonym variants count only by
  // containment, each later expansion a little less (their order in the data is the administrator's preference).
  // Fuzzy word similarity tolerates typos; whole-name similarity prefers "Đăng ký thường trú" over long names
  // that merely contain the phrase.
  const score = sql<number>`(SELECT max(
      CASE WHEN alt_index = 1 AND p.name_folded = alt THEN 8 WHEN alt_index = 1 AND p.name_folded LIKE alt || '%' THEN 6
           WHEN p.name_folded LIKE '%' || alt || '%' THEN 4 WHEN p.search_folded LIKE '%' || alt || '%' THEN 2 ELSE 0 END
      + 2 * word_similarity(alt, p.name_folded) + word_similarity(alt, p.search_folded) + similarity(alt, p.name_folded)
      - CASE WHEN alt_index > 1 THEN 0.5 + 0.25 * (alt_index - 2) ELSE 0 END)
    FROM unnest(${alternatives}::text[]) WITH ORDINALITY AS a(alt, alt_index))`;
  const candidates = base.select(score.as('score')).where((eb) => eb.or(alternatives.flatMap((alt) => [
    eb('p.search_folded', 'like', `%${alt}%`),
    sql<boolean>`${alt} <% p.search_folded`,
  ])));
  // SET LOCAL keeps the threshold to this statement's transaction, whatever pooled session runs it.
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(typoThreshold)}, true)`.execute(trx);
    // Equal scores: the shorter (more specific) name first, then the code, so paging is stable.
    return trx.selectFrom(candidates.as('scored')).selectAll()
      .orderBy('score', 'desc').orderBy(sql`length(name)`).orderBy('code').execute();
  });
}

export async function findPublishedVersion(db: Db, code: string) {
  return db.selectFrom('procedure as p').innerJoin('procedure_version as v', 'v.id', 'p.published_version_id')
    .select(['p.id as procedure_id', 'p.code', 'v.id as version_id', 'v.version', 'v.definition', 'v.published_at'])
    .where('p.code', '=', code).executeTakeFirst();
}

export async function listAllProcedureDefinitions(db: Db) {
  // The newest version of each procedure (published or draft) is what an export hands back.
  return db.selectFrom('procedure_version as v').innerJoin('procedure as p', 'p.id', 'v.procedure_id')
    .select(['p.code', 'v.definition', 'v.status'])
    .where(({ eb, selectFrom }) => eb('v.version', '=', selectFrom('procedure_version as w').select(({ fn }) => fn.max('w.version').as('m')).whereRef('w.procedure_id', '=', 'v.procedure_id')))
    .orderBy('p.code').execute();
}

export async function readPortalSettings(db: Db): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('portal_setting').select(['key', 'value']).execute();
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export async function writePortalSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db.insertInto('portal_setting').values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: sql<Date>`now()` })).execute();
}
