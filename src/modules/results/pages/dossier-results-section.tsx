import { t, type Lang, type MessageKey } from '../../../platform/i18n/messages.ts';
import { dateTimeText } from '../../dossiers/pages/format.ts';
import type { DossierResultSummary } from '../dossier-result-summary.ts';

/** The "Result" section of the officer dossier pages (issue 5 §1): the results issued, and the leader's way to sign. */
export function DossierResultsSection({ lang, summary }: { lang: Lang; summary: DossierResultSummary }) {
  if (summary.results.length === 0 && !summary.signLink) return null;
  return (
    <section aria-labelledby="dossier-results">
      <h2 id="dossier-results">{t(lang, 'results.dossier.heading')}</h2>
      {summary.results.length ? (
        <ul class="dossier-results">{summary.results.map((r) => (
          <li>
            {t(lang, 'results.col.number')} <strong>{r.number}</strong> — {r.title}, {dateTimeText(lang, r.issuedAt)} — <span class="status">{t(lang, `results.status.${r.status}` as MessageKey)}</span>
            {' '}· <a href={`/xac-minh/${r.id}`}>{t(lang, 'results.verifyPage')} <span class="visually-hidden">{r.number}</span></a>
          </li>
        ))}</ul>
      ) : <p>{t(lang, 'results.dossier.none')}</p>}
      {summary.signLink ? (
        <p><a class="button" href={summary.signLink}>{summary.signable && summary.results.every((r) => r.status !== 'valid') ? t(lang, 'results.dossier.signLink') : t(lang, 'results.dossier.manageLink')}</a></p>
      ) : null}
    </section>
  );
}
