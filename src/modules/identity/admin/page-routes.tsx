import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { t, type Lang, type MessageKey } from '../../../platform/i18n/messages.ts';
import { requestLang } from '../../../platform/http/request-lang.ts';
import { toFieldErrors } from '../../../platform/validation/validator.ts';
import type { PageContext } from '../../../platform/views/layout.tsx';
import { sendPage } from '../../../platform/views/render.ts';
import type { AdminContext, FieldProblem } from './admin-context.ts';
import { activationHours, createOfficer } from './create-officer.ts';
import { deactivateOfficer } from './deactivate-officer.ts';
import { getOfficer } from './get-officer.ts';
import { grantRole } from './grant-role.ts';
import { listGrantChoices } from './list-grant-choices.ts';
import { listOfficers } from './list-officers.ts';
import { listRoleAssignments } from './list-role-assignments.ts';
import { listRoles } from './list-roles.ts';
import { listUnits } from './list-units.ts';
import { moveOfficer } from './move-officer.ts';
import { reactivateOfficer } from './reactivate-officer.ts';
import { resetOfficerMfa } from './reset-officer-mfa.ts';
import { revokeRole } from './revoke-role.ts';
import { updateRolePermissions } from './update-role-permissions.ts';
import { findRole } from './repository-admin.ts';
import { readUnits } from './units.ts';
import type { FormError } from './pages/admin-parts.tsx';
import { AssignmentsPage } from './pages/assignments-page.tsx';
import { OfficerDetailPage, type DetailFormValues } from './pages/officer-detail-page.tsx';
import { CreateOfficerPage, OfficerCreatedPage } from './pages/officer-form-pages.tsx';
import { OfficerListPage } from './pages/officer-list-page.tsx';
import { EditRolePage, RolesPage } from './pages/role-pages.tsx';
import { UnitsPage } from './pages/units-page.tsx';

export interface AdminPageDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** The portal's public address, for the activation link in the e-mail. */
  publicUrl: string;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const manage = { access: { permission: 'officer.manage' } } as const;
const manageRoles = { access: { permission: 'role.manage' } } as const;
const Csrf = { _csrf: Type.Optional(Type.String()) };
const OfficerParams = Type.Object({ accountId: Type.String({ format: 'uuid' }) });
const RoleParams = Type.Object({ roleCode: Type.String({ maxLength: 60 }) });
const Page = Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }));
const doneMessages = ['granted', 'revoked', 'moved', 'deactivated', 'reactivated', 'mfaReset', 'saved'] as const;
const Done = Type.Optional(Type.Union(doneMessages.map((d) => Type.Literal(d))));

const NewOfficerBody = Type.Object({
  displayName: Type.String({ minLength: 1, maxLength: 120 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  phone: Type.Optional(Type.String({ maxLength: 20, pattern: '^(|\\+?[0-9][0-9 .-]{7,18})$' })),
  agency: Type.String({ minLength: 1, maxLength: 20 }),
  role: Type.String({ minLength: 1, maxLength: 60 }),
  ...Csrf,
});
const UnitRoleBody = Type.Object({ agency: Type.String({ minLength: 1, maxLength: 20 }), role: Type.String({ minLength: 1, maxLength: 60 }), ...Csrf });
const MoveBody = Type.Object({ from: Type.String({ minLength: 1, maxLength: 20 }), to: Type.String({ minLength: 1, maxLength: 20 }), ...Csrf });
const ReasonBody = Type.Object({ reason: Type.String({ maxLength: 500 }), ...Csrf });
const PermissionsBody = Type.Object({ permissions: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String(), { maxItems: 50 })])), ...Csrf });

const fromProblems = (lang: Lang, problems: readonly FieldProblem[]): FormError[] => problems.map((p) => ({ field: p.field, message: t(lang, p.key) }));
const fromValidation = (lang: Lang, request: FastifyRequest): FormError[] =>
  toFieldErrors(request.validationError?.validation as never, lang, '/body').map((e) => ({ field: e.path.split('/').pop() ?? '', message: e.message }));
const bodyOf = (request: FastifyRequest) => (request.body ?? {}) as Record<string, string | undefined>;

/** The back office's officer, role and unit administration under /quan-tri (issue 3 §2, S-f). */
export function registerOfficerAdminPages(app: FastifyInstance, deps: AdminPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();
  const context = (request: FastifyRequest): AdminContext => ({
    db: deps.db, actor: request.actor, now: deps.now(), origin: { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
  });

  pages.get('/quan-tri/can-bo', {
    schema: { hide: true, querystring: Type.Object({
      q: Type.Optional(Type.String({ maxLength: 200 })), unit: Type.Optional(Type.String({ maxLength: 20 })), role: Type.Optional(Type.String({ maxLength: 60 })),
      status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('disabled')])), page: Page,
    }) },
    config: manage,
  }, async (request, reply) => {
    const query = { ...request.query, page: request.query.page ?? 1 };
    const list = await listOfficers(context(request), query);
    const { roles } = await listRoles(context(request));
    return sendPage(reply, <OfficerListPage ctx={await deps.pageContext(request, reply)} query={query} list={list} roles={roles} />);
  });

  const choicesFor = async (request: FastifyRequest) => {
    const ctx = context(request);
    const choices = await listGrantChoices(ctx.db, ctx.actor, await readUnits(ctx.db, ctx.now));
    return { units: choices.grantableUnits, roles: choices.grantableRoles };
  };

  pages.get('/quan-tri/can-bo/moi', { schema: { hide: true }, config: manage }, async (request, reply) =>
    sendPage(reply, <CreateOfficerPage ctx={await deps.pageContext(request, reply)} csrfToken={reply.generateCsrf()} choices={await choicesFor(request)} />));

  pages.post('/quan-tri/can-bo', { schema: { hide: true, body: NewOfficerBody }, attachValidation: true, config: manage }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const body = bodyOf(request);
    const values = { displayName: body['displayName'] ?? '', email: body['email'] ?? '', phone: body['phone'] ?? '', agency: body['agency'] ?? '', role: body['role'] ?? '' };
    const again = async (errors: FormError[]) =>
      sendPage(reply, <CreateOfficerPage ctx={ctx} csrfToken={reply.generateCsrf()} choices={await choicesFor(request)} values={values} errors={errors} />, 400);
    if (request.validationError) return again(fromValidation(ctx.lang, request));
    const outcome = await createOfficer({ ...context(request), publicUrl: deps.publicUrl }, {
      displayName: values.displayName, email: values.email, phone: values.phone, agencyCode: values.agency, roleCode: values.role,
    });
    if (!outcome.ok) return again(fromProblems(ctx.lang, outcome.problems));
    reply.header('cache-control', 'no-store');
    return sendPage(reply, <OfficerCreatedPage ctx={ctx} accountId={outcome.accountId} email={values.email.trim()} link={outcome.activationLink} hours={activationHours} />, 201);
  });

  const showOfficer = async (request: FastifyRequest, reply: FastifyReply, accountId: string, extra: { done?: string; values?: DetailFormValues; errors?: FormError[] }, status?: number) => {
    const detail = await getOfficer(context(request), accountId);
    return sendPage(reply, <OfficerDetailPage ctx={await deps.pageContext(request, reply)} csrfToken={reply.generateCsrf()} detail={detail} {...extra} />, status);
  };
  const backToOfficer = (reply: FastifyReply, accountId: string, done: (typeof doneMessages)[number]) =>
    reply.redirect(`/quan-tri/can-bo/${accountId}?ok=${done}`, 303);

  pages.get('/quan-tri/can-bo/:accountId', { schema: { hide: true, params: OfficerParams, querystring: Type.Object({ ok: Done }) }, config: manage }, async (request, reply) => {
    const lang = requestLang(request);
    const done = request.query.ok ? t(lang, `admin.done.${request.query.ok}` as MessageKey) : undefined;
    return showOfficer(request, reply, request.params.accountId, done ? { done } : {});
  });

  pages.post('/quan-tri/can-bo/:accountId/vai-tro', { schema: { hide: true, params: OfficerParams, body: UnitRoleBody }, attachValidation: true, config: manage }, async (request, reply) => {
    const { accountId } = request.params;
    const body = bodyOf(request);
    const values = { agency: body['agency'] ?? '', role: body['role'] ?? '' };
    const lang = requestLang(request);
    if (request.validationError) return showOfficer(request, reply, accountId, { values, errors: fromValidation(lang, request) }, 400);
    const outcome = await grantRole(context(request), { accountId, agencyCode: values.agency, roleCode: values.role });
    if (!outcome.ok) return showOfficer(request, reply, accountId, { values, errors: fromProblems(lang, outcome.problems) }, 400);
    return backToOfficer(reply, accountId, 'granted');
  });

  pages.post('/quan-tri/can-bo/:accountId/vai-tro/thu-hoi', { schema: { hide: true, params: OfficerParams, body: UnitRoleBody }, config: manage }, async (request, reply) => {
    await revokeRole(context(request), { accountId: request.params.accountId, agencyCode: request.body.agency, roleCode: request.body.role });
    return backToOfficer(reply, request.params.accountId, 'revoked');
  });

  pages.post('/quan-tri/can-bo/:accountId/chuyen-don-vi', { schema: { hide: true, params: OfficerParams, body: MoveBody }, attachValidation: true, config: manage }, async (request, reply) => {
    const { accountId } = request.params;
    const body = bodyOf(request);
    const values = { from: body['from'] ?? '', to: body['to'] ?? '' };
    const lang = requestLang(request);
    if (request.validationError) return showOfficer(request, reply, accountId, { values, errors: fromValidation(lang, request) }, 400);
    const outcome = await moveOfficer(context(request), { accountId, fromAgencyCode: values.from, toAgencyCode: values.to });
    if (!outcome.ok) return showOfficer(request, reply, accountId, { values, errors: fromProblems(lang, outcome.problems) }, 400);
    return backToOfficer(reply, accountId, 'moved');
  });

  pages.post('/quan-tri/can-bo/:accountId/vo-hieu-hoa', { schema: { hide: true, params: OfficerParams }, config: manage }, async (request, reply) => {
    await deactivateOfficer(context(request), request.params.accountId);
    return backToOfficer(reply, request.params.accountId, 'deactivated');
  });

  pages.post('/quan-tri/can-bo/:accountId/kich-hoat-lai', { schema: { hide: true, params: OfficerParams }, config: manage }, async (request, reply) => {
    await reactivateOfficer(context(request), request.params.accountId);
    return backToOfficer(reply, request.params.accountId, 'reactivated');
  });

  pages.post('/quan-tri/can-bo/:accountId/dat-lai-xac-thuc', { schema: { hide: true, params: OfficerParams, body: ReasonBody }, attachValidation: true, config: manage }, async (request, reply) => {
    const { accountId } = request.params;
    const values = { reason: bodyOf(request)['reason'] ?? '' };
    const lang = requestLang(request);
    if (request.validationError) return showOfficer(request, reply, accountId, { values, errors: fromValidation(lang, request) }, 400);
    const outcome = await resetOfficerMfa(context(request), { accountId, reason: values.reason });
    if (!outcome.ok) return showOfficer(request, reply, accountId, { values, errors: fromProblems(lang, outcome.problems) }, 400);
    return backToOfficer(reply, accountId, 'mfaReset');
  });

  pages.get('/quan-tri/vai-tro', { schema: { hide: true, querystring: Type.Object({ ok: Done }) }, config: manage }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const { roles, editable } = await listRoles(context(request));
    return sendPage(reply, <RolesPage ctx={ctx} roles={roles} editable={editable} done={request.query.ok === 'saved' ? t(ctx.lang, 'admin.done.saved') : undefined} />);
  });

  const roleOr404 = async (code: string) => {
    const role = await findRole(deps.db, code);
    if (!role) throw new AppError('notFound');
    return role;
  };

  pages.get('/quan-tri/vai-tro/:roleCode', { schema: { hide: true, params: RoleParams }, config: manageRoles }, async (request, reply) => {
    const role = await roleOr404(request.params.roleCode);
    return sendPage(reply, <EditRolePage ctx={await deps.pageContext(request, reply)} csrfToken={reply.generateCsrf()} role={role} checked={role.permissions} />);
  });

  pages.post('/quan-tri/vai-tro/:roleCode', { schema: { hide: true, params: RoleParams, body: PermissionsBody }, config: manageRoles }, async (request, reply) => {
    const role = await roleOr404(request.params.roleCode);
    const permissions = [request.body.permissions ?? []].flat();
    const outcome = await updateRolePermissions(context(request), { roleCode: role.code, permissions });
    if (!outcome.ok) {
      const ctx = await deps.pageContext(request, reply);
      return sendPage(reply, <EditRolePage ctx={ctx} csrfToken={reply.generateCsrf()} role={role} checked={permissions} errors={fromProblems(ctx.lang, outcome.problems)} />, 400);
    }
    return reply.redirect('/quan-tri/vai-tro?ok=saved', 303);
  });

  pages.get('/quan-tri/don-vi', { schema: { hide: true }, config: manage }, async (request, reply) =>
    sendPage(reply, <UnitsPage ctx={await deps.pageContext(request, reply)} tree={await listUnits(context(request))} />));

  pages.get('/quan-tri/phan-quyen', { schema: { hide: true, querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), page: Page }) }, config: manage }, async (request, reply) => {
    const page = request.query.page ?? 1;
    const result = await listRoleAssignments(context(request), { q: request.query.q, page });
    return sendPage(reply, <AssignmentsPage ctx={await deps.pageContext(request, reply)} q={request.query.q ?? ''} page={page} result={result} />);
  });
}
