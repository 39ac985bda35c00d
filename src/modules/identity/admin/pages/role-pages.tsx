import { t, type Lang, type MessageKey } from '../../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import { knownPermissions } from '../permissions.ts';
import { adminCrumbs, AdminNav, Done, ErrorSummary, localName, type FormError } from './admin-parts.tsx';

interface RoleView { code: string; name: string; name_en: string; permissions: string[] }

const permissionLabel = (lang: Lang, code: string) => (knownPermissions.some((p) => p.code === code) ? t(lang, `perm.${code}` as MessageKey) : code);

/** Every role with the permissions it grants; holders of role.manage get an edit link per role. */
export function RolesPage({ ctx, roles, editable, done }: { ctx: PageContext; roles: RoleView[]; editable: boolean; done?: string | undefined }) {
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'admin.roles.title')} crumbs={adminCrumbs(ctx, t(lang, 'admin.roles.title'))}>
      <h1>{t(lang, 'admin.roles.title')}</h1>
      <AdminNav lang={lang} current="/quan-tri/vai-tro" />
      <Done message={done} />
      <p>{t(lang, 'admin.roles.lead')}</p>
      {roles.map((r) => {
        const name = localName(lang, r.name, r.name_en);
        return (
          <section aria-labelledby={`role-${r.code}`} class="role-card">
            <h2 id={`role-${r.code}`}>{name} <span class="code">({r.code})</span></h2>
            <ul>{r.permissions.map((p) => <li>{permissionLabel(lang, p)}</li>)}</ul>
            {editable ? <p><a href={`/quan-tri/vai-tro/${encodeURIComponent(r.code)}`}>{t(lang, 'admin.roles.edit', { role: name })}</a></p> : null}
          </section>
        );
      })}
    </Layout>
  );
}

/** The checkbox matrix of one role over every known permission. */
export function EditRolePage({ ctx, csrfToken, role, checked, errors = [] }: { ctx: PageContext; csrfToken: string; role: RoleView; checked: readonly string[]; errors?: FormError[] }) {
  const { lang } = ctx;
  const name = localName(lang, role.name, role.name_en);
  const title = t(lang, 'admin.roles.editTitle', { role: name });
  const error = errors.find((e) => e.field === 'permissions')?.message;
  return (
    <Layout ctx={ctx} title={title} crumbs={adminCrumbs(ctx, name, { href: '/quan-tri/vai-tro', label: t(lang, 'admin.roles.title') })}>
      <h1>{title}</h1>
      <ErrorSummary lang={lang} errors={errors.map((e) => ({ ...e, field: `perm-${knownPermissions[0].code}` }))} />
      <form method="post" action={`/quan-tri/vai-tro/${encodeURIComponent(role.code)}`} class="stack-form" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <fieldset class={error ? 'field-error' : undefined} aria-describedby={error ? 'permissions-error' : undefined}>
          <legend>{t(lang, 'admin.roles.permissions')}</legend>
          {error ? <p class="error-message" id="permissions-error">{error}</p> : null}
          {knownPermissions.map((p) => (
            <div class="checkbox">
              <input type="checkbox" id={`perm-${p.code}`} name="permissions" value={p.code} checked={checked.includes(p.code)} />
              <label for={`perm-${p.code}`}>
                {t(lang, `perm.${p.code}` as MessageKey)} <span class="code">({p.code}{p.administrative ? `, ${t(lang, 'admin.roles.administrative')}` : ''})</span>
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t(lang, 'admin.roles.save')}</button>
      </form>
    </Layout>
  );
}
