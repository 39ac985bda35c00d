import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t } from '../../platform/i18n/messages.ts';
import type { PageContext } from '../../platform/views/layout.tsx';
import { sendPage } from '../../platform/views/render.ts';
import { completeSupplement } from './complete-supplement.ts';
import { forwardDossier } from './forward-dossier.ts';
import { getOfficerDossier } from './get-officer-dossier.ts';
import { deskQueues, listDeskQueue, type DeskQueue } from './list-desk-queue.ts';
import { DeskQueuePage } from './pages/desk-queue-page.tsx';
import { OfficerDossierPage } from './pages/officer-dossier-page.tsx';
import { summariseDossierResults } from '../results/dossier-result-summary.ts';
import { receiveDossier } from './receive-dossier.ts';
import { refuseReception } from './refuse-reception.ts';
import { requestSupplement } from './request-supplement.ts';
import { returnResult } from './return-result.ts';
import { openDossierNotice } from './open-dossier-notice.ts';
import { sendNotice } from './send-pdf.ts';

export interface DeskPageDeps {
  db: Kysely<Database>;
  publicUrl: string;
  /** Attachment storage (platform/files). */
  files: FileStore;
  now: () => Date;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const queueNames = Object.keys(deskQueues) as DeskQueue[];
const desk = { access: { permission: 'dossier.receive' } } as const;
const Params = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Form = Type.Record(Type.String(), Type.String({ maxLength: 1000 }));

/** The one-stop desk in the back office: queues, a dossier's page and the reception actions (issue 4 §4). */
export function registerDeskPages(app: FastifyInstance, deps: DeskPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();

  pages.get('/mot-cua/ho-so', {
    schema: { hide: true, querystring: Type.Object({ hang: Type.Optional(Type.Union(queueNames.map((q) => Type.Literal(q)))), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }) },
    config: desk,
  }, async (request, reply) => {
    const view = await listDeskQueue(deps.db, request.actor, deps.now(), { queue: request.query.hang ?? 'toReceive', page: request.query.page ?? 1 });
    return sendPage(reply, <DeskQueuePage ctx={await deps.pageContext(request, reply)} view={view} />);
  });

  pages.get('/mot-cua/ho-so/:id', { schema: { hide: true, params: Params, querystring: Type.Object({ xong: Type.Optional(Type.String({ maxLength: 60 })) }) }, config: desk }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const view = await getOfficerDossier(deps.db, request.actor, request.params.id, deps.now(), ctx.lang);
    const notice = request.query.xong !== undefined ? t(ctx.lang, 'desk.done', { code: request.query.xong || view.dossier.reference }) : undefined;
    return sendPage(reply, <OfficerDossierPage ctx={ctx} view={view} results={await summariseDossierResults(deps.db, request.actor, view.dossier)} notice={notice} />);
  });

  pages.get('/mot-cua/ho-so/:id/phieu/:seq', { schema: { hide: true, params: Type.Object({ id: Type.String({ format: 'uuid' }), seq: Type.Integer({ minimum: 1 }) }) }, config: desk }, async (request, reply) =>
    sendNotice(reply, await openDossierNotice(deps.db, deps.files, request.actor, { dossierId: request.params.id, seq: request.params.seq, publicUrl: deps.publicUrl })));

  /** Every desk action: run it, then back to the dossier; a refused rule re-renders the page with its messages. */
  const action = (path: string, run: (request: FastifyRequest<{ Params: { id: string }; Body: Record<string, string> }>, lang: PageContext['lang']) => Promise<string | void>) =>
    pages.post(`/mot-cua/ho-so/:id/${path}`, { schema: { hide: true, params: Params, body: Form }, config: desk }, async (request, reply) => {
      const ctx = await deps.pageContext(request, reply);
      try {
        const done = await run(request, ctx.lang);
        return reply.redirect(`/mot-cua/ho-so/${request.params.id}?xong=${encodeURIComponent(done ?? '')}`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || (error.code !== 'validationFailed' && error.code !== 'transitionNotAllowed')) throw error;
        const view = await getOfficerDossier(deps.db, request.actor, request.params.id, deps.now(), ctx.lang);
        const errors = error.fieldErrors.length ? error.fieldErrors : [{ path: '/', message: t(ctx.lang, error.messageKey, error.params) }];
        return sendPage(reply, <OfficerDossierPage ctx={ctx} view={view} errors={errors} />, error.status);
      }
    });

  action('tiep-nhan', async (request) => (await receiveDossier(deps.db, request.actor, deps.now(), request.params.id)).code);
  action('tu-choi', async (request, lang) => { await refuseReception(deps.db, request.actor, deps.now(), lang, { dossierId: request.params.id, reason: request.body['reason'] ?? '' }); });
  action('yeu-cau-bo-sung', async (request, lang) => {
    const items = Array.from({ length: 5 }, (_, i) => ({ name: request.body[`item${i}`]?.trim() ?? '', reason: request.body[`reason${i}`]?.trim() ?? '' }))
      .filter((item) => item.name || item.reason);
    await requestSupplement(deps.db, request.actor, deps.now(), lang, {
      dossierId: request.params.id, items, guidance: request.body['guidance'], repeatJustification: request.body['repeatJustification'],
    });
  });
  action('da-bo-sung', async (request) => { await completeSupplement(deps.db, request.actor, deps.now(), { dossierId: request.params.id, note: request.body['note'] }); });
  // To the next step of the dossier's pinned process (issue 4 §5): the handling step and its unit.
  action('chuyen-xu-ly', async (request, lang) => { await forwardDossier(deps.db, request.actor, deps.now(), { dossierId: request.params.id }, lang); });
  action('tra-ket-qua', async (request, lang) => {
    const channel = request.body['channel'] === 'postal' || request.body['channel'] === 'online' ? request.body['channel'] : 'desk';
    await returnResult(deps.db, request.actor, deps.now(), lang, { dossierId: request.params.id, channel });
  });
}
