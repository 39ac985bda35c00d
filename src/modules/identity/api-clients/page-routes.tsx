import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { t } from '../../../platform/i18n/messages.ts';
import { requestLang } from '../../../platform/http/request-lang.ts';
import { toFieldErrors } from '../../../platform/validation/validator.ts';
import type { PageContext } from '../../../platform/views/layout.tsx';
import { sendPage } from '../../../platform/views/render.ts';
import { createApiClient } from './create-api-client.ts';
import { listApiClients } from './list-api-clients.ts';
import { revokeApiClient } from './revoke-api-client.ts';
import { ApiClientsPage, CreatedClientPage, emptyForm, type ApiClientForm } from './pages/api-clients-page.tsx';

export interface ApiClientPageDeps {
  db: Kysely<Database>;
  now: () => Date;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const CreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
  kind: Type.Union([Type.Literal('apiKey'), Type.Literal('oauthClient')]),
  // One checked box arrives as a string, several as an array.
  scopes: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })])),
  agencyCode: Type.Optional(Type.String({ maxLength: 40 })),
  _csrf: Type.Optional(Type.String()),
});
const manage = { access: { permission: 'apiClient.manage' } } as const;

/** Back office: registering and revoking the API clients of other systems (issue 3 §3). */
export function registerApiClientPages(app: FastifyInstance, deps: ApiClientPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();
  const origin = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
  const listPage = async (request: FastifyRequest, reply: FastifyReply, status = 200, form?: ApiClientForm, fieldErrors?: ReturnType<typeof toFieldErrors>) => {
    const overview = await listApiClients(deps.db, request.actor, deps.now());
    const ctx = await deps.pageContext(request, reply);
    // One token per page: a second generateCsrf() would set a second secret cookie and orphan the first token.
    return sendPage(reply, <ApiClientsPage ctx={ctx} csrfToken={ctx.csrfToken ?? reply.generateCsrf()} overview={overview} form={form} fieldErrors={fieldErrors} />, status);
  };

  pages.get('/quan-tri/ung-dung', { schema: { hide: true }, config: manage }, async (request, reply) => listPage(request, reply));

  pages.post('/quan-tri/ung-dung', { schema: { hide: true, body: CreateBody }, attachValidation: true, config: manage }, async (request, reply) => {
    const raw = (request.body ?? {}) as Partial<Record<'name' | 'kind' | 'agencyCode', unknown>> & { scopes?: unknown };
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const form: ApiClientForm = {
      name: text(raw.name), kind: text(raw.kind) || emptyForm.kind, agencyCode: text(raw.agencyCode),
      scopes: [raw.scopes ?? []].flat().filter((s): s is string => typeof s === 'string'),
    };
    const lang = requestLang(request);
    if (request.validationError) return listPage(request, reply, 400, form, toFieldErrors(request.validationError.validation as never, lang, '/body'));
    const result = await createApiClient(deps.db, request.actor, deps.now(), {
      name: form.name, kind: form.kind as 'apiKey' | 'oauthClient', scopes: form.scopes, agencyCode: form.agencyCode || undefined,
    }, origin(request));
    if (!result.ok) return listPage(request, reply, 400, form, result.problems.map((p) => ({ path: `/body/${p.field}`, message: t(lang, p.key) })));
    // The secret is in this page only: never cached, never in a URL.
    reply.header('cache-control', 'no-store');
    return sendPage(reply, <CreatedClientPage ctx={await deps.pageContext(request, reply)} name={result.name} credentials={result.credentials} />);
  });

  pages.post('/quan-tri/ung-dung/:id/thu-hoi', {
    schema: { hide: true, params: Type.Object({ id: Type.String({ format: 'uuid' }) }) }, config: manage,
  }, async (request, reply) => {
    await revokeApiClient(deps.db, request.actor, deps.now(), request.params.id, origin(request));
    return reply.redirect('/quan-tri/ung-dung', 303);
  });
}
