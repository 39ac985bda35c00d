import { t } from '../../i18n/messages.ts';
import { Layout, type PageContext } from '../../views/layout.tsx';
import { ErrorSummary, type SummaryError } from '../../views/error-summary.tsx';
import { Pagination } from '../../views/pagination.tsx';
// The back office's shared navigation between administration pages lives with the identity administration.
import { adminCrumbs, AdminNav, Done, when } from '../../../modules/identity/admin/pages/admin-parts.tsx';
import { outboxFailuresPageSize, type OutboxFailure, type OutboxFailureQuery } from '../list-outbox-failures.ts';

export const outboxFailuresPath = '/quan-tri/thu-gui';

interface Props {
  ctx: PageContext;
  query: OutboxFailureQuery;
  list: { rows: OutboxFailure[]; total: number; topics: string[] };
  resent?: number | undefined;
  errors?: readonly SummaryError[];
}

/** Messages that could not go out, with a Resend button on dead ones (issue 5 §3, G-07); works without JavaScript. */
export function OutboxFailuresPage({ ctx, query, list, resent, errors = [] }: Props) {
  const { lang } = ctx;
  const title = t(lang, 'outbox.title');
  const href = (page: number) => {
    const p = new URLSearchParams();
    if (query.topic) p.set('chu_de', query.topic);
    if (query.state) p.set('trang_thai', query.state);
    if (page > 1) p.set('page', String(page));
    return `${outboxFailuresPath}${p.size ? `?${p}` : ''}`;
  };
  return (
    <Layout ctx={ctx} title={title} crumbs={adminCrumbs(ctx, title)}>
      <h1>{title}</h1>
      <AdminNav lang={lang} current={outboxFailuresPath} />
      <ErrorSummary lang={lang} errors={errors} />
      <Done message={resent ? t(lang, 'outbox.resent', { id: resent }) : undefined} />
      <p>{t(lang, 'outbox.lead')}</p>
      <form method="get" action={outboxFailuresPath} class="filters">
        <div class="field"><label for="chu_de">{t(lang, 'outbox.topic')}</label>
          <select id="chu_de" name="chu_de"><option value="">{t(lang, 'outbox.all')}</option>
            {list.topics.map((topic) => <option value={topic} selected={query.topic === topic}>{topic}</option>)}</select></div>
        <div class="field"><label for="trang_thai">{t(lang, 'outbox.state')}</label>
          <select id="trang_thai" name="trang_thai"><option value="">{t(lang, 'outbox.all')}</option>
            <option value="dead" selected={query.state === 'dead'}>{t(lang, 'outbox.state.dead')}</option>
            <option value="retrying" selected={query.state === 'retrying'}>{t(lang, 'outbox.state.retrying')}</option></select></div>
        <div class="filter-actions"><button type="submit">{t(lang, 'outbox.filter')}</button></div>
      </form>
      <h2 id="failures">{t(lang, 'outbox.count', { count: list.total })}</h2>
      {list.rows.length ? (
        <div class="table-wrap" role="region" aria-labelledby="failures" tabIndex={0}>
          <table>
            <thead><tr>
              <th scope="col">{t(lang, 'outbox.topic')}</th><th scope="col">{t(lang, 'outbox.recipient')}</th><th scope="col">{t(lang, 'outbox.state')}</th>
              <th scope="col" class="num">{t(lang, 'outbox.attempts')}</th><th scope="col">{t(lang, 'outbox.lastError')}</th>
              <th scope="col">{t(lang, 'outbox.nextAttempt')}</th><th scope="col">{t(lang, 'outbox.createdAt')}</th><th scope="col">{t(lang, 'outbox.action')}</th>
            </tr></thead>
            <tbody>{list.rows.map((r) => (
              <tr>
                <th scope="row">{r.topic}</th>
                <td>{r.recipient ?? '—'}</td>
                <td>{t(lang, r.state === 'dead' ? 'outbox.state.dead' : 'outbox.state.retrying')}</td>
                <td class="num">{r.attempts}</td>
                <td class="outbox-error">{r.lastError ?? '—'}</td>
                <td>{r.nextAttemptAt ? when(lang, r.nextAttemptAt) : '—'}</td>
                <td>{when(lang, r.createdAt)}</td>
                <td>{r.state === 'dead' ? (
                  <form method="post" action={`${outboxFailuresPath}/${r.id}/gui-lai`}>
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <button type="submit" aria-label={t(lang, 'outbox.resendLabel', { id: r.id, topic: r.topic })}>{t(lang, 'outbox.resend')}</button>
                  </form>
                ) : '—'}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      ) : <p>{t(lang, 'outbox.none')}</p>}
      <Pagination lang={lang} page={query.page} pageSize={outboxFailuresPageSize} total={list.total} href={href} />
    </Layout>
  );
}
