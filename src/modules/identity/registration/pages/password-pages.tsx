import { t } from '../../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import { CsrfForm, ErrorSummary, Field, type FieldMessages } from './form-parts.tsx';

export function ForgotPasswordPage({ ctx, csrfToken, contact, errors = {}, sent }: { ctx: PageContext; csrfToken: string; contact?: string; errors?: FieldMessages; sent?: boolean }) {
  const m = (key: Parameters<typeof t>[1]) => t(ctx.lang, key);
  return (
    <Layout ctx={ctx} title={m('reset.forgotTitle')} crumbs={[{ href: '/dang-nhap', label: m('nav.signIn') }, { label: m('reset.forgotTitle') }]}>
      <h1>{m('reset.forgotTitle')}</h1>
      {sent ? <p class="notice" role="status">{m('reset.sent')}</p> : <p>{m('reset.forgotLead')}</p>}
      <ErrorSummary lang={ctx.lang} errors={errors} />
      <CsrfForm action="/quen-mat-khau" csrfToken={csrfToken}>
        <Field name="contact" label={m('registration.contact')} value={contact} error={errors['contact']} autocomplete="username" />
        <button type="submit">{m('reset.send')}</button>
      </CsrfForm>
    </Layout>
  );
}

/** Choosing a new password from a set-password link (reset, or a new officer's activation). */
export function ResetPasswordPage({ ctx, csrfToken, token, name, errors = {} }: { ctx: PageContext; csrfToken: string; token: string; name: string; errors?: FieldMessages }) {
  const m = (key: Parameters<typeof t>[1]) => t(ctx.lang, key);
  return (
    <Layout ctx={ctx} title={m('reset.title')}>
      <h1>{m('reset.title')}</h1>
      <p>{t(ctx.lang, 'reset.lead', { name })}</p>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      <CsrfForm action="/dat-lai-mat-khau" csrfToken={csrfToken}>
        <input type="hidden" name="token" value={token} />
        <Field name="password" label={m('reset.newPassword')} type="password" autocomplete="new-password" maxLength={128} error={errors['password']} hint={m('registration.passwordHint')} />
        <Field name="passwordConfirm" label={m('registration.passwordConfirm')} type="password" autocomplete="new-password" maxLength={128} error={errors['passwordConfirm']} />
        <button type="submit">{m('reset.save')}</button>
      </CsrfForm>
    </Layout>
  );
}

export function PasswordSetPage({ ctx, signedIn }: { ctx: PageContext; signedIn?: boolean }) {
  const m = (key: Parameters<typeof t>[1]) => t(ctx.lang, key);
  return (
    <Layout ctx={ctx} title={m('reset.doneTitle')}>
      <h1>{m('reset.doneTitle')}</h1>
      <p class="notice success" role="status">{signedIn ? m('password.changed') : m('reset.done')}</p>
      <p>{signedIn ? <a href="/tai-khoan">{m('password.backToAccount')}</a> : <a href="/dang-nhap">{m('nav.signIn')}</a>}</p>
    </Layout>
  );
}

export function ChangePasswordPage({ ctx, csrfToken, errors = {} }: { ctx: PageContext; csrfToken: string; errors?: FieldMessages }) {
  const m = (key: Parameters<typeof t>[1]) => t(ctx.lang, key);
  return (
    <Layout ctx={ctx} title={m('password.changeTitle')} crumbs={[{ href: '/tai-khoan', label: m('password.account') }, { label: m('password.changeTitle') }]}>
      <h1>{m('password.changeTitle')}</h1>
      <p>{m('password.changeLead')}</p>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      <CsrfForm action="/tai-khoan/mat-khau" csrfToken={csrfToken}>
        <Field name="currentPassword" label={m('password.current')} type="password" autocomplete="current-password" maxLength={128} error={errors['currentPassword']} />
        <Field name="password" label={m('reset.newPassword')} type="password" autocomplete="new-password" maxLength={128} error={errors['password']} hint={m('registration.passwordHint')} />
        <Field name="passwordConfirm" label={m('registration.passwordConfirm')} type="password" autocomplete="new-password" maxLength={128} error={errors['passwordConfirm']} />
        <button type="submit">{m('password.changeSubmit')}</button>
      </CsrfForm>
    </Layout>
  );
}
