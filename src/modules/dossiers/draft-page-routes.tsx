import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/http/app-error.ts';
import { t } from '../../platform/i18n/messages.ts';
import { sendPage } from '../../platform/views/render.ts';
import { reuseComponentFile, uploadComponentFile } from './attach-component-file.ts';
import { discardDraft } from './discard-draft.ts';
import { firstIncompletePage } from './e-form-answers.ts';
import { getDraft } from './get-draft.ts';
import { openApplicantDossierFile, openOfficerDossierFile } from './open-dossier-file.ts';
import type { DossierPageDeps } from './page-routes.tsx';
import { CheckAnswersPage, ComponentsPage, draftPath, EFormPage, formPagePath } from './pages/draft-pages.tsx';
import { removeComponentFile } from './remove-component-file.ts';
import { saveDraftAnswers } from './save-draft-answers.ts';
import { draftProblems, submitDraft } from './submit-draft.ts';
import { requestPapersPickup } from '../postal/request-postal-order.ts';
import { postalChoiceLine } from '../postal/get-postal-view.ts';

/**
 * The applicant's draft, page by page (issue 4 §3): the e-form one topic per page, the attachments, the check of
 * every answer, filing, resuming and deleting; and the download of a dossier's files for its applicant and for the
 * officers who may read it. Every step saves; nothing needs JavaScript.
 */
export function registerDraftPages(app: FastifyInstance, deps: DossierPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();
  const Reference = Type.Object({ reference: Type.String({ maxLength: 40 }) });
  const FormPage = Type.Object({ reference: Type.String({ maxLength: 40 }), page: Type.Integer({ minimum: 1, maximum: 50 }) });
  const Component = Type.Object({ reference: Type.String({ maxLength: 40 }), component: Type.String({ maxLength: 40 }) });
  const DossierFile = Type.Object({ reference: Type.String({ maxLength: 40 }), fileId: Type.Integer({ minimum: 1 }) });
  const person = { access: 'person' as const };
  const filedPath = (reference: string) => `/ho-so-cua-toi/${encodeURIComponent(reference)}`;

  /** The draft, or a redirect to the dossier's own page once it is filed. */
  const openDraft = async (request: { actor: Parameters<typeof getDraft>[1] }, reference: string) => {
    const draft = await getDraft(deps.db, request.actor, reference);
    return draft.dossier.status === 0 ? draft : undefined;
  };

  // Resuming goes to the first page with missing or invalid data, else to the attachments (P-12 "my dossiers").
  pages.get('/ho-so-cua-toi/:reference/tiep-tuc', { schema: { hide: true, params: Reference }, config: person }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const draft = await openDraft(request, request.params.reference);
    if (!draft) return reply.redirect(filedPath(request.params.reference), 303);
    const page = firstIncompletePage(draft.form, draft.answers, ctx.lang);
    return reply.redirect(page >= 0 ? formPagePath(draft.dossier.reference, page) : draftPath(draft.dossier.reference, '/thanh-phan'), 303);
  });

  pages.get('/ho-so-cua-toi/:reference/to-khai/:page', { schema: { hide: true, params: FormPage, querystring: Type.Object({ 'da-luu': Type.Optional(Type.String({ maxLength: 1 })) }) }, config: person }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const draft = await openDraft(request, request.params.reference);
    if (!draft) return reply.redirect(filedPath(request.params.reference), 303);
    const page = request.params.page - 1;
    if (!draft.form.ui.pages[page]) throw new AppError('notFound');
    return sendPage(reply, <EFormPage ctx={ctx} draft={draft} page={page} answers={draft.answers} saved={request.query['da-luu'] !== undefined} />);
  });

  pages.post('/ho-so-cua-toi/:reference/to-khai/:page', { schema: { hide: true, params: FormPage }, config: person }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const posted = (request.body ?? {}) as Record<string, unknown>;
    const page = request.params.page - 1;
    const { errors, answers } = await saveDraftAnswers(deps.db, request.actor, deps.now(), ctx.lang, { reference: request.params.reference, page, posted });
    // draft-autosave.js: saved, nothing to show.
    if (request.headers['x-autosave'] === '1') return reply.code(204).send();
    const draft = (await openDraft(request, request.params.reference))!;
    const go = posted['go'];
    if (go === 'save') return reply.redirect(`${formPagePath(draft.dossier.reference, page)}?da-luu=1`, 303);
    if (go === 'back') return reply.redirect(page > 0 ? formPagePath(draft.dossier.reference, page - 1) : `/thu-tuc/${encodeURIComponent(draft.procedure.code)}`, 303);
    if (errors.length) return sendPage(reply, <EFormPage ctx={ctx} draft={draft} page={page} answers={{ ...answers, ...readBack(posted, draft.form.ui.pages[page]!.fields, draft.prefill) }} errors={errors} />, 400);
    const next = page + 1 < draft.form.ui.pages.length ? formPagePath(draft.dossier.reference, page + 1) : draftPath(draft.dossier.reference, '/thanh-phan');
    return reply.redirect(next, 303);
  });

  pages.get('/ho-so-cua-toi/:reference/thanh-phan', { schema: { hide: true, params: Reference, querystring: Type.Object({ 'da-gan': Type.Optional(Type.String({ maxLength: 200 })), 'da-go': Type.Optional(Type.String({ maxLength: 200 })) }) }, config: person }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const draft = await openDraft(request, request.params.reference);
    if (!draft) return reply.redirect(filedPath(request.params.reference), 303);
    const added = request.query['da-gan'];
    const removed = request.query['da-go'];
    const notice = added ? t(ctx.lang, 'eform.components.uploaded', { name: added }) : removed ? t(ctx.lang, 'eform.components.removed', { name: removed }) : undefined;
    return sendPage(reply, <ComponentsPage ctx={ctx} draft={draft} notice={notice} />);
  });

  const afterAttach = (reference: string, name: string) => `${draftPath(reference, '/thanh-phan')}?da-gan=${encodeURIComponent(name)}`;
  const refusedAttachment = async (request: FastifyRequest, reply: FastifyReply, reference: string, error: unknown) => {
    if (!(error instanceof AppError) || !error.fieldErrors.length || !['validationFailed', 'fileTooLarge', 'fileTypeNotAllowed', 'fileEmpty'].includes(error.code)) throw error;
    const ctx = await deps.pageContext(request, reply);
    const draft = await getDraft(deps.db, request.actor, reference);
    return sendPage(reply, <ComponentsPage ctx={ctx} draft={draft} errors={error.fieldErrors} />, error.status);
  };

  pages.post('/ho-so-cua-toi/:reference/thanh-phan/:component', { schema: { hide: true, params: Component }, config: person }, async (request, reply) => {
    const { reference, component } = request.params;
    const ctx = await deps.pageContext(request, reply);
    try {
      const part = request.isMultipart() ? await request.file() : undefined;
      if (!part || !part.filename) throw new AppError('validationFailed', [{ path: `/${component}`, message: t(ctx.lang, 'files.empty') }]);
      const { file } = await uploadComponentFile(deps.db, deps.files, request.actor, deps.now(), ctx.lang, { reference, componentCode: component, part });
      return reply.redirect(afterAttach(reference, file.displayName), 303);
    } catch (error) {
      return refusedAttachment(request, reply, reference, error);
    }
  });

  pages.post('/ho-so-cua-toi/:reference/thanh-phan/:component/dung-lai', {
    schema: { hide: true, params: Component, body: Type.Object({ storedFileId: Type.String({ maxLength: 40 }), _csrf: Type.Optional(Type.String()) }) }, config: person,
  }, async (request, reply) => {
    const { reference, component } = request.params;
    const ctx = await deps.pageContext(request, reply);
    try {
      const { file } = await reuseComponentFile(deps.db, request.actor, deps.now(), ctx.lang, { reference, componentCode: component, storedFileId: request.body.storedFileId });
      return reply.redirect(afterAttach(reference, file.displayName), 303);
    } catch (error) {
      return refusedAttachment(request, reply, reference, error);
    }
  });

  pages.post('/ho-so-cua-toi/:reference/tep/:fileId/go-bo', { schema: { hide: true, params: DossierFile }, config: person }, async (request, reply) => {
    const removed = await removeComponentFile(deps.db, request.actor, deps.now(), { reference: request.params.reference, dossierFileId: request.params.fileId });
    const row = await deps.db.selectFrom('stored_file').select('display_name').where('id', '=', removed.stored_file_id).executeTakeFirst();
    return reply.redirect(`${draftPath(request.params.reference, '/thanh-phan')}?da-go=${encodeURIComponent(row?.display_name ?? '')}`, 303);
  });

  pages.get('/ho-so-cua-toi/:reference/tep/:fileId', { schema: { hide: true, params: DossierFile }, config: person }, async (request, reply) => {
    const opened = await openApplicantDossierFile(deps.db, deps.files, request.actor, request.params.reference, request.params.fileId);
    return reply.headers(opened.headers).send(opened.stream);
  });

  pages.get('/ho-so-cua-toi/:reference/kiem-tra', { schema: { hide: true, params: Reference, querystring: Type.Object({ 'buu-chinh': Type.Optional(Type.String({ maxLength: 1 })) }) }, config: person }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const draft = await openDraft(request, request.params.reference);
    if (!draft) return reply.redirect(filedPath(request.params.reference), 303);
    const postal = { line: await postalChoiceLine(deps.db, draft.dossier.id, ctx.lang), saved: request.query['buu-chinh'] !== undefined };
    return sendPage(reply, <CheckAnswersPage ctx={ctx} draft={draft} postal={postal} />);
  });

  pages.post('/ho-so-cua-toi/:reference/nop', { schema: { hide: true, params: Reference }, config: person }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    try {
      const { id, reference } = await submitDraft(deps.db, request.actor, deps.now(), ctx.lang, request.params.reference);
      // Issue 5 §4: papers sent by post are picked up from the applicant (ordered through the outbox).
      await requestPapersPickup(deps.db, request.actor, deps.now(), id);
      return reply.redirect(`${filedPath(reference)}?da-nop=1`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validationFailed') throw error;
      const draft = (await openDraft(request, request.params.reference))!;
      const postal = { line: await postalChoiceLine(deps.db, draft.dossier.id, ctx.lang), saved: false };
      return sendPage(reply, <CheckAnswersPage ctx={ctx} draft={draft} errors={draftProblems(draft, ctx.lang)} postal={postal} />, 400);
    }
  });

  pages.post('/ho-so-cua-toi/:reference/xoa-nhap', { schema: { hide: true, params: Reference }, config: person }, async (request, reply) => {
    await discardDraft(deps.db, request.actor, deps.now(), request.params.reference);
    return reply.redirect(`/ho-so-cua-toi?da-xoa=${encodeURIComponent(request.params.reference)}`, 303);
  });

  pages.get('/mot-cua/ho-so/:id/tep/:fileId', {
    schema: { hide: true, params: Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.Integer({ minimum: 1 }) }) },
    config: { access: { permission: 'dossier.read' } },
  }, async (request, reply) => {
    const opened = await openOfficerDossierFile(deps.db, deps.files, request.actor, request.params.id, request.params.fileId);
    return reply.headers(opened.headers).send(opened.stream);
  });
}

/** What the applicant typed on a refused page, shown back as typed (locked values stay verified). */
function readBack(posted: Record<string, unknown>, fields: readonly string[], prefill: Record<string, { source: { kind: string } }>): Record<string, unknown> {
  return Object.fromEntries(fields.filter((name) => prefill[name]?.source.kind !== 'verified' && posted[name] !== undefined && posted[name] !== '')
    .map((name) => [name, posted[name]]));
}
