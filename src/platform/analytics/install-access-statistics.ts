import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { createPageViewRecorder, type PageViewRecorder } from './page-view-recorder.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The page-view counter; tests flush it instead of waiting for the timer. */
    accessStatistics: PageViewRecorder;
  }
}

/**
 * A page view is a successful GET of an HTML page: API calls, static files, health checks, redirects and errors
 * are not. It is counted under its route pattern (`/thu-tuc/:code`), never the raw URL with its query string.
 */
export function pageViewRoute(request: FastifyRequest, reply: FastifyReply): string | undefined {
  if (request.method !== 'GET' || reply.statusCode !== 200) return undefined;
  const route = request.routeOptions.url;
  if (!route || route.startsWith('/api/') || route.startsWith('/assets/') || route === '/healthz' || route === '/readyz') return undefined;
  const type = reply.getHeader('content-type');
  return typeof type === 'string' && type.startsWith('text/html') ? route : undefined;
}

/** Counts page views (P-14; issue 3 §5) and flushes them every `flushSeconds` and on shutdown. */
export function installAccessStatistics(app: FastifyInstance, deps: { db: Kysely<Database>; now: () => Date; flushSeconds: number }): void {
  const recorder = createPageViewRecorder(deps.db);
  app.decorate('accessStatistics', recorder);
  let timer: NodeJS.Timeout | undefined;
  const flush = () => recorder.flush(deps.now()).catch((error: unknown) => app.log.error({ err: error }, 'access statistics flush failed'));

  app.addHook('onReady', async () => {
    // Loads today's key before the first request; a database hiccup here must not stop the portal.
    await flush();
    timer = setInterval(() => void flush(), deps.flushSeconds * 1000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await flush();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = pageViewRoute(request, reply);
    if (route) recorder.record(route, request.ip, request.headers['user-agent'] ?? '', deps.now());
    done();
  });
}
