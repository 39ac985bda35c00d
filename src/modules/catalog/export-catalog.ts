import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { CatalogFile, CatalogProcedure } from './catalog-file-schema.ts';
import { listAgencyRows, listAllProcedureDefinitions, listSectorRows, listSynonymRows } from './repository.ts';

/** `opendvc export catalog`: the whole catalogue in the import format, so export → import changes nothing. */
export async function exportCatalog(db: Kysely<Database>): Promise<CatalogFile> {
  const [agencies, sectors, procedures, synonyms] = await Promise.all([
    listAgencyRows(db), listSectorRows(db), listAllProcedureDefinitions(db), listSynonymRows(db),
  ]);
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  const depth = (code: string | null, seen = 0): number => (code === null || seen > 50 ? 0 : 1 + depth(byCode.get(code)?.parent_code ?? null, seen + 1));
  return {
    $schema: 'https://opendvc.vn/schemas/catalog-v1.json',
    formatVersion: 1,
    agencies: [...agencies].sort((a, b) => depth(a.parent_code) - depth(b.parent_code) || a.id - b.id).map((a) => ({
      code: a.code, name: a.name, ...(a.name_en === null ? {} : { nameEn: a.name_en }), shortName: a.short_name,
      kind: a.kind as CatalogFile['agencies'][number]['kind'], parentCode: a.parent_code, address: a.address, phone: a.phone,
      email: a.email, validFrom: a.valid_from, validTo: a.valid_to,
    })),
    fields: sectors.map((s) => ({ code: s.code, name: s.name, ...(s.name_en === null ? {} : { nameEn: s.name_en }) })),
    procedures: procedures.map((p): CatalogProcedure => (p.status === 'draft' ? { ...p.definition, draft: true } : p.definition)),
    synonyms: synonyms.map((s) => ({ term: s.term, expansions: s.expansions })),
  };
}
