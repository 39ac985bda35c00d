import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t } from '../../platform/i18n/messages.ts';
import type { Access } from '../../platform/http/access.ts';
import type { PageContext } from '../../platform/views/layout.tsx';
import { sendPage } from '../../platform/views/render.ts';
import { cancelPostalOrder } from './cancel-postal-order.ts';
import { choosePostalService } from './choose-postal-service.ts';
import { getApplicantPostal, getDeskPostal } from './get-postal-view.ts';
import { handlePostalCallback } from './handle-postal-callback.ts';
import type { PostalOperator } from './operator/postal-operator.ts';
import { ApplicantPostalPage, DeskPostalPage } from './pages/postal-pages.tsx';
import { requestResultDelivery } from './request-postal-order.ts';

export interface PostalPageDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** The configured postal operator; undefined when the post is off. */
  operator: PostalOperator | undefined;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const Reference = Type.Object({ reference: Type.String({ maxLength: 40 }) });
const DossierId = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Form = Type.Record(Type.String(), Type.String({ maxLength: 1000 }));
const refused = (error: unknown) => error instanceof AppError && (error.code === 'validationFailed' || error.code === 'transitionNotAllowed' || error.code === 'notFound');

/** The post (issue 5 §4, P-15): the applicant's choice and tracking, the operator's callbacks, the desk's parcels. */
export function registerPostalPages(app: FastifyInstance, deps: PostalPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();

  pages.get('/ho-so-cua-toi/:reference/buu-chinh', { schema: { hide: true, params: Reference, querystring: Type.Object({ 'da-luu': Type.Optional(Type.String({ maxLength: 1 })) }) }, config: { access: 'person' } }, async (request, reply) => {
    const view = await getApplicantPostal(deps.db, request.actor, request.params.reference);
    return sendPage(reply, <ApplicantPostalPage ctx={await deps.pageContext(request, reply)} view={view} saved={request.query['da-luu'] !== undefined} />);
  });

  pages.post('/ho-so-cua-toi/:reference/buu-chinh', { schema: { hide: true, params: Reference, body: Form }, config: { access: 'person' } }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const body = request.body;
    try {
      await choosePostalService(deps.db, request.actor, deps.now(), ctx.lang, { reference: request.params.reference, sendPapers: body['sendPapers'] === '1', returnResult: body['returnResult'] === '1', posted: body });
      return reply.redirect(`/ho-so-cua-toi/${encodeURIComponent(request.params.reference)}/kiem-tra?buu-chinh=1`, 303);
    } catch (error) {
      if (!refused(error)) throw error;
      const e = error as AppError;
      const view = await getApplicantPostal(deps.db, request.actor, request.params.reference);
      const errors = e.fieldErrors.length ? e.fieldErrors : [{ path: '/', message: t(ctx.lang, e.messageKey, e.params) }];
      return sendPage(reply, <ApplicantPostalPage ctx={ctx} view={view} errors={errors} values={body} />, e.status);
    }
  });

  // The operator's server-to-server callback: no session, no CSRF token; trust comes from the HMAC of the raw body,
  // so this scope keeps JSON bodies as the exact text received.
  void app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post('/api/v1/postal/callback', {
      schema: { hide: true }, config: { access: 'public', csrfExempt: true, rateLimit: { max: 600, timeWindow: 60_000 } },
    }, async (request, reply) => {
      const raw = typeof request.body === 'string' ? request.body : '';
      const signature = request.headers['x-signature'];
      const result = await handlePostalCallback(deps.db, deps.operator, deps.now(), raw, typeof signature === 'string' ? signature : undefined);
      return reply.code(result.httpStatus).header('cache-control', 'no-store').send(result.body);
    });
  });

  pages.get('/mot-cua/ho-so/:id/buu-chinh', { schema: { hide: true, params: DossierId, querystring: Type.Object({ xong: Type.Optional(Type.String({ maxLength: 1 })) }) }, config: { access: { permission: 'dossier.read' } } }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const view = await getDeskPostal(deps.db, request.actor, request.params.id);
    return sendPage(reply, <DeskPostalPage ctx={ctx} view={view} notice={request.query.xong !== undefined ? t(ctx.lang, 'postal.deskDone') : undefined} />);
  });

  const desk: { access: Access } = { access: { permission: 'dossier.receive' } };
  const action = (path: string, run: (request: FastifyRequest<{ Params: { id: string }; Body: Record<string, string> }>, lang: PageContext['lang']) => Promise<unknown>) =>
    pages.post(`/mot-cua/ho-so/:id/buu-chinh/${path}`, { schema: { hide: true, params: DossierId, body: Form }, config: desk }, async (request, reply) => {
      const ctx = await deps.pageContext(request, reply);
      try {
        await run(request, ctx.lang);
        return reply.redirect(`/mot-cua/ho-so/${request.params.id}/buu-chinh?xong=1`, 303);
      } catch (error) {
        if (!refused(error)) throw error;
        const e = error as AppError;
        const view = await getDeskPostal(deps.db, request.actor, request.params.id);
        const errors = e.fieldErrors.length ? e.fieldErrors : [{ path: '/', message: t(ctx.lang, e.messageKey, e.params) }];
        return sendPage(reply, <DeskPostalPage ctx={ctx} view={view} errors={errors} values={request.body} />, e.status);
      }
    });
  action('gui-ket-qua', (request, lang) => requestResultDelivery(deps.db, request.actor, deps.now(), lang, { dossierId: request.params.id, posted: request.body, collectFees: request.body['collectFees'] === '1' }));
  action('huy', (request, lang) => cancelPostalOrder(deps.db, request.actor, deps.now(), lang, { dossierId: request.params.id, orderId: request.body['orderId'] ?? '' }));
}
