import { t, type MessageKey } from '../../../../platform/i18n/messages.ts';
import { ErrorSummary, pointerErrors } from '../../../../platform/views/error-summary.tsx';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';
import type { FieldError } from '../../../../platform/validation/validator.ts';
import type { IssuedCredentials } from '../create-api-client.ts';
import type { ApiClientOverview } from '../list-api-clients.ts';
import { apiScopeNames, apiScopes } from '../scopes.ts';

export interface ApiClientForm {
  name: string;
  kind: string;
  scopes: string[];
  agencyCode: string;
}

export const emptyForm: ApiClientForm = { name: '', kind: 'apiKey', scopes: [], agencyCode: '' };

const when = (lang: PageContext['lang'], d: Date) =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(new Date(d));

const crumbs = (lang: PageContext['lang'], here?: string) => [
  { href: '/', label: t(lang, 'nav.home') }, { href: '/tai-khoan', label: t(lang, 'account.title') },
  ...(here ? [{ href: '/quan-tri/ung-dung', label: t(lang, 'apiClients.title') }, { label: here }] : [{ label: t(lang, 'apiClients.title') }]),
];

/** /quan-tri/ung-dung: the API clients of other systems, and the form to register one (issue 3 §3). */
export function ApiClientsPage({ ctx, csrfToken, overview, form = emptyForm, fieldErrors = [] }: {
  ctx: PageContext; csrfToken: string; overview: ApiClientOverview; form?: ApiClientForm; fieldErrors?: FieldError[];
}) {
  const { lang } = ctx;
  const fieldError = (name: string) => fieldErrors.find((e) => e.path === `/body/${name}`)?.message;
  const described = (name: string, hint?: string) => [hint, fieldError(name) ? `${name}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const scopeLabel = (scope: string) => (scope in apiScopes ? t(lang, apiScopes[scope as keyof typeof apiScopes]) : scope);
  return (
    <Layout ctx={ctx} title={t(lang, 'apiClients.title')} crumbs={crumbs(lang)}>
      <h1>{t(lang, 'apiClients.title')}</h1>
      <p>{t(lang, 'apiClients.lead')}</p>
      <ErrorSummary lang={lang} errors={pointerErrors(fieldErrors)} />

      <h2 id="clients">{t(lang, 'apiClients.listHeading')}</h2>
      {overview.clients.length ? (
        <div class="table-wrap" role="region" aria-labelledby="clients" tabIndex={0}>
          <table class="api-clients">
            <thead><tr>
              <th scope="col">{t(lang, 'apiClients.name')}</th><th scope="col">{t(lang, 'apiClients.kind')}</th>
              <th scope="col">{t(lang, 'apiClients.scopes')}</th><th scope="col">{t(lang, 'apiClients.createdAt')}</th>
              <th scope="col">{t(lang, 'apiClients.lastUsed')}</th><th scope="col">{t(lang, 'apiClients.status')}</th>
              <th scope="col">{t(lang, 'apiClients.actions')}</th>
            </tr></thead>
            <tbody>{overview.clients.map((c) => (
              <tr>
                <th scope="row">{c.name}{c.agency_name ? <><br /><span class="hint">{c.agency_name}</span></> : null}<br /><code>{c.public_id}</code></th>
                <td>{t(lang, `apiClients.kindShort.${c.kind}` as MessageKey)}</td>
                <td><ul class="plain">{c.scopes.map((s) => <li>{scopeLabel(s)}</li>)}</ul></td>
                <td>{when(lang, c.created_at)}{c.created_by_name ? <><br />{c.created_by_name}</> : null}</td>
                <td>{c.last_used_at ? when(lang, c.last_used_at) : t(lang, 'apiClients.never')}</td>
                <td>{c.revoked_at ? t(lang, 'apiClients.revokedAt', { time: when(lang, c.revoked_at) }) : t(lang, 'apiClients.active')}</td>
                <td>{c.revoked_at ? null : (
                  <form method="post" action={`/quan-tri/ung-dung/${c.id}/thu-hoi`}>
                    <input type="hidden" name="_csrf" value={csrfToken} />
                    <button type="submit" class="secondary" aria-label={t(lang, 'apiClients.revokeLabel', { name: c.name })}>{t(lang, 'apiClients.revoke')}</button>
                  </form>
                )}</td>
              </tr>
            ))}</tbody>
          </table>
        </div>
      ) : <p>{t(lang, 'apiClients.none')}</p>}

      <h2>{t(lang, 'apiClients.createHeading')}</h2>
      <form method="post" action="/quan-tri/ung-dung" class="stack-form" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <div class={`field${fieldError('name') ? ' field-error' : ''}`}>
          <label for="name">{t(lang, 'apiClients.name')}</label>
          <p class="hint" id="name-hint">{t(lang, 'apiClients.nameHint')}</p>
          {fieldError('name') ? <p class="error-message" id="name-error">{fieldError('name')}</p> : null}
          <input id="name" name="name" type="text" value={form.name} required maxLength={120}
            aria-describedby={described('name', 'name-hint')} aria-invalid={fieldError('name') ? 'true' : undefined} />
        </div>
        <fieldset class={`field choices${fieldError('kind') ? ' field-error' : ''}`} id="kind" aria-describedby={described('kind')}>
          <legend>{t(lang, 'apiClients.kind')}</legend>
          {fieldError('kind') ? <p class="error-message" id="kind-error">{fieldError('kind')}</p> : null}
          {(['apiKey', 'oauthClient'] as const).map((kind) => (
            <div class="choice">
              <input type="radio" id={`kind-${kind}`} name="kind" value={kind} checked={form.kind === kind} />
              <label for={`kind-${kind}`}>{t(lang, `apiClients.kind.${kind}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset class={`field choices${fieldError('scopes') ? ' field-error' : ''}`} id="scopes" aria-describedby={described('scopes')}>
          <legend>{t(lang, 'apiClients.scopes')}</legend>
          {fieldError('scopes') ? <p class="error-message" id="scopes-error">{fieldError('scopes')}</p> : null}
          {apiScopeNames.map((scope) => (
            <div class="choice">
              <input type="checkbox" id={`scope-${scope}`} name="scopes" value={scope} checked={form.scopes.includes(scope)} />
              <label for={`scope-${scope}`}>{scopeLabel(scope)} <code>{scope}</code></label>
            </div>
          ))}
        </fieldset>
        <div class={`field${fieldError('agencyCode') ? ' field-error' : ''}`}>
          <label for="agencyCode">{t(lang, 'apiClients.agency')}</label>
          {fieldError('agencyCode') ? <p class="error-message" id="agencyCode-error">{fieldError('agencyCode')}</p> : null}
          <select id="agencyCode" name="agencyCode" aria-describedby={described('agencyCode')} aria-invalid={fieldError('agencyCode') ? 'true' : undefined}>
            <option value="">{t(lang, 'apiClients.agencyNone')}</option>
            {overview.agencies.map((a) => <option value={a.code} selected={form.agencyCode === a.code}>{a.name}</option>)}
          </select>
        </div>
        <button type="submit">{t(lang, 'apiClients.submit')}</button>
      </form>
    </Layout>
  );
}

/** Shown once, right after creation: the only time the secret exists outside the caller's hands. */
export function CreatedClientPage({ ctx, name, credentials }: { ctx: PageContext; name: string; credentials: IssuedCredentials }) {
  const { lang } = ctx;
  const title = t(lang, 'apiClients.createdTitle', { name });
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(lang, name)}>
      <h1>{title}</h1>
      <p class="notice" role="status">{t(lang, 'apiClients.secretOnce')}</p>
      <dl class="summary issued-credentials">
        {credentials.kind === 'apiKey' ? (
          <><dt>{t(lang, 'apiClients.apiKey')}</dt><dd><code class="secret">{credentials.apiKey}</code></dd></>
        ) : (
          <>
            <dt>{t(lang, 'apiClients.clientId')}</dt><dd><code class="client-id">{credentials.clientId}</code></dd>
            <dt>{t(lang, 'apiClients.clientSecret')}</dt><dd><code class="secret">{credentials.clientSecret}</code></dd>
          </>
        )}
      </dl>
      <p><a href="/quan-tri/ung-dung">{t(lang, 'apiClients.back')}</a></p>
    </Layout>
  );
}
