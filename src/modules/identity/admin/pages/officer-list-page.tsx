import { t, type MessageKey } from '../../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import { Pagination } from '../../../../platform/views/pagination.tsx';
import { officerPageSize, type OfficerList, type OfficerQuery } from '../list-officers.ts';
import { adminCrumbs, AdminNav, localName } from './admin-parts.tsx';

const statuses = ['pending', 'active', 'disabled'] as const;

/** The officers an administrator manages, with search, filters and paging as a plain GET form and links. */
export function OfficerListPage({ ctx, query, list, roles }: { ctx: PageContext; query: OfficerQuery; list: OfficerList; roles: { code: string; name: string; name_en: string }[] }) {
  const { lang } = ctx;
  const href = (page: number) => {
    const p = new URLSearchParams();
    for (const name of ['q', 'unit', 'role', 'status'] as const) if (query[name]) p.set(name, String(query[name]));
    if (page > 1) p.set('page', String(page));
    return `/quan-tri/can-bo${p.size ? `?${p}` : ''}`;
  };
  return (
    <Layout ctx={ctx} title={t(lang, 'admin.officers.title')} crumbs={adminCrumbs(ctx, t(lang, 'admin.officers.title'))}>
      <h1>{t(lang, 'admin.officers.title')}</h1>
      <AdminNav lang={lang} current="/quan-tri/can-bo" />
      <p><a class="button-link" href="/quan-tri/can-bo/moi">{t(lang, 'admin.officers.new')}</a></p>
      <form method="get" action="/quan-tri/can-bo" role="search" class="stack-form">
        <div class="field">
          <label for="q">{t(lang, 'admin.officers.search')}</label>
          <p class="hint" id="q-hint">{t(lang, 'admin.officers.searchHint')}</p>
          <input type="search" id="q" name="q" value={query.q ?? ''} maxLength={200} aria-describedby="q-hint" />
        </div>
        <fieldset class="filters">
          <legend>{t(lang, 'admin.filter')}</legend>
          <div class="filter">
            <label for="f-unit">{t(lang, 'admin.field.unit')}</label>
            <select id="f-unit" name="unit">
              <option value="">{t(lang, 'admin.any')}</option>
              {list.units.map((u) => <option value={u.code} selected={query.unit === u.code}>{localName(lang, u.name, u.nameEn)}</option>)}
            </select>
          </div>
          <div class="filter">
            <label for="f-role">{t(lang, 'admin.field.role')}</label>
            <select id="f-role" name="role">
              <option value="">{t(lang, 'admin.any')}</option>
              {roles.map((r) => <option value={r.code} selected={query.role === r.code}>{localName(lang, r.name, r.name_en)}</option>)}
            </select>
          </div>
          <div class="filter">
            <label for="f-status">{t(lang, 'admin.field.status')}</label>
            <select id="f-status" name="status">
              <option value="">{t(lang, 'admin.any')}</option>
              {statuses.map((s) => <option value={s} selected={query.status === s}>{t(lang, `admin.status.${s}` as MessageKey)}</option>)}
            </select>
          </div>
          <div class="filter-actions"><button type="submit">{t(lang, 'admin.search')}</button></div>
        </fieldset>
      </form>
      <h2 id="results">{t(lang, 'admin.officers.count', { count: list.total })}</h2>
      {list.rows.length ? (
        <div class="table-wrap" role="region" aria-labelledby="results" tabIndex={0}>
          <table class="officer-list">
            <thead><tr>
              <th scope="col">{t(lang, 'admin.field.name')}</th><th scope="col">{t(lang, 'admin.field.email')}</th>
              <th scope="col">{t(lang, 'admin.detail.roles')}</th><th scope="col">{t(lang, 'admin.field.status')}</th>
            </tr></thead>
            <tbody>{list.rows.map((o) => (
              <tr>
                <th scope="row"><a href={`/quan-tri/can-bo/${o.id}`}>{o.display_name}</a></th>
                <td>{o.email ?? ''}</td>
                <td><ul class="plain">{o.roles.map((r) => <li>{localName(lang, r.role_name, r.role_name_en)} — {localName(lang, r.agency_name, r.agency_name_en)}</li>)}</ul></td>
                <td>{t(lang, `admin.status.${o.status}` as MessageKey)}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      ) : <p>{t(lang, 'admin.officers.none')}</p>}
      <Pagination lang={lang} page={query.page} pageSize={officerPageSize} total={list.total} href={href} />
    </Layout>
  );
}
