import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

/** `/healthz`: the process answers. `/readyz`: it can serve traffic (database reachable, not shutting down). */
export function registerHealth(app: FastifyInstance, db: Kysely<Database>, isShuttingDown: () => boolean): void {
  app.get('/healthz', { schema: { hide: true }, config: { access: 'public' } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) => {
    if (isShuttingDown()) return reply.code(503).send({ status: 'shutting-down' });
    try {
      await sql`SELECT 1`.execute(db);
      return { status: 'ready' };
    } catch (error) {
      app.log.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'database-unavailable' });
    }
  });
}
