import { t } from '../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { ProcedureSummary } from '../search-procedures.ts';

/** OTHER-04: the site map as a text tree; every procedure is two clicks from the home page through it (P-10). */
export function SiteMapPage({ ctx, items }: { ctx: PageContext; items: ProcedureSummary[] }) {
  const { lang } = ctx;
  const fields = new Map<string, { name: string; items: ProcedureSummary[] }>();
  for (const item of items) {
    const group = fields.get(item.field.code) ?? { name: item.field.name, items: [] };
    group.items.push(item);
    fields.set(item.field.code, group);
  }
  const sorted = [...fields].sort((a, b) => a[1].name.localeCompare(b[1].name, 'vi'));
  return (
    <Layout ctx={ctx} title={t(lang, 'siteMap.title')} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'siteMap.title') }]}>
      <h1>{t(lang, 'siteMap.title')}</h1>
      <h2>{t(lang, 'siteMap.pages')}</h2>
      <ul class="tree">
        <li><a href="/">{t(lang, 'nav.home')}</a></li>
        <li><a href="/thu-tuc">{t(lang, 'nav.procedures')}</a></li>
        <li><a href="/dich-vu-cong-truc-tuyen">{t(lang, 'nav.onlineServices')}</a></li>
        <li><a href="/co-quan">{t(lang, 'nav.agencies')}</a></li>
        <li><a href="/api/docs">{t(lang, 'nav.apiDocs')}</a></li>
      </ul>
      <h2>{t(lang, 'siteMap.byField')}</h2>
      <ul class="tree">
        {sorted.map(([code, group]) => (
          <li>
            <a href={`/thu-tuc?field=${encodeURIComponent(code)}`}>{group.name}</a>
            <ul>{group.items.map((i) => <li><a href={`/thu-tuc/${encodeURIComponent(i.code)}`}>{i.name}</a></li>)}</ul>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
