import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { t } from '../../../platform/i18n/messages.ts';
import { toFieldErrors } from '../../../platform/validation/validator.ts';
import type { PageContext } from '../../../platform/views/layout.tsx';
import { sendPage } from '../../../platform/views/render.ts';
import { sessionCookieName } from '../session-policy.ts';
import { declarableAttributes } from './attributes.ts';
import { closeAccount } from './close-account.ts';
import { getOwnProfile } from './get-own-profile.ts';
import { notificationChannels, setNotificationChannels } from './set-notification-channels.ts';
import { updateDeclaredProfile } from './update-declared-profile.ts';
import { AccountClosedPage, CloseAccountPage } from './pages/close-account-page.tsx';
import { NotificationChannelsPage } from './pages/notification-channels-page.tsx';
import { ProfilePage } from './pages/profile-page.tsx';

export interface ProfilePageDeps {
  db: Kysely<Database>;
  now: () => Date;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const formAttributes = [...new Set(Object.values(declarableAttributes).flat())];
// Every attribute any kind of account may declare; which ones this account may is the use case's rule.
const ProfileBody = Type.Object({
  ...Object.fromEntries(formAttributes.map((name) => [name, Type.Optional(Type.String({ maxLength: 300 }))])),
  _csrf: Type.Optional(Type.String()),
}, { additionalProperties: false });
const Channel = Type.Union(notificationChannels.map((c) => Type.Literal(c)));
const ChannelsBody = Type.Object({ channels: Type.Optional(Type.Union([Channel, Type.Array(Channel, { maxItems: 3 })])), _csrf: Type.Optional(Type.String()) });
const CloseBody = Type.Object({
  password: Type.Optional(Type.String({ maxLength: 128 })), phrase: Type.Optional(Type.String({ maxLength: 60 })), _csrf: Type.Optional(Type.String()),
});
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 1 })) });

const clientOf = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });

/** The person's own profile pages (issue 3 §1): declared data, notification channels, closing the account. */
export function registerProfilePages(app: FastifyInstance, deps: ProfilePageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();
  // An officer's data is managed by administrators: the links lead officers back to their account page.
  const officerBack = (request: FastifyRequest, reply: FastifyReply) => (request.actor.kind === 'officer' ? reply.redirect('/tai-khoan', 303) : undefined);

  pages.get('/tai-khoan/thong-tin', { schema: { hide: true, querystring: SavedQuery }, config: { access: 'signedIn' } }, async (request, reply) => {
    const back = officerBack(request, reply);
    if (back) return back;
    const profile = await getOwnProfile(deps.db, request.actor);
    return sendPage(reply, <ProfilePage ctx={await deps.pageContext(request, reply)} csrfToken={reply.generateCsrf()} profile={profile} saved={request.query.saved === '1'} />);
  });

  pages.post('/tai-khoan/thong-tin', { schema: { hide: true, body: ProfileBody }, attachValidation: true, config: { access: 'signedIn' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string | undefined>;
    const values = Object.fromEntries(Object.entries(body).filter(([name]) => name !== '_csrf'));
    const ctx = await deps.pageContext(request, reply);
    const again = async (errors: { name: string; message: string }[]) => sendPage(reply,
      <ProfilePage ctx={ctx} csrfToken={reply.generateCsrf()} profile={await getOwnProfile(deps.db, request.actor)} values={values} errors={errors} />, 400);
    if (request.validationError) {
      return again(toFieldErrors(request.validationError.validation as never, ctx.lang, '/body').map((e) => ({ name: e.path.split('/').pop() ?? '', message: e.message })));
    }
    const result = await updateDeclaredProfile(deps.db, { actor: request.actor, now: deps.now(), values, ...clientOf(request) });
    if (!result.ok) return again(result.errors.map((e) => ({ name: e.name, message: t(ctx.lang, e.message) })));
    return reply.redirect('/tai-khoan/thong-tin?saved=1', 303);
  });

  pages.get('/tai-khoan/thong-bao', { schema: { hide: true, querystring: SavedQuery }, config: { access: 'signedIn' } }, async (request, reply) => {
    const back = officerBack(request, reply);
    if (back) return back;
    const { account } = await getOwnProfile(deps.db, request.actor);
    return sendPage(reply, <NotificationChannelsPage ctx={await deps.pageContext(request, reply)} csrfToken={reply.generateCsrf()}
      channels={account.channels} contact={account} saved={request.query.saved === '1'} />);
  });

  pages.post('/tai-khoan/thong-bao', { schema: { hide: true, body: ChannelsBody }, attachValidation: true, config: { access: 'signedIn' } }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    if (request.validationError) throw new AppError('validationFailed', toFieldErrors(request.validationError.validation as never, ctx.lang, '/body'));
    const channels = [request.body.channels ?? []].flat();
    const result = await setNotificationChannels(deps.db, { actor: request.actor, now: deps.now(), channels, ...clientOf(request) });
    if (!result.ok) {
      const { account } = await getOwnProfile(deps.db, request.actor);
      return sendPage(reply, <NotificationChannelsPage ctx={ctx} csrfToken={reply.generateCsrf()} channels={channels} contact={account}
        errors={result.errors.map((e) => ({ name: e.name, message: t(ctx.lang, e.message) }))} />, 400);
    }
    return reply.redirect('/tai-khoan/thong-bao?saved=1', 303);
  });

  pages.get('/tai-khoan/dong-tai-khoan', { schema: { hide: true }, config: { access: 'signedIn' } }, async (request, reply) => {
    const back = officerBack(request, reply);
    if (back) return back;
    const { account } = await getOwnProfile(deps.db, request.actor);
    return sendPage(reply, <CloseAccountPage ctx={await deps.pageContext(request, reply)} csrfToken={reply.generateCsrf()} hasPassword={account.hasPassword} />);
  });

  // Rate-limited like sign-in: the password field must not become a way to guess passwords.
  pages.post('/tai-khoan/dong-tai-khoan', { schema: { hide: true, body: CloseBody }, config: { access: 'signedIn', rateLimit: { max: 10, timeWindow: 60_000 } } }, async (request, reply) => {
    const result = await closeAccount(deps.db, { actor: request.actor, now: deps.now(), password: request.body.password, phrase: request.body.phrase, ...clientOf(request) });
    if (!result.ok) {
      const ctx = await deps.pageContext(request, reply);
      return sendPage(reply, <CloseAccountPage ctx={ctx} csrfToken={reply.generateCsrf()} hasPassword={result.field === 'password'}
        error={{ name: result.field, message: t(ctx.lang, result.message) }} />, 400);
    }
    reply.clearCookie(sessionCookieName, { path: '/' });
    return reply.redirect('/tai-khoan/da-dong', 303);
  });

  pages.get('/tai-khoan/da-dong', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) =>
    sendPage(reply, <AccountClosedPage ctx={await deps.pageContext(request, reply)} />));
}
