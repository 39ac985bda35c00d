import { t, type MessageKey } from '../../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import { Pagination } from '../../../../platform/views/pagination.tsx';
import { adminCrumbs, AdminNav, localName } from '../../../identity/admin/pages/admin-parts.tsx';
import { processListPageSize, type ProcessList, type ProcessListQuery } from '../list-procedure-processes.ts';

/** The procedures and where each one's internal process stands (issue 4 §2): a GET search form, a table, page links. */
export function ProcessListPage({ ctx, query, list }: { ctx: PageContext; query: ProcessListQuery; list: ProcessList }) {
  const { lang } = ctx;
  const title = t(lang, 'process.list.title');
  const href = (page: number) => {
    const p = new URLSearchParams();
    if (query.q) p.set('q', query.q);
    if (page > 1) p.set('page', String(page));
    return `/quan-tri/quy-trinh${p.size ? `?${p}` : ''}`;
  };
  return (
    <Layout ctx={ctx} title={title} crumbs={adminCrumbs(ctx, title)}>
      <h1>{title}</h1>
      <AdminNav lang={lang} current="/quan-tri/quy-trinh" />
      <p>{t(lang, 'process.list.lead')}</p>
      <form method="get" action="/quan-tri/quy-trinh" role="search" class="stack-form">
        <div class="field">
          <label for="q">{t(lang, 'process.list.search')}</label>
          <p class="hint" id="q-hint">{t(lang, 'process.list.searchHint')}</p>
          <input type="search" id="q" name="q" value={query.q ?? ''} maxLength={200} aria-describedby="q-hint" />
        </div>
        <div><button type="submit">{t(lang, 'process.list.searchButton')}</button></div>
      </form>
      <h2 id="results">{t(lang, 'process.list.count', { count: list.total })}</h2>
      {list.rows.length ? (
        <div class="table-wrap" role="region" aria-labelledby="results" tabIndex={0}>
          <table>
            <thead><tr>
              <th scope="col">{t(lang, 'process.list.code')}</th><th scope="col">{t(lang, 'process.list.name')}</th>
              <th scope="col">{t(lang, 'process.list.level')}</th><th scope="col">{t(lang, 'process.list.status')}</th>
            </tr></thead>
            <tbody>{list.rows.map((r) => (
              <tr>
                <td>{r.code}</td>
                <th scope="row"><a href={`/quan-tri/quy-trinh/${encodeURIComponent(r.code)}`}>{localName(lang, r.name, r.nameEn)}</a></th>
                <td>{r.level ? t(lang, `level.${r.level}` as MessageKey) : ''}</td>
                <td>
                  {r.publishedVersion === null ? t(lang, 'process.status.default') : t(lang, 'process.status.published', { version: r.publishedVersion })}
                  {r.draftVersion === null ? null : <><br />{t(lang, 'process.status.draft', { version: r.draftVersion })}</>}
                </td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      ) : <p>{t(lang, 'process.list.none')}</p>}
      <Pagination lang={lang} page={query.page} pageSize={processListPageSize} total={list.total} href={href} />
    </Layout>
  );
}
