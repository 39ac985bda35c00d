import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RevisionCache } from '../../platform/cache/revision-cache.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { requestLang } from '../../platform/http/request-lang.ts';
import { sendCachedJson } from '../../platform/http/cached-json.ts';
import { Agency, Problem, ProcedureParams, SearchQuerystring, SearchResponse } from './api-schemas.ts';
import { CatalogProcedure } from './catalog-file-schema.ts';
import { getProcedure } from './get-procedure.ts';
import { isoDay, listCurrentAgencies } from './list-agencies.ts';
import { searchProcedures } from './search-procedures.ts';

export interface CatalogRouteDeps {
  context: () => UseCaseContext;
  cache: RevisionCache;
}

/** The catalogue's JSON API under /api/v1 (thin: parse, call the use case, reply). */
export function registerCatalogApi(app: FastifyInstance, deps: CatalogRouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/api/v1/procedures', {
    schema: {
      operationId: 'searchProcedures', tags: ['catalog'], summary: 'Tìm kiếm thủ tục hành chính (P-10)',
      description: 'Full-text search over published procedures, ignoring diacritics and case, tolerant of typos, with synonyms ("hộ khẩu"), facets and paging.',
      querystring: SearchQuerystring, response: { 200: SearchResponse, 400: Problem },
    },
    config: { access: 'public' },
  }, async (request, reply) => {
    const ctx = deps.context();
    const lang = requestLang(request);
    reply.header('cache-control', 'public, max-age=30');
    return sendCachedJson(reply, deps.cache, `search:${lang}:${isoDay(ctx.now)}:${request.url}`, () => searchProcedures(ctx, deps.cache, { ...request.query, lang }));
  });

  api.get('/api/v1/procedures/:code', {
    schema: {
      operationId: 'getProcedure', tags: ['catalog'], summary: 'Chi tiết thủ tục hành chính (P-02)',
      description: 'The published version of a procedure with every published part, its sector and executing agencies.',
      params: ProcedureParams,
      response: {
        200: Type.Object({
          code: Type.String(), version: Type.Integer(), publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
          field: Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.Union([Type.String(), Type.Null()]) }),
          agencies: Type.Array(Agency), definition: CatalogProcedure,
        }),
        404: Problem,
      },
    },
    config: { access: 'public' },
  }, async (request, reply) => {
    const detail = await getProcedure(deps.context(), deps.cache, request.params.code);
    reply.header('cache-control', 'public, max-age=30');
    return { ...detail, publishedAt: detail.publishedAt ? new Date(detail.publishedAt).toISOString() : null };
  });

  api.get('/api/v1/agencies', {
    schema: {
      operationId: 'listAgencies', tags: ['catalog'], summary: 'Danh sách cơ quan đang hoạt động',
      description: 'Agencies in force today, as a tree in reading order (parents first).',
      response: { 200: Type.Object({ items: Type.Array(Agency) }) },
    },
    config: { access: 'public' },
  }, async () => ({ items: await listCurrentAgencies(deps.context(), deps.cache) }));
}
