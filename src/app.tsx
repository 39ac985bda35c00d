import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Database } from './platform/db/tables.ts';
import type { UseCaseContext } from './platform/context.ts';
import { installAuthentication } from './platform/http/authentication.ts';
import { isAllowed } from './platform/auth/authorize.ts';
import { installAccessControl, type RouteAccess } from './platform/http/access.ts';
import { installErrorHandling } from './platform/http/error-handling.ts';
import { registerHealth } from './platform/http/health.ts';
import { registerLanguageSwitch } from './platform/http/language-switch.ts';
import { requestLang } from './platform/http/request-lang.ts';
import { createAjv } from './platform/validation/validator.ts';
import { ApiDocsPage } from './platform/views/api-docs-page.tsx';
import { ErrorPage } from './platform/views/error-page.tsx';
import { sendPage } from './platform/views/render.ts';
import { defaultSite } from './platform/views/site.ts';
import type { PageContext } from './platform/views/layout.tsx';
import { createCatalogCache } from './modules/catalog/catalog-cache.ts';
import { readSiteInfo } from './modules/catalog/read-site-info.ts';
import { registerCatalogApi } from './modules/catalog/routes.ts';
import { registerCatalogPages } from './modules/catalog/page-routes.tsx';
import { resolveSession } from './modules/identity/resolve-session.ts';
import { registerIdentityPages } from './modules/identity/page-routes.tsx';
import { registerRegistrationPages } from './modules/identity/registration/page-routes.tsx';
import { registerProfilePages } from './modules/identity/profile/page-routes.tsx';
import { installAccessStatistics } from './platform/analytics/install-access-statistics.ts';
import { registerAccessStatisticsPages } from './platform/analytics/page-routes.tsx';
import { registerOidcSignIn } from './modules/identity/oidc/routes.tsx';
import { oidcProvidersFromConfig } from './modules/identity/oidc/settings.ts';
import { registerOfficerAdminPages } from './modules/identity/admin/page-routes.tsx';
import { registerApiClients } from './modules/identity/api-clients/register.ts';
import { registerCalendarPages } from './modules/workflow/calendar/page-routes.tsx';
import { registerProcessPages } from './modules/workflow/process/page-routes.tsx';
import { registerDossierApi } from './modules/dossiers/routes.ts';
import { registerDossierPages } from './modules/dossiers/page-routes.tsx';
import { registerDeskPages } from './modules/dossiers/desk-page-routes.tsx';
import { registerApplicantSupplementPages } from './modules/dossiers/applicant-supplement-routes.tsx';
import { registerWorkPages } from './modules/dossiers/work-page-routes.tsx';
import { registerDeskIntakePages } from './modules/dossiers/desk-intake-routes.tsx';
import { registerOfficerSearchPages } from './modules/dossiers/officer-search-routes.tsx';
import { registerRegisterPages } from './modules/dossiers/register-routes.tsx';
import { registerProcessingPages } from './modules/dossiers/processing-page-routes.tsx';
import { registerNotificationPages } from './modules/notifications/page-routes.tsx';
import { countUnreadNotifications } from './modules/notifications/inbox.ts';
import { registerResultPages } from './modules/results/page-routes.tsx';
import { timestampSourceFrom } from './modules/results/signing/timestamp-from-config.ts';
import { sealingKeysFrom } from './modules/results/certificates/seal.ts';
import { clientSecuritySchemes } from './modules/identity/api-clients/api-routes.ts';
import { resolveClientCredential } from './modules/identity/api-clients/resolve-client-credential.ts';
import { sessionCookieName, type SessionPolicy } from './modules/identity/session-policy.ts';
import { createFileStore } from './platform/files/create-file-store.ts';
import type { FileStore } from './platform/files/file-store.ts';
import { registerMultipart } from './platform/files/multipart.ts';
import { registerPaymentPages } from './modules/payments/page-routes.tsx';
import { gatewayFromConfig } from './modules/payments/gateway/gateway-from-config.ts';
import type { ListenSource } from './platform/db/listen.ts';
import { dossierEventsChannel } from './modules/dossiers/dossier-event.ts';
import { createLiveHub } from './modules/notifications/live/live-hub.ts';
import { registerLiveUpdates } from './modules/notifications/live/live-routes.ts';
import { registerPostalPages } from './modules/postal/page-routes.tsx';
import { operatorFromConfig } from './modules/postal/operator/operator-from-config.ts';
import { registerOutboxPages } from './platform/outbox/page-routes.tsx';
import { registerNotificationTemplatePages } from './modules/notifications/templates/page-routes.tsx';

export interface AppOptions {
  config: Config;
  db: Kysely<Database>;
  /** Where attachments go; by default the one FILES_URL / DATA_DIR names. */
  files?: FileStore;
  /** Clock for use cases; tests pin it. */
  now?: () => Date;
  logger?: boolean;
  /**
   * Where dossier events are heard (the database handle's `listen`), for the pages' live updates (issue 5 §3).
   * Without it the stream endpoint still answers but carries no events (e.g. a benchmark building the app alone).
   */
  listen?: ListenSource;
}

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access rule: the permission table, read by the permission-matrix test. */
    routeAccess: RouteAccess[];
  }
}

/** Builds the HTTP application (portal, back office, API) from the modules. Listening is the caller's job. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, db } = options;
  const now = options.now ?? (() => new Date());
  let shuttingDown = false;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1_048_576,
    return503OnClosing: true,
  });
  app.addHook('onClose', async () => { shuttingDown = true; });

  // One validator for every schema (ARCHITECTURE principle 4); query strings and paths arrive as text and are coerced.
  const bodyAjv = createAjv();
  const textAjv = createAjv({ coerceTypes: true, removeAdditional: true });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : textAjv).compile(schema));
  // An HTML form sends its unselected filters as empty values ("agency="); they mean "not given".
  app.addHook('preValidation', async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    if (query) for (const key of Object.keys(query)) if (query[key] === '') delete query[key];
  });

  const secure = config.publicUrl.startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], fontSrc: ["'self'"],
        connectSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'self'"], objectSrc: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    max: config.RATE_LIMIT_PER_MINUTE, timeWindow: 60_000, allowList: config.rateLimitAllowlist,
    // Health probes come from the load balancer, which must never be locked out.
    skipOnError: true, keyGenerator: (request) => request.ip,
  });
  await app.register(formbody);
  await registerMultipart(app, { maxFileBytes: config.UPLOAD_MAX_MB * 1024 * 1024 });
  const files = options.files ?? createFileStore(config);
  const sessionPolicy: SessionPolicy = {
    idleMinutes: { person: config.SESSION_IDLE_MINUTES, officer: config.OFFICER_SESSION_IDLE_MINUTES },
    absoluteHours: { person: config.SESSION_ABSOLUTE_HOURS, officer: config.OFFICER_SESSION_ABSOLUTE_HOURS },
  };
  await installAuthentication(app, {
    cookieSecret: config.cookieSecret, secureCookies: secure, sessionCookie: sessionCookieName,
    resolveSession: async (token) => (await resolveSession(db, token, now(), sessionPolicy))?.actor ?? null,
    resolveClientCredential: (credential) => resolveClientCredential(db, credential, now()),
  });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', maxAge: 86_400_000, immutable: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'OpenDVC API', version: '1.0.0', description: 'API of the provincial Public Service Portal and Single-Window Information System.' },
      servers: [{ url: config.publicUrl }],
      tags: [{ name: 'catalog', description: 'Danh mục thủ tục hành chính' }, { name: 'oauth', description: 'Xác thực ứng dụng kết nối (OAuth 2.0)' }, { name: 'dossiers', description: 'Hồ sơ thủ tục hành chính' }],
      // How other systems' API clients authenticate (issue 3 §3); machine routes list them in their `security`.
      components: { securitySchemes: clientSecuritySchemes },
    },
  });

  const routeAccess = installAccessControl(app);
  app.decorate('routeAccess', routeAccess);
  const cache = createCatalogCache(db, config.CATALOG_CACHE_SECONDS * 1000);
  const context = (): UseCaseContext => ({ db, actor: { kind: 'anonymous' }, now: now() });
  const pageContext = async (request: FastifyRequest, reply?: FastifyReply): Promise<PageContext> => {
    const actor = request.actor;
    const user = actor.kind === 'person' || actor.kind === 'officer'
      ? {
        name: actor.name, officer: actor.kind === 'officer', admin: isAllowed(actor, 'officer.manage'), desk: isAllowed(actor, 'dossier.receive'),
        work: actor.kind === 'officer' && isAllowed(actor, 'dossier.read'),
        // One count on a partial index (migration 0019) per page: the unread notifications beside the inbox link.
        unread: await countUnreadNotifications(db, actor),
      } : undefined;
    return {
      lang: requestLang(request), site: await readSiteInfo(context(), cache), path: request.url, user,
      csrfToken: user && reply ? reply.generateCsrf() : undefined,
    };
  };

  installErrorHandling(app, async (request, reply, error) => {
    // The error may be the database itself: fall back to the default identity rather than fail twice.
    const ctx = await pageContext(request, reply).catch(() => ({ lang: requestLang(request), site: defaultSite, path: request.url }));
    return sendPage(reply, <ErrorPage ctx={ctx} error={error} />);
  });
  registerHealth(app, db, () => shuttingDown);
  registerLanguageSwitch(app, secure);
  registerCatalogApi(app, { context, cache });
  registerCatalogPages(app, { context, cache, publicUrl: config.publicUrl, pageContext });
  const oidc = registerOidcSignIn(app, {
    db, now, policy: sessionPolicy, secureCookies: secure, publicUrl: config.PUBLIC_URL ? config.publicUrl : undefined,
    providers: oidcProvidersFromConfig(config), pageContext,
  });
  registerIdentityPages(app, { db, now, policy: sessionPolicy, secureCookies: secure, pageContext: oidc.withOffers(pageContext) });
  registerRegistrationPages(app, { db, now, policy: sessionPolicy, secureCookies: secure, publicUrl: config.publicUrl, pageContext });
  registerProfilePages(app, { db, now, pageContext });
  installAccessStatistics(app, { db, now, flushSeconds: config.ACCESS_STATISTICS_FLUSH_SECONDS });
  registerAccessStatisticsPages(app, { db, now, pageContext });
  registerOfficerAdminPages(app, { db, now, publicUrl: config.publicUrl, pageContext });
  registerApiClients(app, { db, now, pageContext });
  registerCalendarPages(app, { db, now, pageContext });
  registerProcessPages(app, { db, now, pageContext });
  registerDossierApi(app, { db, now });
  registerDossierPages(app, { db, now, pageContext, publicUrl: config.publicUrl, files });
  registerDeskPages(app, { db, now, pageContext, publicUrl: config.publicUrl, files });
  registerApplicantSupplementPages(app, { db, now, pageContext, files });
  registerWorkPages(app, { db, now, pageContext });
  registerDeskIntakePages(app, { db, now, pageContext, files });
  registerOfficerSearchPages(app, { db, pageContext });
  registerRegisterPages(app, { db, now, pageContext });
  registerProcessingPages(app, { db, now, pageContext, publicUrl: config.publicUrl, files });
  registerNotificationPages(app, { db, now, pageContext });
  registerPaymentPages(app, { db, now, pageContext, gateway: gatewayFromConfig(config), publicUrl: config.PUBLIC_URL ? config.publicUrl : undefined });
  // live-updates (issue 5 §3): every committed dossier action reaches the open pages allowed to see it.
  const liveHub = createLiveHub();
  registerLiveUpdates(app, {
    db, hub: liveHub, heartbeatMs: config.LIVE_UPDATES_HEARTBEAT_SECONDS * 1000, maxStreamsPerSession: config.LIVE_UPDATES_MAX_STREAMS,
    recheckSession: async (token) => (await resolveSession(db, token, now(), sessionPolicy, { touch: false }))?.actor ?? null,
  });
  if (options.listen) {
    const stopListening = await options.listen(dossierEventsChannel, (payload) => liveHub.dispatch(payload));
    app.addHook('onClose', async () => { await stopListening(); });
  }
  registerResultPages(app, { db, now, pageContext, publicUrl: config.publicUrl, files, keys: sealingKeysFrom(config), timestamp: timestampSourceFrom(config), uploadMaxMb: config.UPLOAD_MAX_MB });
  registerPostalPages(app, { db, now, pageContext, operator: operatorFromConfig(config) });
  registerOutboxPages(app, { db, now, pageContext });
  registerNotificationTemplatePages(app, { db, now, pageContext, publicUrl: config.publicUrl });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
  app.get('/api/docs', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) =>
    sendPage(reply, <ApiDocsPage ctx={await pageContext(request, reply)} document={app.swagger() as never} />));

  return app;
}
