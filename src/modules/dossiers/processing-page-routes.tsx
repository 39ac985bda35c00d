import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { storeMultipartFile } from '../../platform/files/multipart.ts';
import type { StoredFile } from '../../platform/files/stored-file.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import type { PageContext } from '../../platform/views/layout.tsx';
import { sendPage } from '../../platform/views/render.ts';
import { isAllowedOnDossier } from './act-on-dossier.ts';
import { addInternalNote } from './add-internal-note.ts';
import { answerConsultation } from './answer-consultation.ts';
import { appraiseDossier } from './appraise-dossier.ts';
import { approveDossier } from './approve-dossier.ts';
import { completeSupplement } from './complete-supplement.ts';
import { extendDueDate } from './extend-due-date.ts';
import { forwardDossier } from './forward-dossier.ts';
import { getProcessingDossier } from './get-processing-dossier.ts';
import { issueResult, resultUploadPolicy } from './issue-result.ts';
import { openOfficerDossierFile } from './open-dossier-file.ts';
import { ProcessingDossierPage } from './pages/processing-dossier-page.tsx';
import { summariseDossierResults } from '../results/dossier-result-summary.ts';
import { renderDossierNotice } from './render-dossier-notice.ts';
import { findDossier } from './repository.ts';
import { requestConsultation } from './request-consultation.ts';
import { requestSupplement } from './request-supplement.ts';
import { noticeEarlyReturn, returnResult } from './return-result.ts';
import { sendPdf } from './send-pdf.ts';
import { decideWithdrawal, stopDossier } from './withdraw-dossier.ts';

export interface ProcessingPageDeps {
  db: Kysely<Database>;
  publicUrl: string;
  files: FileStore;
  now: () => Date;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const Params = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Form = Type.Record(Type.String(), Type.String({ maxLength: 1000 }));
const read = { access: { permission: 'dossier.read' } } as const;
type ActionRequest = FastifyRequest<{ Params: { id: string }; Body: Record<string, string> }>;

/** A local date and time typed in a form ("2026-12-07T09:00"), in Vietnam's time; undefined if not one. */
function localDateTime(value: string | undefined): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const at = new Date(`${value.length === 16 ? `${value}:00` : value}+07:00`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

function requireDateTime(value: string | undefined, path: string, lang: Lang): Date {
  const at = localDateTime(value);
  if (!at) throw new AppError('validationFailed', [{ path, message: t(lang, 'processing.error.dateTime') }]);
  return at;
}

/**
 * The processing page of a dossier and its actions (issue 4 §5, §6 officers), under /xu-ly/ho-so/:id. Each POST
 * runs one use case, which authorises itself (step, role, holder); a refused rule re-renders the page with its
 * messages. The queue (/xu-ly) and assignment are elsewhere.
 */
export function registerProcessingPages(app: FastifyInstance, deps: ProcessingPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();

  const render = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, extra: { errors?: { path: string; message: string }[]; notice?: string | undefined; status?: number }) => {
    const ctx = await deps.pageContext(request, reply);
    const view = await getProcessingDossier(deps.db, request.actor, request.params.id, deps.now(), ctx.lang);
    const results = await summariseDossierResults(deps.db, request.actor, view.dossier);
    return sendPage(reply, <ProcessingDossierPage ctx={ctx} view={view} results={results} errors={extra.errors ?? []} notice={extra.notice} />, extra.status);
  };

  /** A refused rule (with its messages) re-renders the page; anything else is the error page. */
  const refused = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, error: unknown, lang: Lang) => {
    const shown = error instanceof AppError && (error.code === 'validationFailed' || error.code === 'transitionNotAllowed' || error.fieldErrors.length > 0);
    if (!shown) throw error;
    const errors = error.fieldErrors.length ? error.fieldErrors : [{ path: '/', message: t(lang, error.messageKey, error.params) }];
    return render(request, reply, { errors, status: error.status });
  };

  /** After an action: back to the dossier, or to the queue if this officer may no longer read it (an answered consultation). */
  const done = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, message: string) => {
    const dossier = await findDossier(deps.db, request.params.id);
    const back = dossier && isAllowedOnDossier(request.actor, 'dossier.read', dossier) ? `/xu-ly/ho-so/${request.params.id}` : '/xu-ly';
    return reply.redirect(`${back}?xong=${encodeURIComponent(message)}`, 303);
  };

  pages.get('/xu-ly/ho-so/:id', { schema: { hide: true, params: Params, querystring: Type.Object({ xong: Type.Optional(Type.String({ maxLength: 200 })) }) }, config: read }, async (request, reply) => {
    const lang = (await deps.pageContext(request, reply)).lang;
    return render(request, reply, { notice: request.query.xong !== undefined ? t(lang, 'processing.done') : undefined });
  });

  pages.get('/xu-ly/ho-so/:id/phieu/:seq', { schema: { hide: true, params: Type.Object({ id: Type.String({ format: 'uuid' }), seq: Type.Integer({ minimum: 1 }) }) }, config: read }, async (request, reply) =>
    sendPdf(reply, await renderDossierNotice(deps.db, request.actor, { dossierId: request.params.id, seq: request.params.seq, publicUrl: deps.publicUrl })));

  pages.get('/xu-ly/ho-so/:id/tep/:fileId', { schema: { hide: true, params: Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.Integer({ minimum: 1 }) }) }, config: read }, async (request, reply) => {
    const opened = await openOfficerDossierFile(deps.db, deps.files, request.actor, request.params.id, request.params.fileId);
    return reply.headers(opened.headers).send(opened.stream);
  });

  const action = (path: string, permission: string, run: (request: ActionRequest, lang: Lang, now: Date) => Promise<unknown>) =>
    pages.post(`/xu-ly/ho-so/:id/${path}`, { schema: { hide: true, params: Params, body: Form }, config: { access: { permission } } }, async (request, reply) => {
      const lang = (await deps.pageContext(request, reply)).lang;
      try {
        await run(request, lang, deps.now());
      } catch (error) {
        return refused(request, reply, error, lang);
      }
      return done(request, reply, path);
    });
  const id = (request: ActionRequest) => request.params.id;
  const body = (request: ActionRequest, name: string) => request.body[name];
  const agencyId = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : undefined);

  action('chuyen-tiep', 'dossier.read', (r, lang, now) => forwardDossier(deps.db, r.actor, now, {
    dossierId: id(r), toStep: body(r, 'toStep'), toAgencyId: agencyId(body(r, 'toAgencyId')), note: body(r, 'note'),
  }, lang));
  action('tra-lai', 'dossier.approve', (r, lang, now) => forwardDossier(deps.db, r.actor, now, { dossierId: id(r), toStep: body(r, 'toStep'), note: body(r, 'note') ?? '' }, lang));
  action('tham-dinh', 'dossier.process', (r, lang, now) => appraiseDossier(deps.db, r.actor, now, lang, {
    dossierId: id(r), proposal: body(r, 'proposal') === 'refuse' ? 'refuse' : 'grant', opinion: body(r, 'opinion') ?? '', refusalReason: body(r, 'refusalReason'),
  }));
  action('yeu-cau-bo-sung', 'dossier.process', (r, lang, now) => requestSupplement(deps.db, r.actor, now, lang, {
    dossierId: id(r),
    items: Array.from({ length: 5 }, (_, i) => ({ name: body(r, `item${i}`)?.trim() ?? '', reason: body(r, `reason${i}`)?.trim() ?? '' })).filter((item) => item.name || item.reason),
    guidance: body(r, 'guidance'), repeatJustification: body(r, 'repeatJustification'), lateJustification: body(r, 'lateJustification'),
  }));
  action('da-bo-sung', 'dossier.receive', (r, _lang, now) => completeSupplement(deps.db, r.actor, now, { dossierId: id(r), note: body(r, 'note') ?? '' }));
  action('xin-y-kien', 'dossier.process', (r, lang, now) => requestConsultation(deps.db, r.actor, now, lang, {
    dossierId: id(r), toAgencyId: agencyId(body(r, 'toAgencyId')) ?? Number.NaN, question: body(r, 'question') ?? '',
  }));
  action('tra-loi-y-kien', 'dossier.read', (r, lang, now) => answerConsultation(deps.db, r.actor, now, lang, {
    dossierId: id(r), requestSeq: Number(body(r, 'requestSeq')), answer: body(r, 'answer') ?? '',
  }));
  action('phe-duyet', 'dossier.approve', (r, lang, now) => approveDossier(deps.db, r.actor, now, lang, {
    dossierId: id(r), outcome: body(r, 'outcome') === 'refused' ? 'refused' : 'granted', note: body(r, 'note'),
  }));
  action('tra-ket-qua', 'dossier.return', (r, lang, now) => {
    const channel = body(r, 'channel');
    return returnResult(deps.db, r.actor, now, lang, { dossierId: id(r), channel: channel === 'postal' || channel === 'online' ? channel : 'desk' });
  });
  action('bao-tra-som', 'dossier.read', async (r, lang, now) => noticeEarlyReturn(deps.db, r.actor, now, { dossierId: id(r), readyAt: requireDateTime(body(r, 'readyAt'), '/readyAt', lang) }));
  action('gia-han', 'dossier.approve', async (r, lang, now) => extendDueDate(deps.db, r.actor, now, lang, {
    dossierId: id(r), newDueAt: requireDateTime(body(r, 'newDueAt'), '/newDueAt', lang), reason: body(r, 'reason') ?? '',
  }));
  action('xu-ly-rut', 'dossier.read', (r, lang, now) => decideWithdrawal(deps.db, r.actor, now, lang, { dossierId: id(r), accept: body(r, 'decision') !== 'refuse', reason: body(r, 'reason') ?? '' }));
  action('dung-xu-ly', 'dossier.approve', (r, lang, now) => stopDossier(deps.db, r.actor, now, lang, { dossierId: id(r), reason: body(r, 'reason') ?? '', settlement: body(r, 'settlement') }));
  action('ghi-chu', 'dossier.read', (r, lang, now) => addInternalNote(deps.db, r.actor, now, lang, { dossierId: id(r), note: body(r, 'note') ?? '' }));

  // The clerk's upload form (multipart: the CSRF token rides in the action URL, see platform/views/upload-action.ts).
  pages.post('/xu-ly/ho-so/:id/ban-hanh', { schema: { hide: true, params: Params }, config: { access: { permission: 'dossier.register' } } }, async (request, reply) => {
    const lang = (await deps.pageContext(request, reply)).lang;
    const now = deps.now();
    try {
      const fields: Record<string, string> = {};
      let file: StoredFile | undefined;
      if (request.isMultipart()) {
        for await (const part of request.parts()) {
          if (part.type === 'field') fields[part.fieldname] = String(part.value);
          else if (part.fieldname === 'file' && part.filename && !file) {
            file = await storeMultipartFile({ db: deps.db, actor: request.actor, now, store: deps.files, lang }, part, { policy: resultUploadPolicy, field: '/file' });
          } else await part.toBuffer(); // an empty file input, or a part nobody asked for: read and dropped
        }
      }
      await issueResult(deps.db, request.actor, now, lang, {
        dossierId: request.params.id, file, documentNumber: fields['documentNumber'] ?? '', signedOn: fields['signedOn'] ?? '',
      });
    } catch (error) {
      return refused(request, reply, error, lang);
    }
    return done(request, reply, 'ban-hanh');
  });
}
