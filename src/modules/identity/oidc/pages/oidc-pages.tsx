import { t, type MessageKey } from '../../../../platform/i18n/messages.ts';
import { Layout, type PageContext } from '../../../../platform/views/layout.tsx';

/** The providers switched on, by label: what the sign-in and account pages offer (issue 3 §1-2). */
export interface OidcOffers {
  citizen?: string | undefined;
  officer?: string | undefined;
}

declare module '../../../../platform/views/layout.tsx' {
  interface PageContext {
    /** Identity providers this portal signs in with; absent when none is configured. */
    oidc?: OidcOffers | undefined;
  }
}

const withNext = (path: string, next: string | undefined) => (next ? `${path}?next=${encodeURIComponent(next)}` : path);

/** Buttons on the sign-in page. Plain links: the provider is another site, and a link needs no script. */
export function OidcSignInOptions({ ctx, next }: { ctx: PageContext; next?: string | undefined }) {
  const { lang, oidc } = ctx;
  if (!oidc?.citizen && !oidc?.officer) return null;
  return (
    <section class="oidc-options" aria-labelledby="oidc-options-title">
      <h2 id="oidc-options-title">{t(lang, 'oidc.orSignInWith')}</h2>
      <ul class="link-list">
        {oidc.citizen ? <li><a class="button-link" href={withNext('/dang-nhap/oidc/cong-dan', next)}>{t(lang, 'oidc.signInWith', { provider: oidc.citizen })}</a>
          <p class="hint">{t(lang, 'oidc.citizenHint')}</p></li> : null}
        {oidc.officer ? <li><a class="button-link secondary" href={withNext('/dang-nhap/oidc/can-bo', next)}>{t(lang, 'oidc.officerSignInWith', { provider: oidc.officer })}</a>
          <p class="hint">{t(lang, 'oidc.officerHint')}</p></li> : null}
      </ul>
    </section>
  );
}

/** On the account page of a citizen or business: link the national identity, or refresh the data it vouches for. */
export function OidcLinkBlock({ ctx, accountKind, linked }: { ctx: PageContext; accountKind: string; linked: boolean }) {
  const { lang, oidc } = ctx;
  if (!oidc?.citizen || accountKind === 'officer') return null;
  return (
    <section class="oidc-link" aria-labelledby="oidc-link-title">
      <h2 id="oidc-link-title">{t(lang, 'oidc.linkTitle', { provider: oidc.citizen })}</h2>
      <p>{t(lang, linked ? 'oidc.linkedText' : 'oidc.linkText', { provider: oidc.citizen })}</p>
      <p><a class="button-link" href="/tai-khoan/lien-ket-dinh-danh">{t(lang, linked ? 'oidc.refresh' : 'oidc.link', { provider: oidc.citizen })}</a></p>
    </section>
  );
}

export type OidcRefusal = 'notConfigured' | 'loginNotFound' | 'providerError' | 'invalidResponse' | 'accountDisabled' | 'emailInUse'
  | 'identityLinkedElsewhere' | 'accountLinkedToOther' | 'linkSessionChanged' | 'notOfficer';

/** Why a sign-in through a provider did not happen, and what to do instead. */
export function OidcRefusedPage({ ctx, reason, provider }: { ctx: PageContext; reason: OidcRefusal; provider: string }) {
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'oidc.refusedTitle')} crumbs={[{ href: '/', label: t(lang, 'nav.home') }, { label: t(lang, 'oidc.refusedTitle') }]}>
      <h1>{t(lang, 'oidc.refusedTitle')}</h1>
      <p class="lead" role="alert">{t(lang, `oidc.refused.${reason}` as MessageKey, { provider })}</p>
      <ul class="link-list">
        <li><a href="/dang-nhap">{t(lang, 'oidc.backToSignIn')}</a></li>
        <li><a href="/">{t(lang, 'errorPage.home')}</a></li>
      </ul>
    </Layout>
  );
}

/**
 * After sign-out here, on to the provider to end its session too. A redirect from the sign-out form would be
 * blocked by our Content-Security-Policy (form-action 'self'), so the browser is sent on by a Refresh header,
 * with a link for anyone whose browser does not follow it.
 */
export function ProviderSignOutPage({ ctx, provider, url }: { ctx: PageContext; provider: string; url: string }) {
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'oidc.signOutTitle', { provider })}>
      <h1>{t(lang, 'oidc.signOutTitle', { provider })}</h1>
      <p class="lead">{t(lang, 'oidc.signOutText', { provider })}</p>
      <p><a class="button-link" href={url}>{t(lang, 'oidc.signOutContinue', { provider })}</a></p>
    </Layout>
  );
}
