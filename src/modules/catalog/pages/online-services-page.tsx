import { t } from '../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { ProcedureSummary } from '../search-procedures.ts';

/** P-03: every online service with its level; partly online ones link to their stated legal reason. */
export function OnlineServicesPage({ ctx, items }: { ctx: PageContext; items: ProcedureSummary[] }) {
  const { lang } = ctx;
  const groups = (['full', 'partial'] as const).map((level) => ({ level, items: items.filter((i) => i.onlineLevel === level) }));
  return (
    <Layout ctx={ctx} title={t(lang, 'online.title')} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'online.title') }]}>
      <h1>{t(lang, 'online.title')}</h1>
      <p class="lead">{t(lang, 'online.lead')}</p>
      {groups.map((g) => (
        <section aria-labelledby={`level-${g.level}`}>
          <h2 id={`level-${g.level}`}>{t(lang, `online.${g.level}`, { count: g.items.length })}</h2>
          <ul class="link-list">
            {g.items.map((i) => (
              <li><a href={`/thu-tuc/${encodeURIComponent(i.code)}${g.level === 'partial' ? '#methods' : ''}`}>{i.name}</a> <span class="count">— {i.field.name}</span></li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
