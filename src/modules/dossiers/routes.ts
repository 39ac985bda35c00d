import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { Problem } from '../catalog/api-schemas.ts';
import { requestLang } from '../../platform/http/request-lang.ts';
import { receiveDossier } from './receive-dossier.ts';
import { submitDossier } from './submit-dossier.ts';
import { trackDossier } from './track-dossier.ts';

const Instant = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

/** The dossiers' JSON API under /api/v1 (thin: parse, call the use case, reply). */
export function registerDossierApi(app: FastifyInstance, deps: { db: Kysely<Database>; now: () => Date }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post('/api/v1/dossiers', {
    schema: {
      operationId: 'submitDossier', tags: ['dossiers'], summary: 'Nộp hồ sơ trực tuyến (ST-01)',
      description: 'Files a dossier in the signed-in person\'s name under the published version of a procedure. The Idempotency-Key header is required: the same key always answers with the same dossier (201 the first time, 200 after), so retries never file twice. formData is checked against the e-form of the chosen case (its JSON Schema, as published in the procedure) with a field error per answer at /formData/<field>; verified profile values replace what is sent. Cookie sessions send the CSRF token in x-csrf-token.',
      headers: Type.Object({ 'idempotency-key': Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9._:-]+$', description: 'Chosen by the client, one per submission' }) }),
      body: Type.Object({
        procedureCode: Type.String({ minLength: 1, maxLength: 60 }), caseCode: Type.String({ minLength: 1, maxLength: 40 }),
        receivingAgencyCode: Type.String({ minLength: 1, maxLength: 35 }), summary: Type.Optional(Type.String({ maxLength: 500 })),
        formData: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({ id: Type.String(), reference: Type.String(), created: Type.Boolean() }),
        201: Type.Object({ id: Type.String(), reference: Type.String(), created: Type.Boolean() }),
        400: Problem, 401: Problem, 403: Problem, 404: Problem,
      },
    },
    config: { access: 'person' },
  }, async (request, reply) => {
    const result = await submitDossier(deps.db, request.actor, deps.now(), requestLang(request), {
      ...request.body, formData: request.body.formData ?? {}, idempotencyKey: request.headers['idempotency-key'], checkEForm: true,
    });
    return reply.code(result.created ? 201 : 200).send(result);
  });

  api.post('/api/v1/dossiers/:id/reception', {
    schema: {
      operationId: 'receiveDossier', tags: ['dossiers'], summary: 'Tiếp nhận hồ sơ (ST-02)',
      description: 'The one-stop desk accepts a dossier: it gets its dossier code (CODE-01) and its due date from now by the legal clock.',
      params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      response: { 200: Type.Object({ code: Type.String(), dueAt: Instant }), 403: Problem, 404: Problem, 409: Problem },
    },
    config: { access: { permission: 'dossier.receive' } },
  }, async (request) => {
    const { code, dueAt } = await receiveDossier(deps.db, request.actor, deps.now(), request.params.id);
    return { code, dueAt: dueAt?.toISOString() ?? null };
  });
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
