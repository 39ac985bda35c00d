import { t } from '../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { Pagination } from '../../../platform/views/pagination.tsx';
import { dateTimeText } from '../format.ts';
import type { Inbox } from '../inbox.ts';

/** "Thông báo" (issue 4 §5): the account's notifications, newest first, each markable read; works without JavaScript. */
export function InboxPage({ ctx, inbox }: { ctx: PageContext; inbox: Inbox }) {
  const { lang } = ctx;
  const title = t(lang, 'inbox.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: title }]}>
      <h1>{title}</h1>
      {inbox.total === 0 ? <p>{t(lang, 'inbox.empty')}</p> : (
        <>
          <p role="status">{inbox.unread ? t(lang, 'inbox.unreadCount', { count: inbox.unread }) : t(lang, 'inbox.allRead')}</p>
          {inbox.unread ? (
            <form method="post" action="/thong-bao/da-doc" class="inline-form">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <input type="hidden" name="all" value="1" />
              <input type="hidden" name="page" value={String(inbox.page)} />
              <button type="submit" class="secondary-button">{t(lang, 'inbox.markAllRead')}</button>
            </form>
          ) : null}
          <ol class="inbox">
            {inbox.items.map((n) => (
              <li class={n.read_at ? 'notification' : 'notification unread'}>
                <h2 id={`notification-${n.id}`}>
                  {n.read_at ? null : <span class="badge badge-dueSoon">{t(lang, 'inbox.unread')}</span>} {n.title}
                </h2>
                <p class="small"><time datetime={new Date(n.created_at).toISOString()}>{dateTimeText(lang, n.created_at)}</time></p>
                {n.body.split('\n').map((line) => <p>{line}</p>)}
                {n.link ? <p><a href={n.link}>{t(lang, 'inbox.open', { label: n.dossier_label ?? '' })}</a></p> : null}
                {n.read_at ? null : (
                  <form method="post" action="/thong-bao/da-doc" class="inline-form">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <input type="hidden" name="id" value={String(n.id)} />
                    <input type="hidden" name="page" value={String(inbox.page)} />
                    <button type="submit" class="secondary-button" aria-describedby={`notification-${n.id}`}>{t(lang, 'inbox.markRead')}</button>
                  </form>
                )}
              </li>
            ))}
          </ol>
          <Pagination lang={lang} page={inbox.page} pageSize={inbox.pageSize} total={inbox.total} href={(page) => `/thong-bao?page=${page}`} />
        </>
      )}
    </Layout>
  );
}
