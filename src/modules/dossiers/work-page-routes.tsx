import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import { isAllowed } from '../../platform/auth/authorize.ts';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t } from '../../platform/i18n/messages.ts';
import type { PageContext } from '../../platform/views/layout.tsx';
import { sendPage } from '../../platform/views/render.ts';
import { assignDossiers } from './assign-dossiers.ts';
import { claimDossier } from './claim-dossier.ts';
import { endAbsence } from './end-absence.ts';
import { listAbsences } from './list-absences.ts';
import { dueStates, listWorkQueue, workTabs, type WorkQueueFilters, type WorkTab } from './list-work-queue.ts';
import { AbsencesPage } from './pages/absences-page.tsx';
import { WorkQueuePage } from './pages/work-queue-page.tsx';
import { releaseDossier } from './release-dossier.ts';
import { findDossier } from './repository.ts';
import { setAbsence } from './set-absence.ts';

export interface WorkPageDeps {
  db: Kysely<Database>;
  now: () => Date;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Query = Type.Object({
  hang: Type.Optional(Type.Union(workTabs.map((tab) => Type.Literal(tab)))),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  procedure: Type.Optional(Type.String({ maxLength: 40 })),
  step: Type.Optional(Type.String({ maxLength: 20 })),
  status: Type.Optional(Type.Integer({ minimum: 0, maximum: 10 })),
  due: Type.Optional(Type.Union(dueStates.map((d) => Type.Literal(d)))),
  receivedFrom: Type.Optional(date),
  receivedTo: Type.Optional(date),
  tim: Type.Optional(Type.String({ maxLength: 200 })),
  xong: Type.Optional(Type.Union([Type.Literal('claimed'), Type.Literal('released')])),
  ma: Type.Optional(Type.String({ maxLength: 60 })),
});
/** The queue's one form: checkboxes (one value or several), the officer, the reason, and the tab to come back to. */
const QueueForm = Type.Record(Type.String(), Type.Union([Type.String({ maxLength: 1000 }), Type.Array(Type.String({ maxLength: 100 }), { maxItems: 200 })]));
const Params = Type.Object({ id: Type.String({ format: 'uuid' }) });
const AbsenceForm = Type.Record(Type.String(), Type.String({ maxLength: 1000 }));

const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';
const tabOf = (value: unknown): WorkTab | undefined => (workTabs as readonly unknown[]).includes(value) ? value as WorkTab : undefined;

/** Officers' work queues, assignment, claiming and cover (issue 4 §2 "Assignment", §5 queues). */
export function registerWorkPages(app: FastifyInstance, deps: WorkPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();

  const queuePage = async (request: FastifyRequest, reply: FastifyReply, ctx: PageContext, input: { tab?: WorkTab | undefined; filters?: WorkQueueFilters; page?: number },
    extra: { notice?: string; errors?: { message: string }[]; report?: Awaited<ReturnType<typeof assignDossiers>> } = {}, status = 200) => {
    const view = await listWorkQueue(deps.db, request.actor, deps.now(), input);
    return sendPage(reply, <WorkQueuePage ctx={ctx} view={view} mayManageAbsences={isAllowed(request.actor, 'dossier.assign')} {...extra} />, status);
  };

  pages.get('/xu-ly', { schema: { hide: true, querystring: Query }, config: { access: { permission: 'dossier.read' } } }, async (request, reply) => {
    const q = request.query;
    const ctx = await deps.pageContext(request, reply);
    const notice = q.xong ? t(ctx.lang, q.xong === 'claimed' ? 'work.claimed' : 'work.released', { code: q.ma ?? '' }) : undefined;
    return queuePage(request, reply, ctx, {
      tab: q.hang, page: q.page,
      filters: { procedure: q.procedure, step: q.step, status: q.status, due: q.due, receivedFrom: q.receivedFrom, receivedTo: q.receivedTo, q: q.tim },
    }, notice ? { notice } : {});
  });

  pages.post('/xu-ly/phan-cong', { schema: { hide: true, body: QueueForm }, config: { access: { permission: 'dossier.assign' } } }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const ids = request.body['dossierId'];
    const tab = tabOf(text(request.body['hang']));
    try {
      const report = await assignDossiers(deps.db, request.actor, deps.now(), ctx.lang, {
        dossierIds: ids === undefined ? [] : [ids].flat(), assigneeId: text(request.body['assigneeId']), reason: text(request.body['reason']),
      });
      return queuePage(request, reply, ctx, { tab }, { report });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validationFailed') throw error;
      return queuePage(request, reply, ctx, { tab }, { errors: error.fieldErrors.map((e) => ({ message: e.message })) }, error.status);
    }
  });

  /** Claim and give back: done, back to "my queue" with a notice; refused by the rules, the queue with the reason. */
  const holderAction = (path: string, run: (request: FastifyRequest<{ Params: { id: string }; Body: Record<string, string | string[]> }>) => Promise<unknown>, done: 'claimed' | 'released', access: string) =>
    pages.post(`/xu-ly/ho-so/:id/${path}`, { schema: { hide: true, params: Params, body: QueueForm }, config: { access: { permission: access } } }, async (request, reply) => {
      try {
        await run(request);
        const dossier = await findDossier(deps.db, request.params.id);
        return reply.redirect(`/xu-ly?hang=mine&xong=${done}&ma=${encodeURIComponent(dossier?.code ?? dossier?.reference ?? '')}`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || !['dossierHeld', 'transitionNotAllowed', 'validationFailed'].includes(error.code)) throw error;
        const ctx = await deps.pageContext(request, reply);
        const errors = error.fieldErrors.length ? error.fieldErrors : [{ message: t(ctx.lang, error.messageKey, error.params) }];
        return queuePage(request, reply, ctx, { tab: tabOf(text(request.body['hang'])) }, { errors }, error.status);
      }
    });
  holderAction('nhan', (request) => claimDossier(deps.db, request.actor, deps.now(), { dossierId: request.params.id }), 'claimed', 'dossier.process');
  holderAction('tra-lai-hang-cho', (request) => releaseDossier(deps.db, request.actor, deps.now(), { dossierId: request.params.id, reason: text(request.body['releaseReason']) }), 'released', 'dossier.read');

  const absences = { access: { permission: 'dossier.assign' } } as const;
  pages.get('/xu-ly/vang-mat', { schema: { hide: true, querystring: Type.Object({ xong: Type.Optional(Type.Union([Type.Literal('set'), Type.Literal('ended')])) }) }, config: absences }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const notice = request.query.xong ? t(ctx.lang, request.query.xong === 'set' ? 'work.absence.saved' : 'work.absence.ended') : undefined;
    return sendPage(reply, <AbsencesPage ctx={ctx} view={await listAbsences(deps.db, request.actor, deps.now())} notice={notice} />);
  });

  pages.post('/xu-ly/vang-mat', { schema: { hide: true, body: AbsenceForm }, config: absences }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const body = request.body;
    try {
      if (body['endAbsenceId']) {
        await endAbsence(deps.db, request.actor, deps.now(), ctx.lang, { absenceId: Number(body['endAbsenceId']) || 0 });
        return reply.redirect('/xu-ly/vang-mat?xong=ended', 303);
      }
      await setAbsence(deps.db, request.actor, deps.now(), ctx.lang, {
        agencyId: Number(body['agencyId']) || 0, officerId: body['officerId'] ?? '', coveringOfficerId: body['coveringOfficerId'] ?? '',
        startsOn: body['startsOn'] ?? '', endsOn: body['endsOn'] ?? '', reason: body['reason'] ?? '',
      });
      return reply.redirect('/xu-ly/vang-mat?xong=set', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validationFailed') throw error;
      const view = await listAbsences(deps.db, request.actor, deps.now());
      return sendPage(reply, <AbsencesPage ctx={ctx} view={view} errors={error.fieldErrors} values={body} />, error.status);
    }
  });
}
