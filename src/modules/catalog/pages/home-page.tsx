import { t } from '../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { AgencyView } from '../list-agencies.ts';
import type { SearchResult } from '../search-procedures.ts';
import { SearchForm } from './search-form.tsx';

interface HomeProps {
  ctx: PageContext;
  catalog: SearchResult;
  agencies: AgencyView[];
}

/** The front door (OTHER-04, P-10): search first, then sectors and agencies, each one click from a procedure list. */
export function HomePage({ ctx, catalog, agencies }: HomeProps) {
  const { lang } = ctx;
  const counts = new Map(catalog.facets.agency.map((f) => [f.value, f.count]));
  const full = catalog.facets.onlineLevel.find((f) => f.value === 'full')?.count ?? 0;
  const provincial = agencies.filter((a) => a.kind !== 'commune' && counts.has(a.code));
  const communes = agencies.filter((a) => a.kind === 'commune');
  return (
    <Layout ctx={ctx} title={t(lang, 'home.title')} description={t(lang, 'home.lead')}>
      <section class="hero" aria-labelledby="search-heading">
        <h1 id="search-heading">{t(lang, 'home.searchHeading')}</h1>
        <p class="lead">{t(lang, 'home.lead')}</p>
        <SearchForm lang={lang} q="" />
        <p class="stats">{t(lang, 'home.stats', { procedures: catalog.total, full })} <a href="/dich-vu-cong-truc-tuyen">{t(lang, 'nav.onlineServices')}</a></p>
      </section>
      <div class="columns">
        <section aria-labelledby="by-field">
          <h2 id="by-field">{t(lang, 'home.byField')}</h2>
          <ul class="link-list">
            {[...catalog.facets.field].sort((a, b) => a.label.localeCompare(b.label, 'vi')).map((f) => (
              <li><a href={`/thu-tuc?field=${encodeURIComponent(f.value)}`}>{f.label}</a> <span class="count">({f.count})</span></li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="by-agency">
          <h2 id="by-agency">{t(lang, 'home.byAgency')}</h2>
          <ul class="link-list">
            {provincial.map((a) => (
              <li><a href={`/thu-tuc?agency=${encodeURIComponent(a.code)}`}>{(lang === 'en' && a.nameEn) || a.name}</a> <span class="count">({counts.get(a.code)})</span></li>
            ))}
            {communes.length ? <li><a href="/co-quan#communes">{t(lang, 'home.communes')}</a> <span class="count">({communes.length})</span></li> : null}
          </ul>
        </section>
      </div>
    </Layout>
  );
}
