import { t } from '../../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import { Pagination } from '../../../../platform/views/pagination.tsx';
import { assignmentPageSize, type listRoleAssignments } from '../list-role-assignments.ts';
import { adminCrumbs, AdminNav, localName, when } from './admin-parts.tsx';

/** Every role assignment in the administrator's units: who, where, what, since when; searchable and paged. */
export function AssignmentsPage({ ctx, q, page, result }: { ctx: PageContext; q: string; page: number; result: Awaited<ReturnType<typeof listRoleAssignments>> }) {
  const { lang } = ctx;
  const href = (p: number) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (p > 1) params.set('page', String(p));
    return `/quan-tri/phan-quyen${params.size ? `?${params}` : ''}`;
  };
  return (
    <Layout ctx={ctx} title={t(lang, 'admin.assignments.title')} crumbs={adminCrumbs(ctx, t(lang, 'admin.assignments.title'))}>
      <h1>{t(lang, 'admin.assignments.title')}</h1>
      <AdminNav lang={lang} current="/quan-tri/phan-quyen" />
      <form method="get" action="/quan-tri/phan-quyen" role="search" class="search-form">
        <label for="q">{t(lang, 'admin.assignments.search')}</label>
        <div class="search-row">
          <input type="search" id="q" name="q" value={q} maxLength={200} />
          <button type="submit">{t(lang, 'admin.search')}</button>
        </div>
      </form>
      <h2 id="results">{t(lang, 'admin.assignments.count', { count: result.total })}</h2>
      {result.rows.length ? (
        <div class="table-wrap" role="region" aria-labelledby="results" tabIndex={0}>
          <table>
            <thead><tr>
              <th scope="col">{t(lang, 'admin.field.officer')}</th><th scope="col">{t(lang, 'admin.field.unit')}</th>
              <th scope="col">{t(lang, 'admin.field.role')}</th><th scope="col">{t(lang, 'admin.field.grantedAt')}</th>
            </tr></thead>
            <tbody>{result.rows.map((r) => (
              <tr>
                <th scope="row"><a href={`/quan-tri/can-bo/${r.account_id}`}>{r.display_name}</a></th>
                <td>{localName(lang, r.agency_name, r.agency_name_en)}</td>
                <td>{localName(lang, r.role_name, r.role_name_en)}</td>
                <td>{when(lang, r.granted_at)}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      ) : null}
      <Pagination lang={lang} page={page} pageSize={assignmentPageSize} total={result.total} href={href} />
    </Layout>
  );
}
