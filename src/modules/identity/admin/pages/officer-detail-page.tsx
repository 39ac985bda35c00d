import { t, type MessageKey } from '../../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import type { OfficerDetail } from '../get-officer.ts';
import { adminCrumbs, Done, ErrorSummary, Field, localName, when, type FormError } from './admin-parts.tsx';
import { UnitRoleFields } from './officer-form-pages.tsx';

export interface DetailFormValues { agency?: string; role?: string; from?: string; to?: string; reason?: string }

/**
 * An officer's record and every administrative action on it, each a small form that works without JavaScript:
 * grant, revoke, move, deactivate or reactivate, reset the second factor.
 */
export function OfficerDetailPage({ ctx, csrfToken, detail, done, values = {}, errors = [] }: {
  ctx: PageContext; csrfToken: string; detail: OfficerDetail; done?: string | undefined; values?: DetailFormValues; errors?: FormError[];
}) {
  const { lang } = ctx;
  const { account, roles, self } = detail;
  const base = `/quan-tri/can-bo/${account.id}`;
  const csrf = <input type="hidden" name="_csrf" value={csrfToken} />;
  const heldUnits = [...new Map(roles.filter((r) => r.changeable).map((r) => [r.agency_code, r])).values()];
  const parent = { href: '/quan-tri/can-bo', label: t(lang, 'admin.officers.title') };
  return (
    <Layout ctx={ctx} title={account.displayName} crumbs={adminCrumbs(ctx, account.displayName, parent)}>
      <h1>{account.displayName}</h1>
      <Done message={done} />
      <ErrorSummary lang={lang} errors={errors} />
      <dl class="summary">
        <dt>{t(lang, 'admin.field.email')}</dt><dd>{account.email ?? ''}</dd>
        {account.phone ? <><dt>{t(lang, 'admin.field.phone')}</dt><dd>{account.phone}</dd></> : null}
        <dt>{t(lang, 'admin.field.status')}</dt><dd class="officer-status">{t(lang, `admin.status.${account.status}` as MessageKey)}</dd>
        <dt>{t(lang, 'admin.field.mfa')}</dt>
        <dd>{account.mfaEnrolled ? t(lang, 'admin.mfa.enrolled', { count: account.recoveryCodesLeft }) : t(lang, 'admin.mfa.notEnrolled')}</dd>
      </dl>
      {self ? <p class="notice">{t(lang, 'admin.detail.self')}</p> : null}

      <h2 id="roles">{t(lang, 'admin.detail.roles')}</h2>
      {roles.length ? (
        <div class="table-wrap" role="region" aria-labelledby="roles" tabIndex={0}>
          <table>
            <thead><tr>
              <th scope="col">{t(lang, 'admin.field.role')}</th><th scope="col">{t(lang, 'admin.field.unit')}</th>
              <th scope="col">{t(lang, 'admin.field.grantedAt')}</th><th scope="col">{t(lang, 'admin.detail.actions')}</th>
            </tr></thead>
            <tbody>{roles.map((r) => {
              const role = localName(lang, r.role_name, r.role_name_en);
              const unit = localName(lang, r.agency_name, r.agency_name_en);
              return (
                <tr>
                  <td>{role}</td><td>{unit}</td><td>{when(lang, r.granted_at)}</td>
                  <td>{r.changeable ? (
                    <form method="post" action={`${base}/vai-tro/thu-hoi`} class="inline-form">
                      {csrf}
                      <input type="hidden" name="agency" value={r.agency_code} />
                      <input type="hidden" name="role" value={r.role_code} />
                      <button type="submit" class="secondary-button" aria-label={t(lang, 'admin.detail.revokeLabel', { role, unit })}>{t(lang, 'admin.detail.revoke')}</button>
                    </form>
                  ) : null}</td>
                </tr>
              );
            })}</tbody>
          </table>
        </div>
      ) : <p>{t(lang, 'admin.detail.noRoles')}</p>}

      {self ? null : (
        <>
          <section aria-labelledby="grant-title">
            <h2 id="grant-title">{t(lang, 'admin.grant.title')}</h2>
            <form method="post" action={`${base}/vai-tro`} class="stack-form" novalidate>
              {csrf}
              <UnitRoleFields lang={lang} choices={{ units: detail.grantableUnits, roles: detail.grantableRoles }} values={values} errors={errors} />
              <button type="submit">{t(lang, 'admin.grant.submit')}</button>
            </form>
          </section>

          {heldUnits.length ? (
            <section aria-labelledby="move-title">
              <h2 id="move-title">{t(lang, 'admin.move.title')}</h2>
              <p>{t(lang, 'admin.move.lead')}</p>
              <form method="post" action={`${base}/chuyen-don-vi`} class="stack-form" novalidate>
                {csrf}
                <Field id="from" label={t(lang, 'admin.move.from')} errors={errors}>
                  {(describedBy, invalid) => (
                    <select id="from" name="from" required aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>
                      {heldUnits.map((r) => <option value={r.agency_code} selected={values.from === r.agency_code}>{localName(lang, r.agency_name, r.agency_name_en)}</option>)}
                    </select>
                  )}
                </Field>
                <Field id="to" label={t(lang, 'admin.move.to')} errors={errors}>
                  {(describedBy, invalid) => (
                    <select id="to" name="to" required aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>
                      <option value="">{t(lang, 'admin.choose')}</option>
                      {detail.grantableUnits.map((u) => <option value={u.code} selected={values.to === u.code}>{localName(lang, u.name, u.nameEn)}</option>)}
                    </select>
                  )}
                </Field>
                <button type="submit">{t(lang, 'admin.move.submit')}</button>
              </form>
            </section>
          ) : null}

          <section aria-labelledby="state-title">
            <h2 id="state-title">{t(lang, 'admin.state.title')}</h2>
            {account.status === 'disabled' ? (
              <form method="post" action={`${base}/kich-hoat-lai`}>
                {csrf}
                <button type="submit">{t(lang, 'admin.reactivate.submit')}</button>
              </form>
            ) : (
              <form method="post" action={`${base}/vo-hieu-hoa`}>
                {csrf}
                <p>{t(lang, 'admin.deactivate.lead')}</p>
                <button type="submit" class="danger">{t(lang, 'admin.deactivate.submit')}</button>
              </form>
            )}
          </section>

          <section aria-labelledby="mfa-title">
            <h2 id="mfa-title">{t(lang, 'admin.mfa.title')}</h2>
            <p>{t(lang, 'admin.mfa.lead')}</p>
            <form method="post" action={`${base}/dat-lai-xac-thuc`} class="stack-form" novalidate>
              {csrf}
              <Field id="reason" label={t(lang, 'admin.mfa.reason')} hint={t(lang, 'admin.mfa.reasonHint')} errors={errors}>
                {(describedBy, invalid) => <textarea id="reason" name="reason" rows={3} maxLength={500} required
                  aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined}>{values.reason ?? ''}</textarea>}
              </Field>
              <button type="submit">{t(lang, 'admin.mfa.submit')}</button>
            </form>
          </section>
        </>
      )}
    </Layout>
  );
}
