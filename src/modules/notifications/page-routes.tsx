import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import type { PageContext } from '../../platform/views/layout.tsx';
import { sendPage } from '../../platform/views/render.ts';
import { listNotifications, markNotificationsRead } from './inbox.ts';
import { InboxPage } from './pages/inbox-page.tsx';

export interface NotificationPageDeps {
  db: Kysely<Database>;
  now: () => Date;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const Page = Type.Integer({ minimum: 1, maximum: 1000 });
// Form fields arrive as text (bodies are not coerced).
const Digits = Type.String({ pattern: '^[1-9][0-9]{0,14}$' });
const MarkBody = Type.Object({
  id: Type.Optional(Digits), all: Type.Optional(Type.Literal('1')), page: Type.Optional(Digits), _csrf: Type.Optional(Type.String()),
}, { additionalProperties: false });

/** The in-app inbox of every signed-in person and officer (issue 4 §5). */
export function registerNotificationPages(app: FastifyInstance, deps: NotificationPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();

  pages.get('/thong-bao', { schema: { hide: true, querystring: Type.Object({ page: Type.Optional(Page) }) }, config: { access: 'signedIn' } }, async (request, reply) => {
    const inbox = await listNotifications(deps.db, request.actor, request.query.page ?? 1);
    return sendPage(reply, <InboxPage ctx={await deps.pageContext(request, reply)} inbox={inbox} />);
  });

  // One notification (id) or all of them (all=1); back to the page the reader was on.
  pages.post('/thong-bao/da-doc', { schema: { hide: true, body: MarkBody }, config: { access: 'signedIn' } }, async (request, reply) => {
    const { id, all } = request.body;
    const page = Math.min(Number(request.body.page ?? 1), 1000);
    if (id !== undefined || all) await markNotificationsRead(deps.db, request.actor, deps.now(), id !== undefined ? { id: Number(id) } : 'all');
    return reply.redirect(`/thong-bao${page > 1 ? `?page=${page}` : ''}`, 303);
  });
}
