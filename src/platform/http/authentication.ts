import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { Actor } from '../context.ts';
import { AppError } from './app-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling: resolved from the session cookie on every request (anonymous without one). */
    actor: Actor;
    /** The raw session token, when the request carries a live one (for sign-out and rotation). */
    sessionToken: string | undefined;
  }
  interface FastifyContextConfig {
    /**
     * Skips the CSRF check: only for an endpoint that authenticates its caller from the request body or headers
     * and never from cookies (the OAuth token endpoint, whose caller proves itself with client credentials).
     */
    csrfExempt?: true;
  }
}

export type SessionResolver = (token: string) => Promise<Actor | null>;
/** Resolves an API key or OAuth access token to the API client behind it (issue 3 §3), or null if not valid now. */
export type ClientCredentialResolver = (credential: string) => Promise<Extract<Actor, { kind: 'client' }> | null>;

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The credential of another system: `Authorization: Bearer <key or token>` or `X-API-Key: <key>`. */
function presentedCredential(request: FastifyRequest): string | undefined {
  const bearer = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '');
  if (bearer) return bearer[1];
  const key = request.headers['x-api-key'];
  return typeof key === 'string' && key !== '' ? key : undefined;
}

/**
 * Cookies, the session → actor hook, API-client credentials and CSRF protection. Every state-changing request
 * authenticated by cookie must carry the CSRF token (form field `_csrf`, header `x-csrf-token`, or for multipart
 * uploads `?_csrf=` in the form's action) matching the
 * signed secret cookie; pages get one from `reply.generateCsrf()`. A request authenticated by an API key or
 * access token and carrying no session cookie is exempt: a browser never adds those headers on its own, so it
 * cannot be forged cross-site, and there is no cookie for CSRF to protect.
 */
export async function installAuthentication(app: FastifyInstance, options: {
  cookieSecret: string; secureCookies: boolean; sessionCookie: string; resolveSession: SessionResolver;
  resolveClientCredential: ClientCredentialResolver;
}): Promise<void> {
  await app.register(cookie, { secret: options.cookieSecret });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: options.secureCookies ? '__Host-csrf' : 'csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: options.secureCookies },
    getToken: (request: FastifyRequest) => {
      const body = request.body as Record<string, unknown> | undefined;
      const fromBody = typeof body?.['_csrf'] === 'string' ? body['_csrf'] : undefined;
      return fromBody ?? (request.headers['x-csrf-token'] as string | undefined) ?? multipartToken(request);
    },
  });
  // Without a CSRF cookie yet, every generateCsrf() call makes a new secret and sets the cookie again, so the
  // token of an earlier form on the same page (the header's sign-out button) would no longer match: one token
  // per response.
  app.addHook('onRequest', async (_request, reply) => {
    const generate = reply.generateCsrf.bind(reply);
    let token: string | undefined;
    reply.generateCsrf = (opts) => (token ??= generate(opts));
  });
  // Fastify wants request decorations declared up front for stable object shapes; the hook sets the value.
  const anonymous: Actor = { kind: 'anonymous' };
  const actors = new WeakMap<FastifyRequest, Actor>();
  app.decorateRequest('actor', {
    getter(this: FastifyRequest) { return actors.get(this) ?? anonymous; },
    setter(this: FastifyRequest, actor: Actor) { actors.set(this, actor); },
  });
  app.decorateRequest('sessionToken', undefined);
  const byCredential = new WeakSet<FastifyRequest>();
  app.addHook('onRequest', async (request, reply) => {
    const credential = presentedCredential(request);
    if (credential !== undefined) {
      // A bad, revoked or expired credential is refused outright rather than downgraded to anonymous, so the
      // caller learns at once (RFC 6750 §3.1) instead of getting a public answer it did not ask for.
      const client = await options.resolveClientCredential(credential);
      if (!client) {
        reply.header('www-authenticate', 'Bearer realm="OpenDVC", error="invalid_token"');
        throw new AppError('unauthenticated');
      }
      request.actor = client;
      byCredential.add(request);
      return;
    }
    const token = request.cookies[options.sessionCookie];
    if (!token) return;
    const actor = await options.resolveSession(token);
    if (actor) {
      request.actor = actor;
      request.sessionToken = token;
    }
  });
  app.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (safeMethods.has(request.method) || request.routeOptions.config.csrfExempt) return done();
    // Without a session cookie there is nothing for CSRF to protect when the caller proves itself by header, or
    // on a machine route, which no cookie-authenticated caller can pass (it answers 401 with a challenge instead).
    const access = request.routeOptions.config.access;
    const machineRoute = typeof access === 'object' && 'scope' in access;
    if ((byCredential.has(request) || machineRoute) && request.cookies[options.sessionCookie] === undefined) return done();
    app.csrfProtection(request, reply, done);
  });
}

/**
 * A multipart body is streamed by the handler, after this check, so its `_csrf` field cannot be seen here. Upload
 * forms (which must work without JavaScript) put the token in their action URL instead; it is accepted only for
 * multipart requests, so no other form can be driven by a link. The token is not a credential: without the
 * signed cookie it proves nothing, and pages send no referrer to other origins.
 */
function multipartToken(request: FastifyRequest): string | undefined {
  if (!request.isMultipart()) return undefined;
  const token = (request.query as Record<string, unknown> | undefined)?.['_csrf'];
  return typeof token === 'string' ? token : undefined;
}

export function sessionCookieOptions(secure: boolean, maxAgeSeconds?: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }) };
}
