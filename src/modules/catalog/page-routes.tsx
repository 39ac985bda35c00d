import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { RevisionCache } from '../../platform/cache/revision-cache.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { PageContext } from '../../platform/views/layout.tsx';
import { renderPage, sendPage } from '../../platform/views/render.ts';
import { SearchQuerystring } from './api-schemas.ts';
import { getProcedure } from './get-procedure.ts';
import { listAllAgencies, listCurrentAgencies, isoDay } from './list-agencies.ts';
import { readSiteInfo } from './read-site-info.ts';
import { renderBlankFormPdf } from './render-blank-form.ts';
import { searchProcedures } from './search-procedures.ts';
import { AgenciesPage } from './pages/agencies-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { OnlineServicesPage } from './pages/online-services-page.tsx';
import { ProcedurePage } from './pages/procedure-page.tsx';
import { SearchPage } from './pages/search-page.tsx';
import { SiteMapPage } from './pages/site-map-page.tsx';

export interface CatalogPageDeps {
  context: () => UseCaseContext;
  cache: RevisionCache;
  publicUrl: string;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const everything = { pageSize: 100 } as const;

/** The portal's public pages over the catalogue; all server-rendered and usable without JavaScript. */
export function registerCatalogPages(app: FastifyInstance, deps: CatalogPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();
  const { pageContext } = deps;
  const allPublished = async (ctx: UseCaseContext, lang: PageContext['lang']) => {
    const first = await searchProcedures(ctx, deps.cache, { lang, ...everything });
    const rest = await Promise.all(Array.from({ length: Math.ceil(first.total / 100) - 1 }, (_, i) => searchProcedures(ctx, deps.cache, { lang, ...everything, page: i + 2 })));
    return [first, ...rest].flatMap((r) => r.items);
  };

  // The busiest page: rendered once per catalogue revision, language, day (agencies are effective-dated) and URL.
  pages.get('/', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const ctx = deps.context();
    const page = await pageContext(request, reply);
    const render = async () => {
      const [catalog, agencies] = await Promise.all([searchProcedures(ctx, deps.cache, { lang: page.lang, pageSize: 1 }), listCurrentAgencies(ctx, deps.cache)]);
      return renderPage(<HomePage ctx={page} catalog={catalog} agencies={agencies} />);
    };
    // Only the anonymous page is shared; a signed-in header is the person's own.
    const html = page.user ? await render() : await deps.cache.get(`page:home:${page.lang}:${isoDay(ctx.now)}:${request.url}`, render);
    return reply.type('text/html; charset=utf-8').send(html);
  });

  pages.get('/thu-tuc', { schema: { hide: true, querystring: SearchQuerystring }, config: { access: 'public' } }, async (request, reply) => {
    const page = await pageContext(request, reply);
    const query = { ...request.query, lang: page.lang };
    const result = await searchProcedures(deps.context(), deps.cache, query);
    return sendPage(reply, <SearchPage ctx={page} query={query} result={result} />);
  });

  pages.get('/thu-tuc/:code', { schema: { hide: true, params: Type.Object({ code: Type.String({ maxLength: 60 }) }) }, config: { access: 'public' } }, async (request, reply) => {
    const page = await pageContext(request, reply);
    const detail = await getProcedure(deps.context(), deps.cache, request.params.code);
    return sendPage(reply, <ProcedurePage ctx={page} detail={detail} canonical={`${deps.publicUrl}/thu-tuc/${encodeURIComponent(detail.code)}`} />);
  });

  pages.get('/thu-tuc/:code/mau/:file', {
    schema: { hide: true, params: Type.Object({ code: Type.String({ maxLength: 60 }), file: Type.String({ pattern: '^[A-Za-z0-9_-]{1,30}\\.pdf$' }) }) },
    config: { access: 'public' },
  }, async (request, reply) => {
    const ctx = deps.context();
    const detail = await getProcedure(ctx, deps.cache, request.params.code);
    const componentCode = request.params.file.replace(/\.pdf$/, '');
    const component = detail.definition.components.find((c) => c.code === componentCode);
    if (!component?.form) throw new AppError('notFound');
    const site = await readSiteInfo(ctx, deps.cache);
    const pdf = await deps.cache.get(`form:${detail.versionId}:${component.code}`, () => renderBlankFormPdf({
      ...component.form!, procedureName: detail.definition.name, procedureCode: detail.code, componentName: component.name,
      agencyName: site.ownerName, sourceUrl: `${deps.publicUrl}/thu-tuc/${encodeURIComponent(detail.code)}`,
    }));
    const fileName = `${detail.code}-${component.code}.pdf`;
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'public, max-age=300').send(pdf);
  });

  pages.get('/dich-vu-cong-truc-tuyen', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const page = await pageContext(request, reply);
    return sendPage(reply, <OnlineServicesPage ctx={page} items={await allPublished(deps.context(), page.lang)} />);
  });

  pages.get('/co-quan', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const ctx = deps.context();
    const page = await pageContext(request, reply);
    const [catalog, current, all] = await Promise.all([
      searchProcedures(ctx, deps.cache, { lang: page.lang, pageSize: 1 }), listCurrentAgencies(ctx, deps.cache), listAllAgencies(ctx, deps.cache),
    ]);
    const today = isoDay(ctx.now);
    const former = all.filter((a) => a.validTo !== null && a.validTo < today);
    const counts = new Map(catalog.facets.agency.map((f) => [f.value, f.count]));
    return sendPage(reply, <AgenciesPage ctx={page} current={current} former={former} counts={counts} />);
  });

  pages.get('/so-do-trang', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const page = await pageContext(request, reply);
    return sendPage(reply, <SiteMapPage ctx={page} items={await allPublished(deps.context(), page.lang)} />);
  });

  pages.get('/sitemap.xml', { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) => {
    const items = await allPublished(deps.context(), 'vi');
    const urls = ['/', '/thu-tuc', '/dich-vu-cong-truc-tuyen', '/co-quan', '/so-do-trang', ...items.map((i) => `/thu-tuc/${encodeURIComponent(i.code)}`)];
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `  <url><loc>${escapeXml(deps.publicUrl + u)}</loc></url>`).join('\n')}\n</urlset>\n`;
    return reply.type('application/xml; charset=utf-8').send(xml);
  });

  pages.get('/robots.txt', { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').send(`User-agent: *\nAllow: /\nDisallow: /api/\nSitemap: ${deps.publicUrl}/sitemap.xml\n`));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
