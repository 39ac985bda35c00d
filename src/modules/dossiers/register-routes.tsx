import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { toFieldErrors } from '../../platform/validation/validator.ts';
import type { PageContext } from '../../platform/views/layout.tsx';
import { sendPage } from '../../platform/views/render.ts';
import { listUnits } from './desk-repository.ts';
import { getDossierRegister, renderDossierRegisterPdf, type RegisterQuery } from './get-dossier-register.ts';
import { DossierRegisterPage, registerPath, type RegisterParams } from './pages/dossier-register-page.tsx';
import { renderDossierControlSheet } from './render-control-sheet.ts';
import { readableUnitIds } from './search-dossiers.ts';
import { sendPdf } from './send-pdf.ts';

export interface RegisterPageDeps {
  db: Kysely<Database>;
  now: () => Date;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const read = { access: { permission: 'dossier.read' } } as const;
const day = Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }));
const Query = Type.Object({
  'don-vi': Type.Optional(Type.Integer({ minimum: 1 })), 'tu-ngay': day, 'den-ngay': day,
  kenh: Type.Optional(Type.Union([Type.Literal('online'), Type.Literal('desk'), Type.Literal('postal')])),
});
type Query = { 'don-vi'?: number; 'tu-ngay'?: string; 'den-ngay'?: string; kenh?: 'online' | 'desk' | 'postal' };
const toRegisterQuery = (q: Query): RegisterQuery => ({ unitId: q['don-vi'], from: q['tu-ngay'], to: q['den-ngay'], channel: q.kenh });

/** The control sheet (Mẫu 05) of a dossier and the register (Mẫu 06) of a unit, for officers who read dossiers (issue 4 §6). */
export function registerRegisterPages(app: FastifyInstance, deps: RegisterPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();

  pages.get('/xu-ly/ho-so/:id/phieu-kiem-soat', { schema: { hide: true, params: Type.Object({ id: Type.String({ format: 'uuid' }) }) }, config: read }, async (request, reply) =>
    sendPdf(reply, await renderDossierControlSheet(deps.db, request.actor, { dossierId: request.params.id })));

  pages.get(registerPath, { schema: { hide: true, querystring: Query }, attachValidation: true, config: read }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const params = Object.fromEntries(Object.entries(request.query as Record<string, unknown>).map(([k, v]) => [k, String(v)])) as RegisterParams;
    const units = await listUnits(deps.db, readableUnitIds(request.actor));
    if (request.validationError) {
      return sendPage(reply, <DossierRegisterPage ctx={ctx} params={params} units={units} errors={toFieldErrors(request.validationError.validation as never, ctx.lang)} />, 400);
    }
    try {
      const view = await getDossierRegister(deps.db, request.actor, deps.now(), ctx.lang, toRegisterQuery(request.query));
      return sendPage(reply, <DossierRegisterPage ctx={ctx} params={params} units={units} view={view} />);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validationFailed') throw error;
      return sendPage(reply, <DossierRegisterPage ctx={ctx} params={params} units={units} errors={error.fieldErrors} />, 400);
    }
  });

  pages.get(`${registerPath}.pdf`, { schema: { hide: true, querystring: Query }, config: read }, async (request, reply) =>
    sendPdf(reply, await renderDossierRegisterPdf(deps.db, request.actor, deps.now(), toRegisterQuery(request.query))));
}
