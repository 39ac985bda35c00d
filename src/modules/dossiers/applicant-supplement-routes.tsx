import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { FileStore } from '../../platform/files/file-store.ts';
import { storeMultipartFile } from '../../platform/files/multipart.ts';
import type { StoredFile } from '../../platform/files/stored-file.ts';
import { documentUploadPolicy } from '../../platform/files/upload-policy.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { PageContext } from '../../platform/views/layout.tsx';
import { sendPage } from '../../platform/views/render.ts';
import { SupplementPage } from './pages/supplement-page.tsx';
import { getSupplementRequest, supplementOnline } from './supplement-online.ts';

export interface ApplicantSupplementDeps {
  db: Kysely<Database>;
  now: () => Date;
  files: FileStore;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const Params = Type.Object({ reference: Type.String({ maxLength: 40 }) });

/** The applicant's online answer to a supplement request (issue 4 §5, DL-05): `/ho-so-cua-toi/:reference/bo-sung`. */
export function registerApplicantSupplementPages(app: FastifyInstance, deps: ApplicantSupplementDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();

  pages.get('/ho-so-cua-toi/:reference/bo-sung', { schema: { hide: true, params: Params }, config: { access: 'person' } }, async (request, reply) => {
    const view = await getSupplementRequest(deps.db, request.actor, request.params.reference);
    return sendPage(reply, <SupplementPage ctx={await deps.pageContext(request, reply)} view={view} />);
  });

  pages.post('/ho-so-cua-toi/:reference/bo-sung', { schema: { hide: true, params: Params }, config: { access: 'person' } }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const view = await getSupplementRequest(deps.db, request.actor, request.params.reference);
    if (!request.isMultipart()) throw new AppError('validationFailed', [{ path: '/', message: 'multipart/form-data' }]);
    const values: Record<string, string> = {};
    const files = new Map<number, StoredFile[]>();
    try {
      // Each file is streamed to storage as it arrives; the dossier changes only once every part is in.
      for await (const part of request.parts()) {
        const item = /^file(\d{1,2})$/.exec(part.fieldname);
        if (part.type === 'file') {
          if (!item || Number(item[1]) >= view.items.length || !part.filename) { part.file.resume(); continue; }
          const stored = await storeMultipartFile({ db: deps.db, actor: request.actor, now: deps.now(), store: deps.files, lang: ctx.lang }, part,
            { policy: documentUploadPolicy, field: `/items/${item[1]}/file` });
          files.set(Number(item[1]), [...(files.get(Number(item[1])) ?? []), stored]);
        } else if (typeof part.value === 'string') {
          values[part.fieldname] = part.value.slice(0, 1000);
        }
      }
      await supplementOnline(deps.db, request.actor, deps.now(), ctx.lang, {
        reference: view.dossier.reference, note: values['note'] ?? '',
        answers: view.items.map((_, i) => ({ text: values[`text${i}`] ?? '', files: files.get(i) ?? [] })),
      });
    } catch (error) {
      if (!(error instanceof AppError) || !error.fieldErrors.length) throw error;
      return sendPage(reply, <SupplementPage ctx={ctx} view={view} errors={error.fieldErrors} values={values} />, error.status);
    }
    return reply.redirect(`/ho-so-cua-toi/${encodeURIComponent(view.dossier.reference)}`, 303);
  });
}
