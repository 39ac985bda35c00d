import { t } from '../../../platform/i18n/messages.ts';
import { ErrorSummary, pointerErrors } from '../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { FieldError } from '../../../platform/validation/validator.ts';
import { OidcSignInOptions } from '../oidc/pages/oidc-pages.tsx';

interface SignInPageProps {
  ctx: PageContext;
  csrfToken: string;
  identifier?: string;
  /** A message for the whole form (wrong credentials, locked account) or per field. */
  formError?: string;
  fieldErrors?: FieldError[];
  next?: string;
}

/** Local sign-in (e-mail or phone + password); works without JavaScript, errors summarised and per field. */
export function SignInPage({ ctx, csrfToken, identifier = '', formError, fieldErrors = [], next }: SignInPageProps) {
  const { lang } = ctx;
  const fieldError = (name: string) => fieldErrors.find((e) => e.path === `/body/${name}`)?.message;
  const errors = [...(formError ? [{ target: 'identifier', message: formError }] : []), ...pointerErrors(fieldErrors)];
  return (
    <Layout ctx={ctx} title={t(lang, 'signIn.title')} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'signIn.title') }]}>
      <h1>{t(lang, 'signIn.title')}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      <form method="post" action="/dang-nhap" class="stack-form" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <div class={`field${fieldError('identifier') ? ' field-error' : ''}`}>
          <label for="identifier">{t(lang, 'signIn.identifier')}</label>
          <p class="hint" id="identifier-hint">{t(lang, 'signIn.identifierHint')}</p>
          {fieldError('identifier') ? <p class="error-message" id="identifier-error">{fieldError('identifier')}</p> : null}
          <input id="identifier" name="identifier" type="text" value={identifier} autocomplete="username" required maxLength={254}
            aria-describedby={`identifier-hint${fieldError('identifier') ? ' identifier-error' : ''}`} aria-invalid={fieldError('identifier') ? 'true' : undefined} />
        </div>
        <div class={`field${fieldError('password') ? ' field-error' : ''}`}>
          <label for="password">{t(lang, 'signIn.password')}</label>
          {fieldError('password') ? <p class="error-message" id="password-error">{fieldError('password')}</p> : null}
          <input id="password" name="password" type="password" autocomplete="current-password" required maxLength={128}
            aria-describedby={fieldError('password') ? 'password-error' : undefined} aria-invalid={fieldError('password') ? 'true' : undefined} />
        </div>
        <button type="submit">{t(lang, 'signIn.submit')}</button>
      </form>
      <p class="sign-in-links"><a href="/quen-mat-khau">{t(lang, 'registration.forgotLink')}</a> · <a href="/dang-ky">{t(lang, 'registration.signUpLink')}</a></p>
      <OidcSignInOptions ctx={ctx} next={next} />
    </Layout>
  );
}
