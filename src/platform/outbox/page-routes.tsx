import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { AppError } from '../http/app-error.ts';
import type { PageContext } from '../views/layout.tsx';
import { sendPage } from '../views/render.ts';
import { listOutboxFailures, type OutboxFailureQuery } from './list-outbox-failures.ts';
import { OutboxFailuresPage, outboxFailuresPath } from './pages/outbox-failures-page.tsx';
import { resendOutboxMessage } from './resend-outbox-message.ts';

export interface OutboxPageDeps {
  db: Kysely<Database>;
  now: () => Date;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const access = { access: { permission: 'outbox.manage' } } as const;
const ListQuery = Type.Object({
  chu_de: Type.Optional(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9._-]{0,39}$' })),
  trang_thai: Type.Optional(Type.Union([Type.Literal('dead'), Type.Literal('retrying')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  da_gui_lai: Type.Optional(Type.Integer({ minimum: 1 })),
});

/** The back office's delivery failures page and its Resend action (issue 5 §3, G-07). */
export function registerOutboxPages(app: FastifyInstance, deps: OutboxPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();

  pages.get(outboxFailuresPath, { schema: { hide: true, querystring: ListQuery }, config: access }, async (request, reply) => {
    const query: OutboxFailureQuery = { topic: request.query.chu_de, state: request.query.trang_thai, page: request.query.page ?? 1 };
    const list = await listOutboxFailures(deps.db, request.actor, query);
    return sendPage(reply, <OutboxFailuresPage ctx={await deps.pageContext(request, reply)} query={query} list={list} resent={request.query.da_gui_lai} />);
  });

  pages.post(`${outboxFailuresPath}/:id/gui-lai`, { schema: { hide: true, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }) }, config: access }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    try {
      await resendOutboxMessage(deps.db, { actor: request.actor, now: deps.now(), lang: ctx.lang, ip: request.ip, userAgent: request.headers['user-agent'] ?? null }, request.params.id);
    } catch (error) {
      // A message no longer dead (sent meanwhile, or resent by a colleague): say so above the list.
      if (!(error instanceof AppError) || error.code !== 'validationFailed') throw error;
      const query: OutboxFailureQuery = { page: 1 };
      const list = await listOutboxFailures(deps.db, request.actor, query);
      return sendPage(reply, <OutboxFailuresPage ctx={ctx} query={query} list={list} errors={error.fieldErrors.map((e) => ({ message: e.message }))} />, 400);
    }
    return reply.redirect(`${outboxFailuresPath}?da_gui_lai=${request.params.id}`, 303);
  });
}
