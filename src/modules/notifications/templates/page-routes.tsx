import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { PageContext } from '../../../platform/views/layout.tsx';
import { sendPage } from '../../../platform/views/render.ts';
import { defaultSite } from '../../../platform/views/site.ts';
import type { TemplateParts } from '../tables.ts';
import { changeTemplate } from './change-template.ts';
import { getTemplate, listTemplates } from './get-templates.ts';
import { previewTemplate } from './preview-template.ts';
import { validateTemplate } from './validate-template.ts';
import { TemplateEditPage } from './pages/template-edit-page.tsx';
import { TemplateListPage, templatesPath } from './pages/template-list-page.tsx';

export interface TemplatePageDeps {
  db: Kysely<Database>;
  now: () => Date;
  publicUrl: string;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const access = { access: { permission: 'notification.manage' } } as const;
const Params = Type.Object({ kind: Type.String({ minLength: 1, maxLength: 60 }), lang: Type.String({ minLength: 2, maxLength: 2 }) });
const partsOf = (body: unknown): TemplateParts => {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (name: string) => (typeof b[name] === 'string' ? b[name] as string : '');
  return { title: text('title'), lead: text('lead'), sms: text('sms') };
};

/** The back-office pages where the province administrator words the applicant's notices (issue 5 §3, P-05). */
export function registerNotificationTemplatePages(app: FastifyInstance, deps: TemplatePageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();
  const who = (request: FastifyRequest, ctx: PageContext) => ({ actor: request.actor, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, now: deps.now(), lang: ctx.lang });

  pages.get(templatesPath, { schema: { hide: true }, config: access }, async (request, reply) => {
    const rows = await listTemplates(deps.db, request.actor);
    return sendPage(reply, <TemplateListPage ctx={await deps.pageContext(request, reply)} rows={rows} />);
  });

  pages.get(`${templatesPath}/:kind/:lang`, {
    schema: { hide: true, params: Params, querystring: Type.Object({ luu: Type.Optional(Type.Union([Type.Literal('saved'), Type.Literal('reset')])) }) }, config: access,
  }, async (request, reply) => {
    const detail = await getTemplate(deps.db, request.actor, request.params.kind, request.params.lang);
    return sendPage(reply, <TemplateEditPage ctx={await deps.pageContext(request, reply)} detail={detail} values={detail.current} saved={request.query.luu} />);
  });

  pages.post(`${templatesPath}/:kind/:lang`, { schema: { hide: true, params: Params }, config: access }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const { kind, lang } = request.params;
    const values = partsOf(request.body);
    try {
      await changeTemplate(deps.db, who(request, ctx), kind, lang, { action: 'save', parts: values });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validationFailed') throw error;
      const detail = await getTemplate(deps.db, request.actor, kind, lang);
      return sendPage(reply, <TemplateEditPage ctx={ctx} detail={detail} values={values} errors={error.fieldErrors} />, 400);
    }
    return reply.redirect(`${templatesPath}/${encodeURIComponent(kind)}/${lang}?luu=saved`, 303);
  });

  // The preview renders what the form holds and stores nothing (getTemplate checks notification.manage).
  pages.post(`${templatesPath}/:kind/:lang/xem-truoc`, { schema: { hide: true, params: Params }, config: access }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const detail = await getTemplate(deps.db, request.actor, request.params.kind, request.params.lang);
    const values = partsOf(request.body);
    const errors = validateTemplate(ctx.lang, values);
    const preview = errors.length ? undefined : previewTemplate(detail.lang, detail.kind, values, { name: defaultSite.portalName, publicUrl: deps.publicUrl }, deps.now());
    return sendPage(reply, <TemplateEditPage ctx={ctx} detail={detail} values={values} errors={errors} preview={preview} />, errors.length ? 400 : 200);
  });

  pages.post(`${templatesPath}/:kind/:lang/mac-dinh`, { schema: { hide: true, params: Params }, config: access }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const { kind, lang } = request.params;
    await changeTemplate(deps.db, who(request, ctx), kind, lang, { action: 'reset' });
    return reply.redirect(`${templatesPath}/${encodeURIComponent(kind)}/${lang}?luu=reset`, 303);
  });
}
