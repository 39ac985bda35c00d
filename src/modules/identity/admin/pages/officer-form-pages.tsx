import { t } from '../../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import type { Unit } from '../units.ts';
import { adminCrumbs, ErrorSummary, Field, localName, type FormError } from './admin-parts.tsx';

export interface OfficerFormValues { displayName?: string; email?: string; phone?: string; agency?: string; role?: string }

interface Choices { units: readonly Unit[]; roles: readonly { code: string; name: string; name_en: string }[] }

/** "Thêm cán bộ": name, e-mail, optional phone and a first role at a unit; errors per field, values kept. */
export function CreateOfficerPage({ ctx, csrfToken, choices, values = {}, errors = [] }: { ctx: PageContext; csrfToken: string; choices: Choices; values?: OfficerFormValues; errors?: FormError[] }) {
  const { lang } = ctx;
  const parent = { href: '/quan-tri/can-bo', label: t(lang, 'admin.officers.title') };
  return (
    <Layout ctx={ctx} title={t(lang, 'admin.create.title')} crumbs={adminCrumbs(ctx, t(lang, 'admin.create.title'), parent)}>
      <h1>{t(lang, 'admin.create.title')}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      <p>{t(lang, 'admin.create.lead')}</p>
      <form method="post" action="/quan-tri/can-bo" class="stack-form" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <Field id="displayName" label={t(lang, 'admin.field.name')} errors={errors}>
          {(describedBy, invalid) => <input id="displayName" name="displayName" type="text" value={values.displayName ?? ''} required maxLength={120} autocomplete="off"
            aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined} />}
        </Field>
        <Field id="email" label={t(lang, 'admin.field.email')} errors={errors}>
          {(describedBy, invalid) => <input id="email" name="email" type="email" value={values.email ?? ''} required maxLength={254} autocomplete="off"
            aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined} />}
        </Field>
        <Field id="phone" label={t(lang, 'admin.field.phone')} hint={t(lang, 'admin.field.phoneHint')} errors={errors}>
          {(describedBy, invalid) => <input id="phone" name="phone" type="tel" value={values.phone ?? ''} maxLength={20} autocomplete="off"
            aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined} />}
        </Field>
        <fieldset>
          <legend>{t(lang, 'admin.create.firstRole')}</legend>
          <UnitRoleFields lang={lang} choices={choices} values={values} errors={errors} />
        </fieldset>
        <button type="submit">{t(lang, 'admin.create.submit')}</button>
      </form>
    </Layout>
  );
}

/** The unit and role selects shared by the create and grant forms. */
export function UnitRoleFields({ lang, choices, values, errors }: { lang: PageContext['lang']; choices: Choices; values: { agency?: string; role?: string }; errors: readonly FormError[] }) {
  return (
    <>
      <Field id="agency" label={t(lang, 'admin.field.unit')} errors={errors}>
        {(describedBy, invalid) => (
          <select id="agency" name="agency" required aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>
            <option value="">{t(lang, 'admin.choose')}</option>
            {choices.units.map((u) => <option value={u.code} selected={values.agency === u.code}>{localName(lang, u.name, u.nameEn)}</option>)}
          </select>
        )}
      </Field>
      <Field id="role" label={t(lang, 'admin.field.role')} errors={errors}>
        {(describedBy, invalid) => (
          <select id="role" name="role" required aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>
            <option value="">{t(lang, 'admin.choose')}</option>
            {choices.roles.map((r) => <option value={r.code} selected={values.role === r.code}>{localName(lang, r.name, r.name_en)}</option>)}
          </select>
        )}
      </Field>
    </>
  );
}

/** Shown once after creation: the activation link to hand over should the e-mail not arrive. */
export function OfficerCreatedPage({ ctx, accountId, email, link, hours }: { ctx: PageContext; accountId: string; email: string; link: string; hours: number }) {
  const { lang } = ctx;
  const parent = { href: '/quan-tri/can-bo', label: t(lang, 'admin.officers.title') };
  return (
    <Layout ctx={ctx} title={t(lang, 'admin.created.title')} crumbs={adminCrumbs(ctx, t(lang, 'admin.created.title'), parent)}>
      <h1>{t(lang, 'admin.created.title')}</h1>
      <p role="status">{t(lang, 'admin.created.lead', { email, hours })}</p>
      <h2>{t(lang, 'admin.created.link')}</h2>
      <p class="activation-link"><code>{link}</code></p>
      <p><a href={`/quan-tri/can-bo/${accountId}`}>{t(lang, 'admin.created.open')}</a></p>
    </Layout>
  );
}
