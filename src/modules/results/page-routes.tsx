import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { openStoredFile, type OpenedFile } from '../../platform/files/open-stored-file.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t } from '../../platform/i18n/messages.ts';
import { formatFileSize } from '../../platform/files/upload-policy.ts';
import type { PageContext } from '../../platform/views/layout.tsx';
import { sendPage } from '../../platform/views/render.ts';
import { sendPdf } from '../dossiers/send-pdf.ts';
import { listTrustAnchors } from './certificates/repository.ts';
import type { SealingKeys } from './certificates/seal.ts';
import { certificatePem, parseCertificate } from './signing/certificates.ts';
import { generateResultPreview } from './generate-result-preview.ts';
import { getSignView } from './get-sign-view.ts';
import { getVerification, publicJwks } from './get-verification.ts';
import { listMyResults, openMyResult } from './my-results.ts';
import { listResultDossiers } from './list-result-dossiers.ts';
import { ResultDossiersPage } from './pages/result-dossiers-page.tsx';
import { MyResultsPage } from './pages/my-results-page.tsx';
import { ResultSignPage } from './pages/result-sign-page.tsx';
import { VerificationPage, type FileCheck } from './pages/verification-page.tsx';
import { replaceResult } from './replace-result.ts';
import { findResultView } from './repository.ts';
import { loadResultDossier } from './result-dossier.ts';
import { revokeResult } from './revoke-result.ts';
import { signResult } from './sign-result.ts';
import type { TimestampSource } from './signing/cades-signer.ts';

export interface ResultPageDeps {
  db: Kysely<Database>;
  files: FileStore;
  /** Opens the sealed passphrases and token keys of agency certificates. */
  keys: SealingKeys;
  publicUrl: string;
  /** The configured TSA; unset: results are signed without a timestamp. */
  timestamp?: TimestampSource | undefined;
  /** UPLOAD_MAX_MB: the largest uploaded result PDF. */
  uploadMaxMb?: number | undefined;
  now: () => Date;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const leader = { access: { permission: 'dossier.approve' } } as const;
const Params = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Form = Type.Record(Type.String(), Type.String({ maxLength: 6000 }));
/** Refusals shown on the leader's page with their message, the form kept. */
const signingRefusals: string[] = ['validationFailed', 'transitionNotAllowed', 'signingCertificateMissing', 'timestampFailed', 'resultPdfUnsupported'];
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sendFile(reply: FastifyReply, opened: OpenedFile): FastifyReply {
  return reply.headers({ ...opened.headers, 'cache-control': 'private, no-store' }).send(opened.stream);
}

/** Signed results (issue 5 §1): the leader's page, the public verification page and keys, the citizen's store. */
export function registerResultPages(app: FastifyInstance, deps: ResultPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();
  const context = { db: deps.db, files: deps.files, keys: deps.keys, publicUrl: deps.publicUrl, timestamp: deps.timestamp };
  // An uploaded result PDF: UPLOAD_MAX_MB, at most 20 MB.
  const maxBytes = Math.min(deps.uploadMaxMb ?? 20, 20) * 1024 * 1024;

  pages.get('/ket-qua', { schema: { hide: true }, config: leader }, async (request, reply) =>
    sendPage(reply, <ResultDossiersPage ctx={await deps.pageContext(request, reply)} dossiers={await listResultDossiers(deps.db, request.actor)} />));

  pages.get('/ket-qua/ho-so/:id', { schema: { hide: true, params: Params, querystring: Type.Object({ xong: Type.Optional(Type.String({ maxLength: 300 })) }) }, config: leader }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const view = await getSignView(deps.db, request.actor, request.params.id);
    return sendPage(reply, <ResultSignPage ctx={ctx} view={view} notice={request.query.xong} uploadMaxBytes={maxBytes} />);
  });

  pages.post('/ket-qua/ho-so/:id/xem-truoc', { schema: { hide: true, params: Params, body: Form }, config: leader }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    try {
      return sendPdf(reply, await generateResultPreview(deps.db, request.actor, deps.now(), ctx.lang, { dossierId: request.params.id, title: request.body['title'], decision: request.body['decision'] }));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validationFailed') throw error;
      const view = await getSignView(deps.db, request.actor, request.params.id);
      return sendPage(reply, <ResultSignPage ctx={ctx} view={view} errors={error.fieldErrors} values={request.body} uploadMaxBytes={maxBytes} />, error.status);
    }
  });

  /** Each leader action: run it, then back to the page with what was done; a refused rule re-renders with its messages. */
  const action = (path: string, kind: string, run: (request: FastifyRequest<{ Params: { id: string }; Body: Record<string, string> }>, lang: PageContext['lang']) => Promise<string>) =>
    pages.post(`/ket-qua/ho-so/:id${path}`, { schema: { hide: true, params: Params, body: Form }, config: leader }, async (request, reply) => {
      const ctx = await deps.pageContext(request, reply);
      try {
        const done = await run(request, ctx.lang);
        return reply.redirect(`/ket-qua/ho-so/${request.params.id}?xong=${encodeURIComponent(done)}`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || !signingRefusals.includes(error.code)) throw error;
        const view = await getSignView(deps.db, request.actor, request.params.id);
        const errors = error.fieldErrors.length ? error.fieldErrors : [{ path: '/', message: t(ctx.lang, error.messageKey, error.params) }];
        return sendPage(reply, <ResultSignPage ctx={ctx} view={view} errors={errors} values={{ ...request.body, action: kind }} uploadMaxBytes={maxBytes} />, error.status);
      }
    });

  action('', 'sign', async (request, lang) => {
    const signed = await signResult(context, request.actor, deps.now(), lang, { dossierId: request.params.id, title: request.body['title'], decision: request.body['decision'] });
    return [t(lang, 'results.signed', { number: signed.number }), signed.delivered ? t(lang, 'results.delivered') : ''].filter(Boolean).join(' ');
  });
  // An uploaded result (P-16): the title and the PDF as multipart (CSRF in the query, `uploadAction`), the file read
  // up to the limit and sniffed from its content, then signed as it is by the same use case.
  pages.post('/ket-qua/ho-so/:id/tai-len', { schema: { hide: true, params: Params }, config: leader }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const fields: Record<string, string> = {};
    try {
      let upload: Buffer | undefined;
      if (request.isMultipart()) {
        for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
          if (part.type === 'field') {
            if (part.fieldname === 'title' && typeof part.value === 'string') fields['title'] = part.value.slice(0, 1000);
            continue;
          }
          if (part.fieldname !== 'file' || !part.filename) { part.file.resume(); continue; }
          const bytes = await part.toBuffer().catch((error: { code?: string }) => {
            if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('validationFailed', [{ path: '/file', message: t(ctx.lang, 'files.tooLarge', { size: formatFileSize(maxBytes, ctx.lang) }) }]);
            throw error;
          });
          if (bytes.length > 0) {
            if ((await fileTypeFromBuffer(bytes))?.mime !== 'application/pdf') throw new AppError('validationFailed', [{ path: '/file', message: t(ctx.lang, 'files.typeNotAllowed', { kinds: 'PDF' }) }]);
            upload = bytes;
          }
        }
      }
      const signed = await signResult(context, request.actor, deps.now(), ctx.lang, { dossierId: request.params.id, title: fields['title'], upload: upload ?? Buffer.alloc(0) });
      const done = [t(ctx.lang, 'results.signed', { number: signed.number }), signed.delivered ? t(ctx.lang, 'results.delivered') : ''].filter(Boolean).join(' ');
      return reply.redirect(`/ket-qua/ho-so/${request.params.id}?xong=${encodeURIComponent(done)}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || !signingRefusals.includes(error.code)) throw error;
      const view = await getSignView(deps.db, request.actor, request.params.id);
      const errors = error.fieldErrors.length ? error.fieldErrors : [{ path: '/file', message: t(ctx.lang, error.messageKey, error.params) }];
      return sendPage(reply, <ResultSignPage ctx={ctx} view={view} errors={errors} values={{ ...fields, action: 'upload' }} uploadMaxBytes={maxBytes} />, error.status);
    }
  });

  action('/thu-hoi', 'revoke', async (request, lang) => {
    const resultId = request.body['resultId'] ?? '';
    if (!uuid.test(resultId)) throw new AppError('resultNotFound');
    await revokeResult(context, request.actor, deps.now(), lang, { dossierId: request.params.id, resultId, reason: request.body['reason'] });
    const result = await findResultView(deps.db, resultId);
    return t(lang, 'results.revokedDone', { number: result?.number ?? '' });
  });
  action('/thay-the', 'replace', async (request, lang) => {
    const resultId = request.body['resultId'] ?? '';
    if (!uuid.test(resultId)) throw new AppError('resultNotFound');
    const signed = await replaceResult(context, request.actor, deps.now(), lang, {
      dossierId: request.params.id, resultId, reason: request.body['reason'], title: request.body['title'], decision: request.body['decision'],
    });
    return t(lang, 'results.replacedDone', { number: signed.number });
  });

  pages.get('/ket-qua/ho-so/:id/ban-ky', { schema: { hide: true, params: Params, querystring: Type.Object({ r: Type.Optional(Type.String({ maxLength: 64 })) }) }, config: leader }, async (request, reply) => {
    await loadResultDossier(deps.db, request.actor, request.params.id);
    const result = request.query.r && uuid.test(request.query.r) ? await findResultView(deps.db, request.query.r) : undefined;
    if (!result || result.dossier_id !== request.params.id) throw new AppError('resultNotFound');
    return sendFile(reply, await openStoredFile({ db: deps.db, store: deps.files }, result.stored_file_id, { disposition: 'inline' }));
  });

  // The file check is a form for everyone: an anonymous visitor gets a CSRF token too (the layout gives one only
  // to the signed-in), so the check stays under the app's CSRF rule like every other POST.
  const verificationContext = async (request: FastifyRequest, reply: FastifyReply): Promise<PageContext> => {
    const ctx = await deps.pageContext(request, reply);
    return { ...ctx, csrfToken: ctx.csrfToken ?? reply.generateCsrf() };
  };

  // Public: the verification page of the QR code, its file check, the keys of the offline token and the root CAs.
  pages.get('/xac-minh/chung-thu-so-goc.pem', { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) => {
    const anchors = await listTrustAnchors(deps.db);
    return reply.type('application/x-pem-file').header('content-disposition', 'attachment; filename="opendvc-ca.pem"')
      .send(anchors.map((a) => `# ${a.subject}\n# SHA-256 ${a.sha256}\n${certificatePem(parseCertificate(a.certificate))}`).join('\n'));
  });

  pages.get('/.well-known/jwks.json', { schema: { hide: true }, config: { access: 'public' } }, async (_request, reply) =>
    reply.type('application/jwk-set+json').header('cache-control', 'public, max-age=300').send(await publicJwks(deps.db)));

  pages.get('/xac-minh/:id', { schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }) }), querystring: Type.Object({ t: Type.Optional(Type.String({ maxLength: 4000 })) }) }, config: { access: 'public' } }, async (request, reply) => {
    const view = await getVerification(deps.db, deps.keys, deps.publicUrl, request.params.id, request.query.t);
    return sendPage(reply, <VerificationPage ctx={await verificationContext(request, reply)} view={view} />);
  });

  pages.post('/xac-minh/:id', { schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 64 }) }) }, config: { access: 'public' } }, async (request, reply) => {
    const view = await getVerification(deps.db, deps.keys, deps.publicUrl, request.params.id);
    let check: FileCheck = { kind: 'noFile' };
    if (request.isMultipart()) {
      // The file is hashed as it streams and never stored.
      for await (const part of request.parts()) {
        if (part.type !== 'file') continue;
        if (part.fieldname !== 'file' || !part.filename) { part.file.resume(); continue; }
        const hash = createHash('sha256');
        let bytes = 0;
        for await (const chunk of part.file) { hash.update(chunk as Buffer); bytes += (chunk as Buffer).length; }
        if (part.file.truncated) throw new AppError('fileTooLarge', [{ path: '/file', message: t('vi', 'error.fileTooLarge') }]);
        if (bytes > 0) {
          const sha256 = hash.digest('hex');
          check = sha256 === view.sha256 ? { kind: 'match' } : { kind: 'mismatch', sha256 };
        }
      }
    }
    return sendPage(reply, <VerificationPage ctx={await verificationContext(request, reply)} view={view} fileCheck={check} />);
  });

  // The citizen's result store.
  pages.get('/ket-qua-cua-toi', { schema: { hide: true }, config: { access: 'person' } }, async (request, reply) =>
    sendPage(reply, <MyResultsPage ctx={await deps.pageContext(request, reply)} results={await listMyResults(deps.db, request.actor)} />));

  pages.get('/ket-qua-cua-toi/:id/tai-ve', { schema: { hide: true, params: Params }, config: { access: 'person' } }, async (request, reply) =>
    sendFile(reply, await openMyResult({ db: deps.db, store: deps.files }, request.actor, request.params.id)));
}
