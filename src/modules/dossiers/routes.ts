import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { Problem } from '../catalog/api-schemas.ts';
import { trackDossier } from './track-dossier.ts';

const Instant = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

/** The dossiers' JSON API under /api/v1 (thin: parse, call the use case, reply). */
export function registerDossierApi(app: FastifyInstance, deps: { db: Kysely<Database> }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get('/api/v1/dossiers/:code/status', {
    schema: {
      operationId: 'trackDossier', tags: ['dossiers'], summary: 'Tra cứu tình trạng hồ sơ theo mã số (P-17)',
      description: 'Public lookup without signing in: only the code, the procedure, the status (1-10, TT22 Appendix I), the receiving agency and the dates. Never the applicant\'s data or files.',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 60, description: 'Dossier code (CODE-01)' }) }),
      response: {
        200: Type.Object({
          code: Type.String(), procedure: Type.Object({ code: Type.String(), name: Type.String() }), status: Type.Integer({ minimum: 1, maximum: 10 }),
          receivingAgency: Type.String(), receivedAt: Instant, dueAt: Instant, resolvedAt: Instant, returnedAt: Instant,
        }),
        404: Problem,
      },
    },
    config: { access: 'public' },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return trackDossier(deps.db, request.params.code);
  });
}
