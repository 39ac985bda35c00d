import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { PageContext } from '../../platform/views/layout.tsx';
import { sendPage } from '../../platform/views/render.ts';
import { getApplicantDossier } from './get-applicant-dossier.ts';
import { listMyDossiers } from './list-my-dossiers.ts';
import { ApplicantDossierPage, MyDossiersPage } from './pages/my-dossiers-page.tsx';
import { TrackPage } from './pages/track-page.tsx';
import { trackDossier } from './track-dossier.ts';
import { randomUUID } from 'node:crypto';
import { toFieldErrors } from '../../platform/validation/validator.ts';
import { t } from '../../platform/i18n/messages.ts';
import { getFilingForm } from './get-filing-form.ts';
import { FilingPage } from './pages/filing-page.tsx';
import { submitDossier } from './submit-dossier.ts';
import { openDossierNotice } from './open-dossier-notice.ts';
import { startDraft } from './start-draft.ts';
import { registerDraftPages } from './draft-page-routes.tsx';
import { formPagePath } from './pages/draft-pages.tsx';
import { renderDossierNotice } from './render-dossier-notice.ts';
import { findDossierByReference } from './repository.ts';
import { sendNotice } from './send-pdf.ts';

export interface DossierPageDeps {
  db: Kysely<Database>;
  now: () => Date;
  publicUrl: string;
  /** Attachment storage (platform/files). */
  files: FileStore;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

/** The applicant's side of dossiers: public tracking, "my dossiers" and each dossier's timeline (P-12, P-17). */
export function registerDossierPages(app: FastifyInstance, deps: DossierPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();

  pages.get('/tra-cuu-ho-so', { schema: { hide: true, querystring: Type.Object({ ma: Type.Optional(Type.String({ maxLength: 60 })) }) }, config: { access: 'public' } }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const code = request.query.ma?.trim() ?? '';
    if (!code) return sendPage(reply, <TrackPage ctx={ctx} code="" />);
    try {
      return sendPage(reply, <TrackPage ctx={ctx} code={code} result={await trackDossier(deps.db, code)} />);
    } catch (error) {
      if (error instanceof AppError && error.code === 'dossierNotFound') return sendPage(reply, <TrackPage ctx={ctx} code={code} notFound />, 404);
      throw error;
    }
  });

  pages.get('/ho-so-cua-toi', { schema: { hide: true, querystring: Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })), 'da-xoa': Type.Optional(Type.String({ maxLength: 40 })) }) }, config: { access: 'person' } }, async (request, reply) => {
    const list = await listMyDossiers(deps.db, request.actor, request.query.page ?? 1);
    const ctx = await deps.pageContext(request, reply);
    const notice = request.query['da-xoa'] ? t(ctx.lang, 'eform.draft.discarded', { reference: request.query['da-xoa'] }) : undefined;
    return sendPage(reply, <MyDossiersPage ctx={ctx} list={list} notice={notice} />);
  });

  pages.get('/ho-so-cua-toi/:reference', {
    schema: { hide: true, params: Type.Object({ reference: Type.String({ maxLength: 40 }) }), querystring: Type.Object({ 'da-nop': Type.Optional(Type.String({ maxLength: 1 })) }) },
    config: { access: 'person' },
  }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const view = await getApplicantDossier(deps.db, request.actor, request.params.reference, ctx.lang, deps.now());
    if (view.dossier.status === 0) return reply.redirect(`/ho-so-cua-toi/${encodeURIComponent(view.dossier.reference)}/tiep-tuc`, 303);
    const notice = request.query['da-nop'] !== undefined ? t(ctx.lang, 'filing.done', { reference: view.dossier.reference }) : undefined;
    return sendPage(reply, <ApplicantDossierPage ctx={ctx} view={view} notice={notice} />);
  });

  const Code = Type.Object({ code: Type.String({ maxLength: 60 }) });
  pages.get('/thu-tuc/:code/nop-ho-so', { schema: { hide: true, params: Code }, config: { access: 'person' } }, async (request, reply) => {
    const form = await getFilingForm(deps.db, request.actor, request.params.code);
    return sendPage(reply, <FilingPage ctx={await deps.pageContext(request, reply)} form={form} idempotencyKey={randomUUID()} />);
  });

  const FilingBody = Type.Object({
    caseCode: Type.String({ minLength: 1, maxLength: 40 }), receivingAgencyCode: Type.String({ minLength: 1, maxLength: 35 }),
    summary: Type.Optional(Type.String({ maxLength: 500 })), idempotencyKey: Type.String({ format: 'uuid' }), _csrf: Type.Optional(Type.String()),
  });
  pages.post('/thu-tuc/:code/nop-ho-so', { schema: { hide: true, params: Code, body: FilingBody }, attachValidation: true, config: { access: 'person' } }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const body = (request.body ?? {}) as Record<string, string>;
    const again = async (errors: ReturnType<typeof toFieldErrors>) => sendPage(reply,
      <FilingPage ctx={ctx} form={await getFilingForm(deps.db, request.actor, request.params.code)} idempotencyKey={body['idempotencyKey'] ?? randomUUID()} values={body} errors={errors} />, 400);
    if (request.validationError) return again(toFieldErrors(request.validationError.validation as never, ctx.lang));
    try {
      // Issue 4 §3: the first step opens a draft (once per idempotency key); the e-form pages follow.
      const { reference } = await startDraft(deps.db, request.actor, deps.now(), ctx.lang, {
        procedureCode: request.params.code, caseCode: body['caseCode']!, receivingAgencyCode: body['receivingAgencyCode']!,
        ...(body['summary']?.trim() ? { summary: body['summary'].trim() } : {}), idempotencyKey: body['idempotencyKey']!,
      });
      return reply.redirect(formPagePath(reference, 0), 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validationFailed') return again(error.fieldErrors);
      throw error;
    }
  });

  pages.get('/ho-so-cua-toi/:reference/phieu/:seq', {
    schema: { hide: true, params: Type.Object({ reference: Type.String({ maxLength: 40 }), seq: Type.Integer({ minimum: 1 }) }) }, config: { access: 'person' },
  }, async (request, reply) => {
    const dossier = await findDossierByReference(deps.db, request.params.reference);
    if (!dossier) throw new AppError('dossierNotFound');
    return sendNotice(reply, await openDossierNotice(deps.db, deps.files, request.actor, { dossierId: dossier.id, seq: request.params.seq, publicUrl: deps.publicUrl }));
  });

  registerDraftPages(app, deps);
}
