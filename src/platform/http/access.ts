import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAllowed } from '../auth/authorize.ts';
import { AppError } from './app-error.ts';

/**
 * Who may call a route, declared on the route itself (`config.access`), so the route table is the permission
 * table: `public`; `signedIn` (a person, or an officer past the second factor); `person` (a signed-in citizen or
 * business: their own dossiers and profile); an officer permission; or, for
 * machine routes, an API-client scope (issue 3 §3: only a client holding the scope passes, never a person).
 * Resource-level checks (whose dossier, which agency) still happen in the use cases through `authorize`.
 */
export type Access = 'public' | 'signedIn' | 'person' | { permission: string } | { scope: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export interface RouteAccess { method: string; url: string; access: Access }

export function accessAllows(request: Pick<FastifyRequest, 'actor'>, access: Access): boolean {
  const actor = request.actor;
  if (access === 'public') return true;
  if (access === 'signedIn') return actor.kind === 'person' || (actor.kind === 'officer' && actor.mfaVerified);
  if (access === 'person') return actor.kind === 'person';
  if ('scope' in access) return actor.kind === 'client' && actor.scopes.includes(access.scope);
  // Pages and back-office routes are for people: a client's scopes never open them, even if a name coincides.
  return actor.kind !== 'client' && isAllowed(actor, access.permission);
}

/** RFC 6750 §3 challenge for a machine route: how to authenticate, or which scope was missing. */
function bearerChallenge(access: { scope: string }, actor: FastifyRequest['actor']): string {
  return actor.kind === 'client'
    ? `Bearer realm="OpenDVC", error="insufficient_scope", scope="${access.scope}"`
    : `Bearer realm="OpenDVC", scope="${access.scope}"`;
}

/**
 * Registers the check and refuses to build an app with a route that declares no rule (deny by default at
 * build time, not just at run time). Returns the table of declared rules for the permission-matrix test.
 */
export function installAccessControl(app: FastifyInstance): RouteAccess[] {
  const table: RouteAccess[] = [];
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    const methods = [route.method].flat();
    if (!access) throw new Error(`Route ${methods.join(',')} ${route.url} declares no access rule (config.access).`);
    for (const method of methods) if (method !== 'HEAD') table.push({ method, url: route.url, access });
  });
  app.addHook('preHandler', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (!access || accessAllows(request, access)) return;
    const actor = request.actor;
    const page = request.method === 'GET' && !request.url.startsWith('/api/');
    // People following a link get where they can go on: the sign-in page, or the officer's second factor.
    if (page && actor.kind === 'anonymous') return reply.redirect(`/dang-nhap?next=${encodeURIComponent(request.url)}`, 303);
    if (page && actor.kind === 'officer' && !actor.mfaVerified) return reply.redirect('/dang-nhap/xac-thuc', 303);
    if (typeof access === 'object' && 'scope' in access) {
      reply.header('www-authenticate', bearerChallenge(access, actor));
      throw new AppError(actor.kind === 'client' ? 'forbidden' : 'unauthenticated');
    }
    throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  });
  return table;
}
