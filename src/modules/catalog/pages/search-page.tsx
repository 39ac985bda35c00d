import { t } from '../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { Pagination } from '../../../platform/views/pagination.tsx';
import type { SearchQuery, SearchResult } from '../search-procedures.ts';
import { label } from './labels.ts';
import { SearchForm } from './search-form.tsx';

interface SearchPageProps {
  ctx: PageContext;
  query: SearchQuery;
  result: SearchResult;
}

/** Results with facets (agency, sector, online level, applicant type) and paging, all as plain GET links and forms. */
export function SearchPage({ ctx, query, result }: SearchPageProps) {
  const { lang } = ctx;
  const heading = result.query ? t(lang, 'search.resultsFor', { total: result.total, q: result.query }) : t(lang, 'search.resultsAll', { total: result.total });
  const params = (page: number) => {
    const p = new URLSearchParams();
    if (result.query) p.set('q', result.query);
    for (const name of ['field', 'agency', 'onlineLevel', 'applicant'] as const) if (query[name]) p.set(name, String(query[name]));
    if (page > 1) p.set('page', String(page));
    return `/thu-tuc${p.size ? `?${p}` : ''}`;
  };
  return (
    <Layout ctx={ctx} title={t(lang, 'search.title')} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'nav.procedures') }]}>
      <h1>{t(lang, 'search.title')}</h1>
      <SearchForm lang={lang} q={result.query}>
        <fieldset class="filters">
          <legend>{t(lang, 'search.filters')}</legend>
          {(['field', 'agency', 'onlineLevel', 'applicant'] as const).map((name) => (
            <div class="filter">
              <label for={`f-${name}`}>{t(lang, `facet.${name}`)}</label>
              <select id={`f-${name}`} name={name}>
                <option value="">{t(lang, 'search.any')}</option>
                {result.facets[name].map((f) => (
                  <option value={f.value} selected={query[name] === f.value}>{`${f.label} (${f.count})`}</option>
                ))}
              </select>
            </div>
          ))}
          <div class="filter-actions">
            <button type="submit">{t(lang, 'search.apply')}</button>
            <a href={result.query ? `/thu-tuc?q=${encodeURIComponent(result.query)}` : '/thu-tuc'}>{t(lang, 'search.clear')}</a>
          </div>
        </fieldset>
      </SearchForm>
      <h2 id="results" aria-live="polite">{heading}</h2>
      {result.items.length === 0 ? <p>{t(lang, 'search.none')}</p> : (
        <ol class="results" start={(result.page - 1) * result.pageSize + 1}>
          {result.items.map((item) => (
            <li class="result">
              <a class="result-title" href={`/thu-tuc/${encodeURIComponent(item.code)}`}>{item.name}</a>
              <p class="meta">
                <span>{t(lang, 'procedure.code')}: {item.code}</span>
                <span>{item.field.name}</span>
                <span>{label(lang, 'level', item.level)}</span>
                <span class={`badge badge-${item.onlineLevel}`}>{label(lang, 'onlineLevel', item.onlineLevel)}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination lang={lang} page={result.page} pageSize={result.pageSize} total={result.total} href={params} />
    </Layout>
  );
}
