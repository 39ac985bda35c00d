import { t, type MessageKey } from '../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { LiveUpdates } from '../../../platform/views/live-updates.tsx';
import { Pagination } from '../../../platform/views/pagination.tsx';
import { deskQueues, type DeskQueue, type DeskQueueView } from '../list-desk-queue.ts';
import type { ApplicantSnapshot } from '../tables.ts';
import { dateTimeText } from './format.ts';

/** The one-stop desk's work queues with counts (S-h) and each dossier's time left, in words and colour (S-g). */
export function DeskQueuePage({ ctx, view }: { ctx: PageContext; view: DeskQueueView }) {
  const { lang } = ctx;
  const title = t(lang, 'desk.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: title }]}>
      <h1>{title}</h1>
      <LiveUpdates lang={lang} />
      <p><a class="button-link" href="/mot-cua/tiep-nhan-truc-tiep">{t(lang, 'deskIntake.link')}</a></p>
      <nav aria-label={t(lang, 'desk.queues')}>
        <ul class="queue-tabs">{(Object.keys(deskQueues) as DeskQueue[]).map((queue) => (
          <li><a href={`/mot-cua/ho-so?hang=${queue}`} aria-current={queue === view.queue ? 'page' : undefined}>
            {t(lang, `desk.queue.${queue}` as MessageKey)} <span class="count">({view.counts[queue]})</span>
          </a></li>
        ))}</ul>
      </nav>
      <h2 id="queue-title">{t(lang, `desk.queue.${view.queue}` as MessageKey)}</h2>
      {view.items.length === 0 ? <p>{t(lang, 'desk.empty')}</p> : (
        <div class="table-wrap" role="region" aria-labelledby="queue-title" tabIndex={0}>
          <table>
            <thead><tr>
              <th scope="col">{t(lang, 'myDossiers.code')}</th><th scope="col">{t(lang, 'myDossiers.procedure')}</th>
              <th scope="col">{t(lang, 'desk.applicant')}</th><th scope="col">{t(lang, 'desk.submitted')}</th>
              <th scope="col">{t(lang, 'myDossiers.dueAt')}</th><th scope="col">{t(lang, 'desk.timeLeft')}</th>
            </tr></thead>
            <tbody>{view.items.map((d) => (
              <tr class={`time-${d.timeLeft}`}>
                <th scope="row"><a href={`/mot-cua/ho-so/${d.id}`}>{d.code ?? d.reference}</a></th>
                <td>{d.summary}</td>
                <td>{(d.applicant as ApplicantSnapshot).name}</td>
                <td>{dateTimeText(lang, d.submitted_at)}</td>
                <td>{dateTimeText(lang, d.due_at)}</td>
                <td><span class={`badge badge-${d.timeLeft}`}>{t(lang, `desk.timeLeft.${d.timeLeft}` as MessageKey)}</span></td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      )}
      <Pagination lang={lang} page={view.page} pageSize={view.pageSize} total={view.total} href={(page) => `/mot-cua/ho-so?hang=${view.queue}&page=${page}`} />
    </Layout>
  );
}
