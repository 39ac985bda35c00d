import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { toFieldErrors } from '../../../platform/validation/validator.ts';
import type { PageContext } from '../../../platform/views/layout.tsx';
import { sendPage } from '../../../platform/views/render.ts';
import { changeCalendarDay } from './change-calendar-day.ts';
import { getCalendarYear } from './get-calendar-year.ts';
import { CalendarPage } from './pages/calendar-page.tsx';

export interface CalendarPageDeps {
  db: Kysely<Database>;
  now: () => Date;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const access = { access: { permission: 'calendar.manage' } } as const;
const DayBody = Type.Object({
  date: Type.String({ format: 'date' }),
  kind: Type.Union([Type.Literal('holiday'), Type.Literal('dayOff'), Type.Literal('workingDay')]),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  reason: Type.String({ maxLength: 300 }),
  _csrf: Type.Optional(Type.String()),
});
const RemoveBody = Type.Object({ date: Type.String({ format: 'date' }), reason: Type.String({ maxLength: 300 }), _csrf: Type.Optional(Type.String()) });

/** The back-office page where the province administrator keeps each year's calendar (issue 4 §1, CAL-04/05). */
export function registerCalendarPages(app: FastifyInstance, deps: CalendarPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();
  const yearOf = (now: Date) => Number(new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 4));

  pages.get('/quan-tri/lich-lam-viec', {
    schema: { hide: true, querystring: Type.Object({ nam: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), saved: Type.Optional(Type.Integer({ minimum: 0 })) }) }, config: access,
  }, async (request, reply) => {
    const data = await getCalendarYear(deps.db, request.actor, request.query.nam ?? yearOf(deps.now()));
    return sendPage(reply, <CalendarPage ctx={await deps.pageContext(request, reply)} data={data} recomputed={request.query.saved} />);
  });

  const handle = async (request: FastifyRequest, reply: FastifyReply, run: (lang: PageContext['lang']) => Promise<{ dossiersRecomputed: number }>, year: number, values: Record<string, string>) => {
    const ctx = await deps.pageContext(request, reply);
    let recomputed: number;
    try {
      if (request.validationError) throw new AppError('validationFailed', toFieldErrors(request.validationError.validation as never, ctx.lang));
      recomputed = (await run(ctx.lang)).dossiersRecomputed;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validationFailed') throw error;
      const data = await getCalendarYear(deps.db, request.actor, year);
      return sendPage(reply, <CalendarPage ctx={ctx} data={data} errors={error.fieldErrors} values={values} />, 400);
    }
    return reply.redirect(`/quan-tri/lich-lam-viec?nam=${year}&saved=${recomputed}`, 303);
  };
  const who = (request: FastifyRequest, lang: PageContext['lang']) => ({ actor: request.actor, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, now: deps.now(), lang });
  const yearOfDate = (date: unknown, fallback: number) => (typeof date === 'string' && /^\d{4}-/.test(date) ? Number(date.slice(0, 4)) : fallback);

  pages.post('/quan-tri/lich-lam-viec', { schema: { hide: true, body: DayBody }, attachValidation: true, config: access }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string>;
    return handle(request, reply, (lang) => changeCalendarDay(deps.db, who(request, lang), {
      action: 'set', day: { date: body['date']!, kind: body['kind'] as 'holiday', name: body['name']! }, reason: body['reason'] ?? '',
    }), yearOfDate(body['date'], yearOf(deps.now())), body);
  });

  pages.post('/quan-tri/lich-lam-viec/xoa', { schema: { hide: true, body: RemoveBody }, attachValidation: true, config: access }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string>;
    return handle(request, reply, (lang) => changeCalendarDay(deps.db, who(request, lang), { action: 'remove', date: body['date']!, reason: body['reason'] ?? '' }),
      yearOfDate(body['date'], yearOf(deps.now())), {});
  });
}
