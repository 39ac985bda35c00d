import type { Kysely } from 'kysely';
import type { Actor } from '../../../platform/context.ts';
import type { Database } from '../../../platform/db/tables.ts';
import { authorize } from '../../../platform/auth/authorize.ts';
import { cleanQuery, foldVietnamese } from '../../../platform/text/fold.ts';
import { listProcedureProcessRows } from './repository.ts';

export const processListPageSize = 20;

export interface ProcessListQuery { q?: string | undefined; page: number }

/**
 * The procedures whose process the administrator keeps, with where each stands: the default process, a draft, or a
 * published version (issue 4 §2). Searched by code or name with accents ignored, a page at a time.
 */
export async function listProcedureProcesses(db: Kysely<Database>, actor: Actor, query: ProcessListQuery) {
  authorize(actor, 'process.manage');
  const folded = query.q ? foldVietnamese(cleanQuery(query.q)) : undefined;
  const { total, rows } = await listProcedureProcessRows(db, { folded: folded || undefined, limit: processListPageSize, offset: (query.page - 1) * processListPageSize });
  return {
    total, page: query.page,
    rows: rows.map((r) => ({ code: r.code, name: r.name ?? r.code, nameEn: r.name_en, level: r.level, publishedVersion: r.published_version ?? null, draftVersion: r.draft_version ?? null })),
  };
}

export type ProcessList = Awaited<ReturnType<typeof listProcedureProcesses>>;
