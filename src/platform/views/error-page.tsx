import { t } from '../i18n/messages.ts';
import type { AppError } from '../http/app-error.ts';
import { Layout, type PageContext } from './layout.tsx';

/** 404 and other failures in the portal's own style, with a way forward; never a stack trace. */
export function ErrorPage({ ctx, error }: { ctx: PageContext; error: AppError }) {
  const { lang } = ctx;
  const title = error.status === 404 ? t(lang, 'errorPage.notFoundTitle') : t(lang, 'errorPage.errorTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{t(lang, error.messageKey, error.params)}</p>
      {error.fieldErrors.length ? <ul>{error.fieldErrors.map((e) => <li>{e.message}</li>)}</ul> : null}
      <ul class="link-list">
        <li><a href="/">{t(lang, 'errorPage.home')}</a></li>
        <li><a href="/thu-tuc">{t(lang, 'errorPage.search')}</a></li>
      </ul>
    </Layout>
  );
}
