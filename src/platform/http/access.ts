import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAllowed } from '../auth/authorize.ts';
import { AppError } from './app-error.ts';

/**
 * Who may call a route, declared on the route itself (`config.access`), so the route table is the permission
 * table: `public`; `signedIn` (a person, or an officer past the second factor); `person` (a signed-in citizen or
 * business: their own dossiers and profile); or an officer permission.
 * Resource-level checks (whose dossier, which agency) still happen in the use cases through `authorize`.
 */
export type Access = 'public' | 'signedIn' | 'person' | { permission: string };

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
  return isAllowed(actor, access.permission);
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
    throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  });
  return table;
}
