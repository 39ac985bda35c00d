import type { RevisionCache } from '../../platform/cache/revision-cache.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { t, type Lang, type MessageKey } from '../../platform/i18n/messages.ts';
import { cleanQuery, foldVietnamese, vietnameseCollator } from '../../platform/text/fold.ts';
import { isoDay, listCurrentAgencies } from './list-agencies.ts';
import { listPublishedProcedures, listSynonymRows } from './repository.ts';

export interface SearchQuery {
  q?: string | undefined;
  agency?: string | undefined;
  field?: string | undefined;
  onlineLevel?: 'full' | 'partial' | undefined;
  applicant?: 'citizen' | 'business' | 'organisation' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
  lang: Lang;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  field: { code: string; name: string };
  level: string;
  onlineLevel: 'full' | 'partial';
  applicantTypes: string[];
}

export interface FacetValue { value: string; label: string; count: number }
export interface SearchResult {
  items: ProcedureSummary[];
  total: number;
  page: number;
  pageSize: number;
  query: string;
  facets: { agency: FacetValue[]; field: FacetValue[]; onlineLevel: FacetValue[]; applicant: FacetValue[] };
}

type Row = Awaited<ReturnType<typeof listPublishedProcedures>>[number];
type Facet = keyof SearchResult['facets'];

/**
 * Catalogue search (P-10): diacritic- and case-insensitive, typo-tolerant (trigram word similarity),
 * synonyms from catalogue data ("hộ khẩu" → "thường trú"…), ranked by relevance, with facets whose counts
 * honour the other facets' filters. Matching runs in SQL and is cached per catalogue revision.
 */
export async function searchProcedures(ctx: UseCaseContext, cache: RevisionCache, query: SearchQuery): Promise<SearchResult> {
  const q = cleanQuery(query.q ?? '');
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100);
  const page = Math.max(query.page ?? 1, 1);
  // The answer depends only on these, the catalogue revision and the day (agencies are effective-dated).
  const key = JSON.stringify([foldVietnamese(q), query.agency, query.field, query.onlineLevel, query.applicant, page, pageSize, query.lang, isoDay(ctx.now)]);
  return cache.get(`result:${key}`, () => search(ctx, cache, { ...query, q, page, pageSize }));
}

async function search(ctx: UseCaseContext, cache: RevisionCache, query: SearchQuery & { q: string; page: number; pageSize: number }): Promise<SearchResult> {
  const { q, page, pageSize } = query;
  const alternatives = q ? await expandQuery(ctx, cache, q) : [];
  // Something typed that holds no letter or digit matches nothing (rather than everything).
  const rows = q && alternatives.length === 0 ? [] : await cache.get(`search:${alternatives.join('|')}`, () => listPublishedProcedures(ctx.db, alternatives));
  const agencies = await listCurrentAgencies(ctx, cache);
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const agencyId = query.agency ? agencies.find((a) => a.code === query.agency)?.id ?? -1 : undefined;

  const tests: Record<Facet, (r: Row) => boolean> = {
    agency: (r) => agencyId === undefined || r.agency_ids.includes(agencyId),
    field: (r) => !query.field || r.sector_code === query.field,
    onlineLevel: (r) => !query.onlineLevel || r.online_level === query.onlineLevel,
    applicant: (r) => !query.applicant || r.applicant_types.includes(query.applicant),
  };
  const facetNames = Object.keys(tests) as Facet[];
  const matchesAllBut = (r: Row, skip?: Facet) => facetNames.every((f) => f === skip || tests[f](r));
  const matching = rows.filter((r) => matchesAllBut(r));
  if (!q) matching.sort((a, b) => vietnameseCollator.compare(a.name ?? '', b.name ?? ''));

  const en = query.lang === 'en';
  const count = (facet: Facet, keysOf: (r: Row) => Array<string | number>, label: (key: string) => string): FacetValue[] => {
    const counts = new Map<string, number>();
    for (const r of rows) if (matchesAllBut(r, facet)) for (const k of keysOf(r)) counts.set(String(k), (counts.get(String(k)) ?? 0) + 1);
    return [...counts].map(([value, n]) => ({ value, label: label(value), count: n }))
      .sort((a, b) => b.count - a.count || vietnameseCollator.compare(a.label, b.label));
  };
  const sectorNames = new Map(rows.map((r) => [r.sector_code, (en && r.sector_name_en) || r.sector_name]));

  return {
    query: q,
    total: matching.length,
    page,
    pageSize,
    items: matching.slice((page - 1) * pageSize, page * pageSize).map((r) => ({
      code: r.code,
      name: (en && r.name_en) || r.name || r.code,
      field: { code: r.sector_code, name: (en && r.sector_name_en) || r.sector_name },
      level: r.level ?? '',
      onlineLevel: r.online_level === 'partial' ? 'partial' : 'full',
      applicantTypes: r.applicant_types,
    })),
    facets: {
      agency: count('agency', (r) => r.agency_ids.filter((id) => agencyById.has(id)), (id) => {
        const a = agencyById.get(Number(id));
        return (en && a?.nameEn) || a?.name || id;
      }).map((f) => ({ ...f, value: agencyById.get(Number(f.value))?.code ?? f.value })),
      field: count('field', (r) => [r.sector_code], (code) => sectorNames.get(code) ?? code),
      onlineLevel: count('onlineLevel', (r) => [r.online_level ?? 'full'], (v) => t(query.lang, `onlineLevel.${v}` as MessageKey)),
      applicant: count('applicant', (r) => r.applicant_types, (v) => t(query.lang, `applicant.${v}` as MessageKey)),
    },
  };
}

/** The query itself first, then one variant per synonym it contains, each folded like the indexed text. */
async function expandQuery(ctx: UseCaseContext, cache: RevisionCache, q: string): Promise<string[]> {
  // Letters and digits are all a procedure name needs; dropping the rest also keeps LIKE wildcards out.
  const folded = foldVietnamese(q).replace(/[^\p{L}\p{N}.\s-]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (!folded) return [];
  const synonyms = await cache.get('synonyms', () => listSynonymRows(ctx.db));
  const variants = [folded];
  for (const s of synonyms) {
    const at = ` ${folded} `.indexOf(` ${s.term_folded} `);
    if (at < 0) continue;
    for (const expansion of s.expansions) {
      const variant = folded.replace(s.term_folded, foldVietnamese(expansion)).trim();
      if (!variants.includes(variant)) variants.push(variant);
    }
  }
  return variants;
}
