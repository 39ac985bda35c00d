import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { sessionCookieOptions } from '../../../platform/http/authentication.ts';
import type { PageContext } from '../../../platform/views/layout.tsx';
import { sendPage } from '../../../platform/views/render.ts';
import { hashSessionToken, sessionCookieName, type SessionPolicy } from '../session-policy.ts';
import { startSession } from '../start-session.ts';
import { beginOidcLogin, loginLifetimeMinutes } from './begin-oidc-login.ts';
import { completeOidcLogin } from './complete-oidc-login.ts';
import { createProviderClient, type ProviderClient } from './provider-client.ts';
import { attachProviderToSession, takeProviderOfSession } from './repository-oidc.ts';
import { signInWithNationalIdentity } from './sign-in-with-national-identity.ts';
import { signInWithOfficerSso } from './sign-in-with-officer-sso.ts';
import type { OidcProviderKey, OidcProviders } from './settings.ts';
import { OidcRefusedPage, ProviderSignOutPage, type OidcOffers, type OidcRefusal } from './pages/oidc-pages.tsx';
import { localPath } from '../../../platform/http/local-path.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * For sign-out: takes the provider's part off the session and answers with a sender that forwards the
     * browser to the provider's end_session_endpoint, or undefined when the session did not come from one.
     */
    oidcSignOut(request: FastifyRequest): Promise<((reply: FastifyReply) => Promise<FastifyReply>) | undefined>;
  }
}

export interface OidcDeps {
  db: Kysely<Database>;
  now: () => Date;
  policy: SessionPolicy;
  secureCookies: boolean;
  /** PUBLIC_URL when set; otherwise (development) the address the browser used. */
  publicUrl: string | undefined;
  providers: OidcProviders;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

export const callbackPath = '/dang-nhap/oidc/callback';
const loginCookie = 'oidc_login';
const loginCookiePath = '/dang-nhap/oidc';
const NextQuery = Type.Object({ next: Type.Optional(Type.String({ maxLength: 500 })) });

/**
 * Sign-in through OpenID Connect: citizens and businesses at the national provider, officers at the
 * province's SSO (issue 3 §1-2, G-10, P-06, P-13). Returns the page-context wrapper that tells the sign-in
 * and account pages which providers to offer.
 */
export function registerOidcSignIn(app: FastifyInstance, deps: OidcDeps): { withOffers: (pageContext: OidcDeps['pageContext']) => OidcDeps['pageContext'] } {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();
  const clients: Partial<Record<OidcProviderKey, ProviderClient>> = {};
  for (const settings of Object.values(deps.providers)) clients[settings.key] = createProviderClient(settings);
  const offers: OidcOffers = { citizen: deps.providers.citizen?.label, officer: deps.providers.officer?.label };
  const baseUrl = (request: FastifyRequest) => deps.publicUrl ?? `${request.protocol}://${request.host}`;
  const audit = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
  const loginCookieOptions = { ...sessionCookieOptions(deps.secureCookies, loginLifetimeMinutes * 60), path: loginCookiePath };

  const refused = async (request: FastifyRequest, reply: FastifyReply, reason: OidcRefusal, provider: string, status: number) =>
    sendPage(reply, <OidcRefusedPage ctx={await deps.pageContext(request, reply)} reason={reason} provider={provider} />, status);

  const begin = async (request: FastifyRequest, reply: FastifyReply, key: OidcProviderKey, link: boolean, next: string | undefined) => {
    const client = clients[key];
    if (!client) return refused(request, reply, 'notConfigured', '', 404);
    const { cookieValue, authorizationUrl } = await beginOidcLogin(deps.db, {
      client, actor: request.actor, link, returnTo: localPath(next), redirectUri: `${baseUrl(request)}${callbackPath}`, now: deps.now(),
    });
    reply.setCookie(loginCookie, cookieValue, loginCookieOptions);
    return reply.redirect(authorizationUrl.href, 303);
  };

  pages.get('/dang-nhap/oidc/cong-dan', { schema: { hide: true, querystring: NextQuery }, config: { access: 'public' } },
    async (request, reply) => begin(request, reply, 'citizen', false, request.query.next));
  pages.get('/dang-nhap/oidc/can-bo', { schema: { hide: true, querystring: NextQuery }, config: { access: 'public' } },
    async (request, reply) => begin(request, reply, 'officer', false, request.query.next));
  pages.get('/tai-khoan/lien-ket-dinh-danh', { schema: { hide: true }, config: { access: 'signedIn' } },
    async (request, reply) => begin(request, reply, 'citizen', true, '/tai-khoan'));

  pages.get(callbackPath, { schema: { hide: true }, config: { access: 'public', rateLimit: { max: 20, timeWindow: 60_000 } } }, async (request, reply) => {
    const now = deps.now();
    const completed = await completeOidcLogin(deps.db, {
      cookieValue: request.cookies[loginCookie], callbackUrl: new URL(request.url, baseUrl(request)), clients, ...audit(request), now,
    });
    reply.clearCookie(loginCookie, { path: loginCookiePath });
    if (!completed.ok) return refused(request, reply, completed.reason, '', completed.reason === 'loginNotFound' ? 400 : 502);
    const { client, identity } = completed;
    const settings = client.settings;
    let accountId: string;
    let officer = false;
    let target: string;
    if (settings.key === 'officer') {
      const outcome = await signInWithOfficerSso(deps.db, { settings, identity, ...audit(request), now });
      if (!outcome.ok) return refused(request, reply, outcome.reason, settings.label, 403);
      accountId = outcome.accountId;
      officer = true;
      target = outcome.mfa === 'verify' ? '/dang-nhap/xac-thuc' : '/dang-nhap/thiet-lap-xac-thuc';
    } else {
      const outcome = await signInWithNationalIdentity(deps.db, { settings, identity, actor: request.actor, ...audit(request), now });
      if (!outcome.ok) return refused(request, reply, outcome.reason, settings.label, 403);
      accountId = outcome.accountId;
      target = localPath(identity.login.return_to) ?? '/';
    }
    // Officers start without the second factor, exactly as after a password: SSO replaces the password only.
    const { token } = await deps.db.transaction().execute(async (trx) => {
      const started = await startSession(trx, { accountId, officer, mfaVerified: !officer, previousToken: request.sessionToken, ...audit(request), now, policy: deps.policy });
      await attachProviderToSession(trx, hashSessionToken(started.token), settings.key, identity.idToken);
      return started;
    });
    reply.setCookie(sessionCookieName, token, sessionCookieOptions(deps.secureCookies));
    return reply.redirect(target, 303);
  });

  app.decorate('oidcSignOut', async (request: FastifyRequest) => {
    if (!request.sessionToken) return undefined;
    const held = await takeProviderOfSession(deps.db, hashSessionToken(request.sessionToken));
    const client = held && clients[held.provider as OidcProviderKey];
    if (!held || !client) return undefined;
    // The provider being unreachable must not stop sign-out here: the local session ends regardless.
    const url = await client.endSessionUrl(held.idToken, `${baseUrl(request)}/`).catch(() => undefined);
    if (!url) return undefined;
    return async (reply: FastifyReply) => {
      const ctx = { ...(await deps.pageContext(request, reply)), user: undefined, csrfToken: undefined };
      reply.header('refresh', `0;url=${url.href}`);
      return sendPage(reply, <ProviderSignOutPage ctx={ctx} provider={client.settings.label} url={url.href} />);
    };
  });

  return {
    withOffers: (pageContext) => async (request, reply) => ({ ...(await pageContext(request, reply)), oidc: offers }),
  };
}
