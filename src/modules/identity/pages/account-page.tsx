import { t, type MessageKey } from '../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { AccountOverview } from '../get-account-overview.ts';
import { attributeLabel, displayValue, messageOr } from '../profile/attributes.ts';
import { OidcLinkBlock } from '../oidc/pages/oidc-pages.tsx';

const when = (lang: PageContext['lang'], d: Date) =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(new Date(d));

/** "Tài khoản của tôi": identity, data provenance (verified vs declared), roles, recent sign-ins. */
export function AccountPage({ ctx, overview }: { ctx: PageContext; overview: AccountOverview }) {
  const { lang } = ctx;
  const { account, attributes, roles, history, canReadReports } = overview;
  return (
    <Layout ctx={ctx} title={t(lang, 'account.title')} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'account.title') }]}>
      <h1>{t(lang, 'account.title')}</h1>
      <dl class="summary">
        <dt>{t(lang, 'account.name')}</dt><dd>{account.display_name}</dd>
        <dt>{t(lang, 'account.kind')}</dt><dd>{t(lang, `account.kind.${account.kind}` as MessageKey)}</dd>
        {account.email ? <><dt>{t(lang, 'account.email')}</dt><dd>{account.email}</dd></> : null}
        {account.phone ? <><dt>{t(lang, 'account.phone')}</dt><dd>{account.phone}</dd></> : null}
        {account.kind !== 'officer' ? <><dt>{t(lang, 'profile.channels.title')}</dt><dd>{account.notification_channels.map((c) => messageOr(lang, `profile.channels.${c}`, c)).join(', ')}</dd></> : null}
        {account.kind === 'officer' ? <><dt>{t(lang, 'mfa.title')}</dt><dd>{account.totp_enabled_at ? t(lang, 'account.mfaOn') : t(lang, 'account.mfaOff')}</dd></> : null}
      </dl>
      {attributes.length ? (
        <>
          <h2 id="profile">{t(lang, 'account.profile')}</h2>
          <div class="table-wrap" role="region" aria-labelledby="profile" tabIndex={0}>
            <table>
              <thead><tr><th scope="col">{t(lang, 'account.attribute')}</th><th scope="col">{t(lang, 'account.value')}</th><th scope="col">{t(lang, 'account.source')}</th></tr></thead>
              <tbody>{attributes.map((a) => (
                <tr>
                  <th scope="row">{attributeLabel(lang, a.name)}</th>
                  <td>{displayValue(lang, a.name, a.value)}</td>
                  <td class={a.verified ? 'provenance verified' : 'provenance declared'}>{a.verified ? t(lang, 'account.verifiedBy', { source: a.source, time: when(lang, a.recorded_at) }) : t(lang, 'account.declared')}</td>
                </tr>
              ))}</tbody>
            </table>
          </div>
        </>
      ) : null}
      <OidcLinkBlock ctx={ctx} accountKind={account.kind} linked={attributes.some((a) => a.verified && a.source === ctx.oidc?.citizen)} />
      {account.kind !== 'officer' ? (
        <nav aria-labelledby="manage">
          <h2 id="manage">{t(lang, 'profile.manage')}</h2>
          <ul class="link-list">
            <li><a href="/tai-khoan/thong-tin">{t(lang, 'profile.title')}</a></li>
            <li><a href="/tai-khoan/thong-bao">{t(lang, 'profile.channels.title')}</a></li>
            <li><a href="/tai-khoan/mat-khau">{t(lang, 'password.changeTitle')}</a></li>
            <li><a href="/tai-khoan/dong-tai-khoan">{t(lang, 'profile.close.title')}</a></li>
          </ul>
        </nav>
      ) : <p><a href="/tai-khoan/mat-khau">{t(lang, 'password.changeTitle')}</a></p>}
      {roles.length ? (
        <>
          <h2>{t(lang, 'account.roles')}</h2>
          <ul>{roles.map((r) => <li>{lang === 'en' ? r.name_en : r.name} — {r.agency_name}</li>)}</ul>
          {ctx.user?.admin ? <p><a href="/quan-tri/can-bo">{t(lang, 'admin.accountLink')}</a></p> : null}
          {canReadReports ? <p><a href="/quan-tri/thong-ke-truy-cap">{t(lang, 'stats.title')}</a></p> : null}
        </>
      ) : null}
      <h2 id="history">{t(lang, 'account.history')}</h2>
      {history.length ? (
        <div class="table-wrap" role="region" aria-labelledby="history" tabIndex={0}>
          <table>
            <thead><tr><th scope="col">{t(lang, 'account.when')}</th><th scope="col">{t(lang, 'account.event')}</th><th scope="col">{t(lang, 'account.from')}</th></tr></thead>
            <tbody>{history.map((h) => (
              <tr><td>{when(lang, h.at)}</td><td>{messageOr(lang, `event.${h.action}`, h.action)}</td><td>{h.ip ?? ''}</td></tr>
            ))}</tbody>
          </table>
        </div>
      ) : <p>—</p>}
    </Layout>
  );
}
