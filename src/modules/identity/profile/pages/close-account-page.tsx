import { t } from '../../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import { ErrorSummary, Field, type FormError } from './form-parts.tsx';

interface Props {
  ctx: PageContext;
  csrfToken: string;
  /** Accounts made through VNeID have no password: they confirm with a phrase instead. */
  hasPassword: boolean;
  error?: FormError | undefined;
}

/** "Đóng tài khoản": the consequences, then confirmation by password or phrase (issue 3 §1). */
export function CloseAccountPage({ ctx, csrfToken, hasPassword, error }: Props) {
  const { lang } = ctx;
  const title = t(lang, 'profile.close.title');
  const phrase = t(lang, 'profile.close.phrase');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { href: '/tai-khoan', label: t(lang, 'account.title') }, { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={error ? [error] : []} />
      <p>{t(lang, 'profile.close.consequences')}</p>
      <ul class="consequences">
        <li>{t(lang, 'profile.close.signedOut')}</li>
        <li>{t(lang, 'profile.close.released')}</li>
        <li>{t(lang, 'profile.close.dossiers')}</li>
        <li><strong>{t(lang, 'profile.close.final')}</strong></li>
      </ul>
      <form method="post" action="/tai-khoan/dong-tai-khoan" class="stack-form" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        {hasPassword ? (
          <Field name="password" label={t(lang, 'profile.close.password')} error={error?.message}>
            {(describedBy, invalid) => <input id="password" name="password" type="password" autocomplete="current-password" maxLength={128} aria-describedby={describedBy} aria-invalid={invalid} />}
          </Field>
        ) : (
          <Field name="phrase" label={t(lang, 'profile.close.phraseLabel', { phrase })} error={error?.message}>
            {(describedBy, invalid) => <input id="phrase" name="phrase" type="text" autocomplete="off" maxLength={60} aria-describedby={describedBy} aria-invalid={invalid} />}
          </Field>
        )}
        <div class="form-actions">
          <button type="submit" class="danger">{t(lang, 'profile.close.submit')}</button>
          <a href="/tai-khoan">{t(lang, 'profile.close.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

/** Shown once the account is closed, signed out. */
export function AccountClosedPage({ ctx }: { ctx: PageContext }) {
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'profile.close.doneTitle')}>
      <h1>{t(lang, 'profile.close.doneTitle')}</h1>
      <p>{t(lang, 'profile.close.doneLead')}</p>
      <p><a href="/">{t(lang, 'errorPage.home')}</a></p>
    </Layout>
  );
}
