import { t, type MessageKey } from '../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { dateTimeText } from '../../dossiers/pages/format.ts';
import type { ResultDossierList } from '../list-result-dossiers.ts';

/** The leader's entry to results (issue 5 §1): the dossiers whose result can be signed, revoked or replaced. */
export function ResultDossiersPage({ ctx, dossiers }: { ctx: PageContext; dossiers: ResultDossierList }) {
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'results.list.title')} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'results.list.title') }]}>
      <h1 id="result-dossiers">{t(lang, 'results.list.title')}</h1>
      {dossiers.length === 0 ? <p>{t(lang, 'results.list.empty')}</p> : (
        <div class="table-wrap" role="region" aria-labelledby="result-dossiers" tabIndex={0}>
          <table>
            <thead><tr>
              <th scope="col">{t(lang, 'results.store.dossier')}</th><th scope="col">{t(lang, 'results.sign.applicant')}</th>
              <th scope="col">{t(lang, 'results.sign.status')}</th><th scope="col">{t(lang, 'results.list.due')}</th><th scope="col">{t(lang, 'results.list.count')}</th>
            </tr></thead>
            <tbody>{dossiers.map((d) => (
              <tr>
                <td><a href={`/ket-qua/ho-so/${d.id}`}>{d.code ?? d.reference}</a></td><td>{d.applicant.name}</td>
                <td>{t(lang, `dossier.status.${d.status}` as MessageKey)}</td><td>{dateTimeText(lang, d.due_at)}</td><td>{d.results}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
