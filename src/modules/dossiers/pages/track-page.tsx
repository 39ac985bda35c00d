import { t, type MessageKey } from '../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { DossierTracking } from '../track-dossier.ts';
import { dateTimeText } from './format.ts';

/** Public lookup by dossier code (P-17): a GET form, so it works without JavaScript and can be bookmarked. */
export function TrackPage({ ctx, code, result, notFound }: { ctx: PageContext; code: string; result?: DossierTracking; notFound?: boolean }) {
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'track.title')} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'track.title') }]}>
      <h1>{t(lang, 'track.title')}</h1>
      <p>{t(lang, 'track.lead')}</p>
      <form method="get" action="/tra-cuu-ho-so" class="stack-form" role="search">
        <div class={`field${notFound ? ' field-error' : ''}`}>
          <label for="ma">{t(lang, 'track.code')}</label>
          <p class="hint" id="ma-hint">{t(lang, 'track.codeHint')}</p>
          {notFound ? <p class="error-message" id="ma-error">{t(lang, 'track.notFound')}</p> : null}
          <input id="ma" name="ma" type="text" value={code} maxLength={60} autocomplete="off" spellcheck={false}
            aria-describedby={`ma-hint${notFound ? ' ma-error' : ''}`} aria-invalid={notFound ? 'true' : undefined} />
        </div>
        <button type="submit">{t(lang, 'track.submit')}</button>
      </form>
      {result ? (
        <section aria-labelledby="result-title">
          <h2 id="result-title">{result.code}</h2>
          <dl class="summary">
            <dt>{t(lang, 'track.procedure')}</dt><dd><a href={`/thu-tuc/${encodeURIComponent(result.procedure.code)}`}>{result.procedure.name}</a></dd>
            <dt>{t(lang, 'track.status')}</dt><dd class="status">{t(lang, `dossier.status.${result.status}` as MessageKey)}</dd>
            <dt>{t(lang, 'track.agency')}</dt><dd>{result.receivingAgency}</dd>
            {result.receivedAt ? <><dt>{t(lang, 'track.receivedAt')}</dt><dd>{dateTimeText(lang, result.receivedAt)}</dd></> : null}
            {result.dueAt ? <><dt>{t(lang, 'track.dueAt')}</dt><dd>{dateTimeText(lang, result.dueAt)}</dd></> : null}
            {result.returnedAt ? <><dt>{t(lang, 'track.returnedAt')}</dt><dd>{dateTimeText(lang, result.returnedAt)}</dd></> : null}
          </dl>
        </section>
      ) : null}
    </Layout>
  );
}
