import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { Actor } from '../context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling: resolved from the session cookie on every request (anonymous without one). */
    actor: Actor;
    /** The raw session token, when the request carries a live one (for sign-out and rotation). */
    sessionToken: string | undefined;
  }
}

export type SessionResolver = (token: string) => Promise<Actor | null>;

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookies, the session → actor hook and CSRF protection. Every state-changing request must carry the CSRF
 * token (form field `_csrf` or header `x-csrf-token`) matching the signed secret cookie; pages get one from
 * `reply.generateCsrf()`.
 */
export async function installAuthentication(app: FastifyInstance, options: {
  cookieSecret: string; secureCookies: boolean; sessionCookie: string; resolveSession: SessionResolver;
}): Promise<void> {
  await app.register(cookie, { secret: options.cookieSecret });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: options.secureCookies ? '__Host-csrf' : 'csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: options.secureCookies },
    getToken: (request: FastifyRequest) => {
      const body = request.body as Record<string, unknown> | undefined;
      const fromBody = typeof body?.['_csrf'] === 'string' ? body['_csrf'] : undefined;
      return fromBody ?? (request.headers['x-csrf-token'] as string | undefined);
    },
  });
  // Fastify wants request decorations declared up front for stable object shapes; the hook sets the value.
  const anonymous: Actor = { kind: 'anonymous' };
  const actors = new WeakMap<FastifyRequest, Actor>();
  app.decorateRequest('actor', {
    getter(this: FastifyRequest) { return actors.get(this) ?? anonymous; },
    setter(this: FastifyRequest, actor: Actor) { actors.set(this, actor); },
  });
  app.decorateRequest('sessionToken', undefined);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[options.sessionCookie];
    if (!token) return;
    const actor = await options.resolveSession(token);
    if (actor) {
      request.actor = actor;
      request.sessionToken = token;
    }
  });
  app.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void) => {
    if (safeMethods.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });
}

export function sessionCookieOptions(secure: boolean, maxAgeSeconds?: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }) };
}
