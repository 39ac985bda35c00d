import { t } from '../../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import { CsrfForm, ErrorSummary, Field, type FieldMessages } from './form-parts.tsx';

/**
 * "Check your inbox": shown after registering (whether or not the address already had an account) and after
 * asking for a new link. With a phone, the form for the SMS code.
 */
export function CheckInboxPage({ ctx, csrfToken, channel, phone, errors = {} }: { ctx: PageContext; csrfToken: string; channel: 'email' | 'phone'; phone?: string | undefined; errors?: FieldMessages }) {
  const { lang } = ctx;
  const m = (key: Parameters<typeof t>[1]) => t(lang, key);
  const title = channel === 'email' ? m('registration.checkEmailTitle') : m('registration.checkPhoneTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      <p class="notice">{channel === 'email' ? m('registration.checkEmail') : m('registration.checkPhone')}</p>
      {channel === 'phone' ? (
        <CsrfForm action="/dang-ky/xac-minh-ma" csrfToken={csrfToken}>
          <Field name="phone" label={m('registration.phone')} type="tel" autocomplete="tel" value={phone} error={errors['phone']} maxLength={20} />
          <Field name="code" label={m('registration.code')} inputMode="numeric" autocomplete="one-time-code" error={errors['code']} maxLength={10} hint={m('registration.codeHint')} />
          <button type="submit">{m('registration.confirm')}</button>
        </CsrfForm>
      ) : null}
      <h2>{m('registration.resendTitle')}</h2>
      <ResendForm ctx={ctx} csrfToken={csrfToken} />
    </Layout>
  );
}

export function ResendForm({ ctx, csrfToken }: { ctx: PageContext; csrfToken: string }) {
  const m = (key: Parameters<typeof t>[1]) => t(ctx.lang, key);
  return (
    <CsrfForm action="/dang-ky/gui-lai" csrfToken={csrfToken}>
      <Field name="contact" label={m('registration.contact')} autocomplete="username" hint={m('registration.resendHint')} />
      <button type="submit" class="secondary-button">{m('registration.resend')}</button>
    </CsrfForm>
  );
}

/** The e-mail link's landing page: one button to confirm, so a mail scanner fetching the link activates nothing. */
export function ConfirmEmailPage({ ctx, csrfToken, token }: { ctx: PageContext; csrfToken: string; token: string }) {
  const m = (key: Parameters<typeof t>[1]) => t(ctx.lang, key);
  return (
    <Layout ctx={ctx} title={m('registration.confirmTitle')}>
      <h1>{m('registration.confirmTitle')}</h1>
      <p>{m('registration.confirmLead')}</p>
      <CsrfForm action="/dang-ky/xac-minh" csrfToken={csrfToken}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">{m('registration.confirm')}</button>
      </CsrfForm>
    </Layout>
  );
}

export function VerifiedPage({ ctx }: { ctx: PageContext }) {
  const m = (key: Parameters<typeof t>[1]) => t(ctx.lang, key);
  return (
    <Layout ctx={ctx} title={m('registration.verifiedTitle')}>
      <h1>{m('registration.verifiedTitle')}</h1>
      <p class="notice success">{m('registration.verified')}</p>
      <p><a href="/dang-nhap">{m('nav.signIn')}</a></p>
    </Layout>
  );
}

/** An unknown, expired or already used link: say so plainly and offer a new one. */
export function InvalidLinkPage({ ctx, csrfToken, reset }: { ctx: PageContext; csrfToken: string; reset?: boolean }) {
  const m = (key: Parameters<typeof t>[1]) => t(ctx.lang, key);
  return (
    <Layout ctx={ctx} title={m('registration.invalidLinkTitle')}>
      <h1>{m('registration.invalidLinkTitle')}</h1>
      <p>{m('registration.invalidLink')}</p>
      {reset ? <p><a href="/quen-mat-khau">{m('reset.requestAgain')}</a></p> : <ResendForm ctx={ctx} csrfToken={csrfToken} />}
    </Layout>
  );
}
