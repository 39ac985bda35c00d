import { t, type MessageKey } from '../../../platform/i18n/messages.ts';
import { ErrorSummary, pointerErrors } from '../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { Pagination } from '../../../platform/views/pagination.tsx';
import type { FieldError } from '../../../platform/validation/validator.ts';
import type { DossierSearchResult } from '../search-dossiers.ts';
import type { ApplicantSnapshot } from '../tables.ts';
import { dateTimeText } from './format.ts';

export const searchPath = '/xu-ly/tra-cuu';
/** The query parameters of the search form, in the order they are shown. */
export const searchParams = ['ma', 'ten', 'so-giay-to', 'thu-tuc', 'trang-thai', 'don-vi', 'tu-ngay', 'den-ngay', 'sap-xep'] as const;
export type SearchParams = Partial<Record<(typeof searchParams)[number], string>>;

const statuses = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** The officers' dossier search (issue 4 §5; S-g, S-i): filters in a GET form, results as a sortable, paged table. */
export function OfficerSearchPage({ ctx, params, result, errors = [] }: { ctx: PageContext; params: SearchParams; result?: DossierSearchResult | undefined; errors?: FieldError[] }) {
  const { lang } = ctx;
  const m = (key: MessageKey, p?: Record<string, string | number>) => t(lang, key, p);
  const title = m('officerSearch.title');
  const link = (changes: SearchParams & { page?: number }) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries({ ...params, ...changes })) if (value !== undefined && value !== '') query.set(name, String(value));
    return `${searchPath}?${query}`;
  };
  const error = (name: string) => errors.find((e) => e.path === `/${name}`)?.message;
  const Text = ({ name, label, hint, type = 'text' }: { name: (typeof searchParams)[number]; label: MessageKey; hint?: MessageKey; type?: 'text' | 'date' }) => (
    <div class={`filter field${error(name) ? ' field-error' : ''}`}>
      <label for={name}>{m(label)}</label>
      {hint ? <p class="hint" id={`${name}-hint`}>{m(hint)}</p> : null}
      {error(name) ? <p class="error-message" id={`${name}-error`}>{error(name)}</p> : null}
      <input id={name} name={name} type={type as 'text'} maxLength={100} value={params[name] ?? ''}
        aria-describedby={[hint ? `${name}-hint` : '', error(name) ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined} aria-invalid={error(name) ? 'true' : undefined} />
    </div>
  );
  const sort = params['sap-xep'] === 'due' ? 'due' : 'received';
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/', label: m('nav.home') }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={pointerErrors(errors)} />
      <form method="get" action={searchPath} role="search">
        <fieldset class="filters">
          <legend>{m('officerSearch.filters')}</legend>
          <Text name="ma" label="officerSearch.code" hint="officerSearch.codeHint" />
          <Text name="ten" label="officerSearch.name" hint="officerSearch.nameHint" />
          <Text name="so-giay-to" label="officerSearch.idNumber" />
          <Text name="thu-tuc" label="officerSearch.procedure" hint="officerSearch.procedureHint" />
          <div class="filter field">
            <label for="trang-thai">{m('track.status')}</label>
            <select id="trang-thai" name="trang-thai">
              <option value="">{m('officerSearch.any')}</option>
              {statuses.map((s) => <option value={String(s)} selected={params['trang-thai'] === String(s)}>{m(`dossier.status.${s}` as MessageKey)}</option>)}
            </select>
          </div>
          <div class="filter field">
            <label for="don-vi">{m('officerSearch.unit')}</label>
            <select id="don-vi" name="don-vi">
              <option value="">{m('officerSearch.allUnits')}</option>
              {(result?.units ?? []).map((u) => <option value={String(u.id)} selected={params['don-vi'] === String(u.id)}>{u.name}</option>)}
            </select>
          </div>
          <Text name="tu-ngay" label="officerSearch.from" type="date" />
          <Text name="den-ngay" label="officerSearch.to" type="date" />
          <input type="hidden" name="sap-xep" value={sort} />
          <div class="filter-actions"><button type="submit">{m('officerSearch.search')}</button> <a href={searchPath}>{m('officerSearch.clear')}</a></div>
        </fieldset>
      </form>
      {result ? (
        <>
          <h2 id="results">{m('officerSearch.count', { count: result.total })}</h2>
          <p>{m('officerSearch.sortBy')} {sort === 'received' ? <strong>{m('officerSearch.sort.received')}</strong> : <a href={link({ 'sap-xep': 'received' })}>{m('officerSearch.sort.received')}</a>}
            {' · '}{sort === 'due' ? <strong>{m('officerSearch.sort.due')}</strong> : <a href={link({ 'sap-xep': 'due' })}>{m('officerSearch.sort.due')}</a>}</p>
          {result.items.length === 0 ? <p>{m('officerSearch.none')}</p> : (
            <div class="table-wrap" role="region" aria-labelledby="results" tabIndex={0}>
              <table>
                <thead><tr>
                  <th scope="col">{m('myDossiers.code')}</th><th scope="col">{m('myDossiers.procedure')}</th><th scope="col">{m('desk.applicant')}</th>
                  <th scope="col">{m('track.status')}</th>
                  <th scope="col" aria-sort={sort === 'received' ? 'descending' : undefined}>{m('officerSearch.receivedAt')}</th>
                  <th scope="col" aria-sort={sort === 'due' ? 'ascending' : undefined}>{m('myDossiers.dueAt')}</th>
                </tr></thead>
                <tbody>{result.items.map((d) => {
                  const applicant = d.applicant as ApplicantSnapshot;
                  return (
                    <tr>
                      <th scope="row"><a href={d.href}>{d.code ?? d.reference}</a></th>
                      <td>{d.procedure_name} <span class="small">{d.procedure_code}</span></td>
                      <td>{applicant.name} <span class="small">{applicant.personalId ?? applicant.taxCode ?? ''}</span></td>
                      <td>{m(`dossier.status.${d.status}` as MessageKey)}</td>
                      <td>{dateTimeText(lang, d.received_at)}</td>
                      <td>{dateTimeText(lang, d.due_at)}</td>
                    </tr>
                  );
                })}</tbody>
              </table>
            </div>
          )}
          <Pagination lang={lang} page={result.page} pageSize={result.pageSize} total={result.total} href={(page) => link({ page })} />
        </>
      ) : null}
    </Layout>
  );
}
