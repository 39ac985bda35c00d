import { t, type MessageKey } from '../../i18n/messages.ts';
import { ErrorSummary } from '../../views/error-summary.tsx';
import { Layout, type PageContext } from '../../views/layout.tsx';
import type { AccessStatistics } from '../get-access-statistics.ts';

interface Props {
  ctx: PageContext;
  /** The period as typed, kept when it is wrong. */
  from: string;
  to: string;
  errors?: { name: 'from' | 'to'; message: MessageKey }[];
  statistics?: AccessStatistics | undefined;
}

const showDay = (day: string) => day.split('-').reverse().join('/');

/** Back-office access statistics (P-14; issue 3 §5): period picker, totals, per day, top pages, CSV export. */
export function AccessStatisticsPage({ ctx, from, to, errors = [], statistics }: Props) {
  const { lang } = ctx;
  const number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const error = (name: 'from' | 'to') => errors.find((e) => e.name === name);
  const csv = (table: 'days' | 'pages') => `/quan-tri/thong-ke-truy-cap/csv?${new URLSearchParams({ from, to, table })}`;
  const dateField = (name: 'from' | 'to') => {
    const problem = error(name);
    return (
      <div class={`field${problem ? ' field-error' : ''}`}>
        <label for={name}>{t(lang, `stats.${name}`)}</label>
        <p class="hint" id={`${name}-hint`}>{t(lang, 'stats.dateHint')}</p>
        {problem ? <p class="error-message" id={`${name}-error`}>{t(lang, problem.message)}</p> : null}
        <input id={name} name={name} type="date" value={name === 'from' ? from : to}
          aria-describedby={`${name}-hint${problem ? ` ${name}-error` : ''}`} aria-invalid={problem ? 'true' : undefined} />
      </div>
    );
  };
  return (
    <Layout ctx={ctx} title={t(lang, 'stats.title')} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'stats.title') }]}>
      <h1>{t(lang, 'stats.title')}</h1>
      <p class="lead">{t(lang, 'stats.lead')}</p>
      <ErrorSummary lang={lang} errors={errors.map((e) => ({ target: e.name, message: t(lang, e.message) }))} />
      <form method="get" action="/quan-tri/thong-ke-truy-cap" class="period-form" novalidate>
        {dateField('from')}
        {dateField('to')}
        <button type="submit">{t(lang, 'stats.show')}</button>
      </form>
      {statistics ? (
        <>
          <h2 id="totals">{t(lang, 'stats.period', { from: showDay(statistics.period.from), to: showDay(statistics.period.to) })}</h2>
          <dl class="summary totals" aria-labelledby="totals">
            <dt>{t(lang, 'stats.totalViews')}</dt><dd data-total="views">{number.format(statistics.totals.views)}</dd>
            <dt>{t(lang, 'stats.totalVisitors')}</dt><dd data-total="visitors">{number.format(statistics.totals.visitors)}</dd>
          </dl>
          <p class="downloads"><a href={csv('days')} download>{t(lang, 'stats.csvDays')}</a> · <a href={csv('pages')} download>{t(lang, 'stats.csvPages')}</a></p>
          <h2 id="top-pages">{t(lang, 'stats.topPages')}</h2>
          {statistics.topPages.length ? (
            <div class="table-wrap" role="region" aria-labelledby="top-pages" tabIndex={0}>
              <table class="top-pages">
                <thead><tr><th scope="col">{t(lang, 'stats.page')}</th><th scope="col" class="num">{t(lang, 'stats.views')}</th></tr></thead>
                <tbody>{statistics.topPages.map((p) => <tr><th scope="row"><code>{p.route}</code></th><td class="num">{number.format(p.views)}</td></tr>)}</tbody>
              </table>
            </div>
          ) : <p>{t(lang, 'stats.none')}</p>}
          <h2 id="by-day">{t(lang, 'stats.byDay')}</h2>
          <div class="table-wrap" role="region" aria-labelledby="by-day" tabIndex={0}>
            <table class="by-day">
              <thead><tr><th scope="col">{t(lang, 'stats.day')}</th><th scope="col" class="num">{t(lang, 'stats.views')}</th><th scope="col" class="num">{t(lang, 'stats.visitors')}</th></tr></thead>
              <tbody>{statistics.days.map((d) => (
                <tr><th scope="row"><time dateTime={d.day}>{showDay(d.day)}</time></th><td class="num">{number.format(d.views)}</td><td class="num">{number.format(d.visitors)}</td></tr>
              ))}</tbody>
            </table>
          </div>
        </>
      ) : null}
    </Layout>
  );
}
