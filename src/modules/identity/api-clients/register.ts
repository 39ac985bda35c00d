import type { FastifyInstance } from 'fastify';
import { registerClientApi } from './api-routes.ts';
import { registerOAuthRoutes } from './oauth-routes.ts';
import { registerApiClientPages, type ApiClientPageDeps } from './page-routes.tsx';

/** Everything API clients need: the token endpoint, their machine routes and the administration pages. */
export function registerApiClients(app: FastifyInstance, deps: ApiClientPageDeps): void {
  registerOAuthRoutes(app, deps);
  registerClientApi(app, deps);
  registerApiClientPages(app, deps);
}
