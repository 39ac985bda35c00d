import { t, type MessageKey } from '../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { dateTimeText } from '../../dossiers/pages/format.ts';
import type { MyResults } from '../my-results.ts';

/** The citizen's result store (issue 5 §1, P-16): every signed result issued to them, to download or check. */
export function MyResultsPage({ ctx, results }: { ctx: PageContext; results: MyResults }) {
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'results.store.title')} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'results.store.title') }]}>
      <h1 id="my-results">{t(lang, 'results.store.title')}</h1>
      <p>{t(lang, 'results.store.lead')}</p>
      {results.length === 0 ? <p>{t(lang, 'results.store.empty')}</p> : (
        <div class="table-wrap" role="region" aria-labelledby="my-results" tabIndex={0}>
          <table>
            <thead><tr>
              <th scope="col">{t(lang, 'results.col.title')}</th><th scope="col">{t(lang, 'results.col.number')}</th>
              <th scope="col">{t(lang, 'results.store.agency')}</th><th scope="col">{t(lang, 'results.store.dossier')}</th>
              <th scope="col">{t(lang, 'results.col.issuedAt')}</th><th scope="col">{t(lang, 'results.col.status')}</th><th scope="col">{t(lang, 'results.col.actions')}</th>
            </tr></thead>
            <tbody>{results.map((r) => (
              <tr class={r.status === 'valid' ? undefined : 'result-inactive'}>
                <td>{r.title}</td><td>{r.number}</td><td>{r.agencyName}</td><td>{r.dossierCode ?? ''}</td><td>{dateTimeText(lang, r.issued_at)}</td>
                <td><span class={`badge badge-${r.status}`}>{t(lang, `results.status.${r.status}` as MessageKey)}</span>{r.status_reason ? ` — ${r.status_reason}` : ''}</td>
                <td><a href={`/ket-qua-cua-toi/${r.id}/tai-ve`}>{t(lang, 'results.download')}</a> · <a href={`/xac-minh/${r.id}`}>{t(lang, 'results.verifyPage')}</a></td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
