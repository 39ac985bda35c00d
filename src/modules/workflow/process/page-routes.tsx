import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { PageContext } from '../../../platform/views/layout.tsx';
import { sendPage } from '../../../platform/views/render.ts';
import { getProcedureProcess } from './get-procedure-process.ts';
import { listProcedureProcesses } from './list-procedure-processes.ts';
import type { ProcessContext } from './process-context.ts';
import { applyEditorOperation, definitionFromEditor, editorFromDefinition, editorFromForm } from './process-form.ts';
import { publishProcess } from './publish-process.ts';
import { saveProcessDraft } from './save-process-draft.ts';
import { ProcessListPage } from './pages/process-list-page.tsx';
import { ProcessPage } from './pages/process-page.tsx';

export interface ProcessPageDeps {
  db: Kysely<Database>;
  now: () => Date;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const access = { access: { permission: 'process.manage' } } as const;
const Params = Type.Object({ code: Type.String({ minLength: 1, maxLength: 30 }) });

/** The back-office pages where the province administrator keeps each procedure's internal process (issue 4 §2, S-b). */
export function registerProcessPages(app: FastifyInstance, deps: ProcessPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();

  pages.get('/quan-tri/quy-trinh', {
    schema: { hide: true, querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) }) }, config: access,
  }, async (request, reply) => {
    const query = { q: request.query.q, page: request.query.page ?? 1 };
    const list = await listProcedureProcesses(deps.db, request.actor, query);
    return sendPage(reply, <ProcessListPage ctx={await deps.pageContext(request, reply)} query={query} list={list} />);
  });

  pages.get('/quan-tri/quy-trinh/:code', {
    schema: { hide: true, params: Params, querystring: Type.Object({ luu: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published')])), v: Type.Optional(Type.Integer({ minimum: 1 })) }) },
    config: access,
  }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const view = await getProcedureProcess(deps.db, request.actor, request.params.code, ctx.lang);
    const editor = editorFromDefinition(view.draft?.definition ?? view.inForce.definition);
    const saved = request.query.luu === 'draft' ? { kind: 'draft' as const } : request.query.luu === 'published' && request.query.v ? { kind: 'published' as const, version: request.query.v } : undefined;
    // A saved draft that still breaks a rule says so at once, field by field.
    return sendPage(reply, <ProcessPage ctx={ctx} view={view} editor={editor} errors={view.draft?.problems ?? []} saved={saved} />);
  });

  pages.post('/quan-tri/quy-trinh/:code', { schema: { hide: true, params: Params }, config: access }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const { code } = request.params;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const operation = typeof body['op'] === 'string' ? body['op'] : 'save';
    const editor = editorFromForm(body);
    const who: ProcessContext = { db: deps.db, actor: request.actor, now: deps.now(), lang: ctx.lang, origin: { ip: request.ip, userAgent: request.headers['user-agent'] ?? null } };
    const here = `/quan-tri/quy-trinh/${encodeURIComponent(code)}`;
    if (operation !== 'save' && operation !== 'publish') {
      // Adding, removing or moving a step only changes the form: nothing is stored until it is saved.
      const view = await getProcedureProcess(deps.db, request.actor, code, ctx.lang);
      return sendPage(reply, <ProcessPage ctx={ctx} view={view} editor={applyEditorOperation(editor, operation)} unsaved />);
    }
    const change = { code, definition: definitionFromEditor(editor), note: editor.note };
    try {
      if (operation === 'publish') {
        const { version } = await publishProcess(who, change);
        return reply.redirect(`${here}?luu=published&v=${version}`, 303);
      }
      await saveProcessDraft(who, change);
      return reply.redirect(`${here}?luu=draft`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validationFailed') throw error;
      const view = await getProcedureProcess(deps.db, request.actor, code, ctx.lang);
      return sendPage(reply, <ProcessPage ctx={ctx} view={view} editor={editor} errors={error.fieldErrors} />, 400);
    }
  });
}
