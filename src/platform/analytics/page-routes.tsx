import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { requestLang } from '../http/request-lang.ts';
import type { PageContext } from '../views/layout.tsx';
import { sendPage } from '../views/render.ts';
import { exportAccessStatistics } from './export-access-statistics.ts';
import { getAccessStatistics } from './get-access-statistics.ts';
import { AccessStatisticsPage } from './pages/access-statistics-page.tsx';
import { readPeriod } from './statistics-period.ts';

export interface AccessStatisticsPageDeps {
  db: Kysely<Database>;
  now: () => Date;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

// Dates arrive as typed; they are checked by readPeriod so a wrong one is shown back with its message.
const PeriodQuery = Type.Object({ from: Type.Optional(Type.String({ maxLength: 20 })), to: Type.Optional(Type.String({ maxLength: 20 })) });
const ExportQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 20 })), to: Type.Optional(Type.String({ maxLength: 20 })),
  table: Type.Union([Type.Literal('days'), Type.Literal('pages')], { default: 'days' }),
});

/** The back office's access statistics page and its CSV export (P-14; issue 3 §5). */
export function registerAccessStatisticsPages(app: FastifyInstance, deps: AccessStatisticsPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();
  const access = { permission: 'report.read' } as const;

  pages.get('/quan-tri/thong-ke-truy-cap', { schema: { hide: true, querystring: PeriodQuery }, config: { access } }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const asked = readPeriod(request.query, deps.now());
    if (!asked.ok) {
      return sendPage(reply, <AccessStatisticsPage ctx={ctx} from={request.query.from ?? ''} to={request.query.to ?? ''} errors={asked.errors} />, 400);
    }
    const statistics = await getAccessStatistics(deps.db, request.actor, asked.period);
    return sendPage(reply, <AccessStatisticsPage ctx={ctx} from={asked.period.from} to={asked.period.to} statistics={statistics} />);
  });

  pages.get('/quan-tri/thong-ke-truy-cap/csv', { schema: { hide: true, querystring: ExportQuery }, config: { access } }, async (request, reply) => {
    const asked = readPeriod(request.query, deps.now());
    if (!asked.ok) {
      const ctx = await deps.pageContext(request, reply);
      return sendPage(reply, <AccessStatisticsPage ctx={ctx} from={request.query.from ?? ''} to={request.query.to ?? ''} errors={asked.errors} />, 400);
    }
    const csv = await exportAccessStatistics(deps.db, request.actor, { period: asked.period, table: request.query.table, lang: requestLang(request) });
    const name = `thong-ke-truy-cap_${request.query.table}_${asked.period.from}_${asked.period.to}.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(csv);
  });
}
