import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { toFieldErrors } from '../../platform/validation/validator.ts';
import type { PageContext } from '../../platform/views/layout.tsx';
import { sendPage } from '../../platform/views/render.ts';
import { OfficerSearchPage, searchPath, type SearchParams } from './pages/officer-search-page.tsx';
import { emptyDossierSearch, searchDossiers } from './search-dossiers.ts';

export interface OfficerSearchDeps {
  db: Kysely<Database>;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const text = Type.Optional(Type.String({ maxLength: 100 }));
const day = Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }));
const Query = Type.Object({
  ma: text, ten: text, 'so-giay-to': text, 'thu-tuc': text,
  'trang-thai': Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })), 'don-vi': Type.Optional(Type.Integer({ minimum: 1 })),
  'tu-ngay': day, 'den-ngay': day, 'sap-xep': Type.Optional(Type.Union([Type.Literal('received'), Type.Literal('due')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});

/** The officers' dossier search (issue 4 §5): `GET /xu-ly/tra-cuu`, for anyone who may read dossiers somewhere. */
export function registerOfficerSearchPages(app: FastifyInstance, deps: OfficerSearchDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();
  pages.get(searchPath, { schema: { hide: true, querystring: Query }, attachValidation: true, config: { access: { permission: 'dossier.read' } } }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const raw = request.query as Record<string, unknown>;
    const params: SearchParams = Object.fromEntries(Object.entries(raw).filter(([name]) => name !== 'page').map(([name, value]) => [name, String(value)]));
    if (request.validationError) {
      const errors = toFieldErrors(request.validationError.validation as never, ctx.lang);
      return sendPage(reply, <OfficerSearchPage ctx={ctx} params={params} result={await emptyDossierSearch(deps.db, request.actor)} errors={errors} />, 400);
    }
    const q = request.query;
    const result = await searchDossiers(deps.db, request.actor, {
      code: q.ma, name: q.ten, idNumber: q['so-giay-to'], procedure: q['thu-tuc'], status: q['trang-thai'], unitId: q['don-vi'],
      from: q['tu-ngay'], to: q['den-ngay'], sort: q['sap-xep'], page: q.page,
    });
    return sendPage(reply, <OfficerSearchPage ctx={ctx} params={params} result={result} />);
  });
}
