import type { ComponentChildren } from 'preact';
import { t, type Lang } from '../i18n/messages.ts';
import type { SiteInfo } from './site.ts';

export interface PageContext {
  lang: Lang;
  site: SiteInfo;
  /** Path and query of the current page, for the language switch. */
  path: string;
  /** The signed-in person or officer, shown in the header with a sign-out button. */
  user?: {
    name: string; officer: boolean;
    /** Holds officer.manage: the navigation links to administration. */ admin?: boolean;
    /** Holds dossier.receive somewhere: the navigation links to the one-stop desk. */ desk?: boolean;
    /** Holds dossier.read somewhere: the navigation links to the officer's work queue (issue 4 §5). */ work?: boolean;
    /** How many of the account's notifications are unread (issue 4 §5): shown beside the inbox link. */ unread?: number;
  } | undefined;
  /** CSRF token for the forms of this page (the sign-out button, at least, when signed in). */
  csrfToken?: string | undefined;
}

export interface Crumb { href?: string; label: string }

interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  crumbs?: Crumb[];
  canonical?: string;
  children: ComponentChildren;
}

/** The shell of every portal page: header with logo and full agency name, navigation, main area, footer (OTHER-04). */
export function Layout({ ctx, title, description, crumbs, canonical, children }: LayoutProps) {
  const { lang, site } = ctx;
  const m = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t(lang, key, params);
  const portalName = lang === 'en' ? site.portalNameEn : site.portalName;
  const ownerName = lang === 'en' ? site.ownerNameEn : site.ownerName;
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${portalName}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <link rel="stylesheet" href="/assets/site.css" />
        <link rel="icon" href="/assets/logo.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">{m('layout.skipToContent')}</a>
        <header class="site-header">
          <div class="container header-inner">
            <a class="brand" href="/">
              <img src="/assets/logo.svg" alt={m('layout.logoAlt')} width="56" height="56" />
              <span class="brand-text">
                <span class="brand-owner">{ownerName}</span>
                <span class="brand-portal">{portalName}</span>
              </span>
            </a>
            <div class="header-tools">
              {ctx.user ? (
                <a href="/thong-bao" class="inbox-link">
                  {m('inbox.nav')}
                  {ctx.user.unread ? <> <span class="inbox-count">{ctx.user.unread}</span><span class="visually-hidden"> {m('inbox.unreadSuffix')}</span></> : null}
                </a>
              ) : null}
              {ctx.user ? (
                <form method="post" action="/dang-xuat" class="sign-out">
                  <a href="/tai-khoan" class="account-link">{ctx.user.name}</a>
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <button type="submit" class="link-button">{m('nav.signOut')}</button>
                </form>
              ) : <a class="sign-in-link" href="/dang-nhap">{m('nav.signIn')}</a>}
              <a class="lang-switch" href={`/ngon-ngu?lang=${other}&next=${encodeURIComponent(ctx.path)}`} hreflang={other} lang={other}>
                {other === 'en' ? 'English' : 'Tiếng Việt'}
              </a>
            </div>
          </div>
          <nav class="site-nav" aria-label={m('layout.mainNav')}>
            <ul class="container">
              <li><a href="/">{m('nav.home')}</a></li>
              <li><a href="/thu-tuc">{m('nav.procedures')}</a></li>
              <li><a href="/dich-vu-cong-truc-tuyen">{m('nav.onlineServices')}</a></li>
              <li><a href="/co-quan">{m('nav.agencies')}</a></li>
              <li><a href="/tra-cuu-ho-so">{m('nav.track')}</a></li>
              {ctx.user && !ctx.user.officer ? <li><a href="/ho-so-cua-toi">{m('nav.myDossiers')}</a></li> : null}
              {ctx.user?.desk ? <li><a href="/mot-cua/ho-so">{m('nav.desk')}</a></li> : null}
              {ctx.user?.work ? <li><a href="/xu-ly">{m('nav.work')}</a></li> : null}
              {ctx.user?.work ? <li><a href="/xu-ly/tra-cuu">{m('officerSearch.nav')}</a></li> : null}
              {ctx.user?.work ? <li><a href="/xu-ly/so-theo-doi">{m('deskRegister.nav')}</a></li> : null}
              <li><a href="/so-do-trang">{m('nav.siteMap')}</a></li>
              {ctx.user?.admin ? <li><a href="/quan-tri/can-bo">{m('admin.nav')}</a></li> : null}
            </ul>
          </nav>
        </header>
        {crumbs && crumbs.length ? (
          <nav class="container crumbs" aria-label={m('layout.breadcrumbs')}>
            <ol>
              {crumbs.map((c) => (
                <li>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
              ))}
            </ol>
          </nav>
        ) : null}
        <main id="main" class="container" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p class="footer-owner">{m('footer.owner', { owner: ownerName })}</p>
            {site.responsible ? <p>{m('footer.responsible', { name: site.responsible })}</p> : null}
            <address>
              {site.address ? <span>{m('footer.address', { address: site.address })}</span> : null}
              {site.phone ? <span>{m('footer.phone')} <a href={`tel:${site.phone.replace(/[^\d+]/g, '')}`}>{site.phone}</a></span> : null}
              {site.hotline ? <span>{m('footer.hotline')} <a href={`tel:${site.hotline.replace(/[^\d+]/g, '')}`}>{site.hotline}</a></span> : null}
              {site.email ? <span>{m('footer.email')} <a href={`mailto:${site.email}`}>{site.email}</a></span> : null}
            </address>
            <p class="footer-links"><a href="/so-do-trang">{m('nav.siteMap')}</a> · <a href="/api/docs">{m('nav.apiDocs')}</a></p>
          </div>
        </footer>
      </body>
    </html>
  );
}
