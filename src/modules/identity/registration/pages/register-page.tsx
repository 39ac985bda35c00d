import { t } from '../../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import { CsrfForm, ErrorSummary, Field, type FieldMessages } from './form-parts.tsx';

interface RegisterPageProps {
  ctx: PageContext;
  csrfToken: string;
  values?: Record<string, string>;
  errors?: FieldMessages;
}

/** Registration of a citizen or a business (issue 3 §1, P-13): one form, no JavaScript needed. */
export function RegisterPage({ ctx, csrfToken, values = {}, errors = {} }: RegisterPageProps) {
  const { lang } = ctx;
  const m = (key: Parameters<typeof t>[1]) => t(lang, key);
  const kind = values['kind'] === 'business' ? 'business' : 'citizen';
  const field = (name: string, label: Parameters<typeof t>[1], extra: Partial<Parameters<typeof Field>[0]> = {}) =>
    <Field name={name} label={m(label)} value={values[name]} error={errors[name]} {...extra} />;
  return (
    <Layout ctx={ctx} title={m('registration.title')} crumbs={[{ href: '/', label: m('nav.home') }, { label: m('registration.title') }]}>
      <h1>{m('registration.title')}</h1>
      <p>{m('registration.lead')}</p>
      <ErrorSummary lang={lang} errors={errors} />
      <CsrfForm action="/dang-ky" csrfToken={csrfToken}>
        <fieldset class={`choices${errors['kind'] ? ' field-error' : ''}`} id="kind" aria-describedby={errors['kind'] ? 'kind-error' : undefined}>
          <legend>{m('registration.kind')}</legend>
          {errors['kind'] ? <p class="error-message" id="kind-error">{errors['kind']}</p> : null}
          <label class="choice"><input type="radio" name="kind" value="citizen" checked={kind === 'citizen'} /> {m('registration.kind.citizen')}</label>
          <label class="choice"><input type="radio" name="kind" value="business" checked={kind === 'business'} /> {m('registration.kind.business')}</label>
        </fieldset>
        {field('fullName', 'registration.fullName', { autocomplete: 'name', maxLength: 200, hint: m('registration.fullNameHint') })}
        <fieldset class="choices">
          <legend>{m('registration.businessGroup')}</legend>
          {field('businessName', 'registration.businessName', { autocomplete: 'organization', maxLength: 300 })}
          {field('taxCode', 'registration.taxCode', { maxLength: 14, inputMode: 'numeric', hint: m('registration.taxCodeHint') })}
          {field('representative', 'registration.representative', { maxLength: 200 })}
        </fieldset>
        {field('personalId', 'registration.personalId', { maxLength: 12, inputMode: 'numeric', hint: m('registration.personalIdHint') })}
        {field('dateOfBirth', 'registration.dateOfBirth', { type: 'date', autocomplete: 'bday', maxLength: 10, hint: m('registration.dateOfBirthHint') })}
        {field('email', 'registration.email', { type: 'email', autocomplete: 'email', hint: m('registration.contactHint') })}
        {field('phone', 'registration.phone', { type: 'tel', autocomplete: 'tel', maxLength: 20, hint: m('registration.phoneHint') })}
        {field('password', 'registration.password', { type: 'password', autocomplete: 'new-password', maxLength: 128, hint: m('registration.passwordHint') })}
        {field('passwordConfirm', 'registration.passwordConfirm', { type: 'password', autocomplete: 'new-password', maxLength: 128 })}
        <div class={`field${errors['terms'] ? ' field-error' : ''}`}>
          {errors['terms'] ? <p class="error-message" id="terms-error">{errors['terms']}</p> : null}
          <label class="choice" for="terms">
            <input id="terms" type="checkbox" name="terms" value="yes" checked={values['terms'] === 'yes'}
              aria-describedby={errors['terms'] ? 'terms-error' : undefined} aria-invalid={errors['terms'] ? 'true' : undefined} /> {m('registration.terms')}
          </label>
        </div>
        <button type="submit">{m('registration.submit')}</button>
      </CsrfForm>
      <p>{m('registration.haveAccount')} <a href="/dang-nhap">{m('nav.signIn')}</a></p>
    </Layout>
  );
}
