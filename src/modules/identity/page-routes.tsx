import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { t, type Lang } from '../../platform/i18n/messages.ts';
import { sessionCookieOptions } from '../../platform/http/authentication.ts';
import { toFieldErrors } from '../../platform/validation/validator.ts';
import type { PageContext } from '../../platform/views/layout.tsx';
import { sendPage } from '../../platform/views/render.ts';
import { endSession } from './end-session.ts';
import { SignInPage } from './pages/sign-in-page.tsx';
import { EnrolPage, RecoveryCodesPage, SecondFactorPage } from './pages/second-factor-pages.tsx';
import { beginTotpEnrolment, confirmTotpEnrolment } from './enrol-second-factor.ts';
import { verifySecondFactor } from './verify-second-factor.ts';
import { getAccountOverview } from './get-account-overview.ts';
import { AccountPage } from './pages/account-page.tsx';
import { sessionCookieName, type SessionPolicy } from './session-policy.ts';
import { signInWithPassword } from './sign-in-with-password.ts';
import { startSession } from './start-session.ts';
import { localPath } from '../../platform/http/local-path.ts';

export interface IdentityPageDeps {
  db: Kysely<Database>;
  now: () => Date;
  policy: SessionPolicy;
  secureCookies: boolean;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const SignInBody = Type.Object({
  identifier: Type.String({ minLength: 1, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 128 }),
  next: Type.Optional(Type.String({ maxLength: 500 })),
  _csrf: Type.Optional(Type.String()),
});

const lockEndTime = (lang: Lang, until: Date) =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' }).format(until);


/** Sign-in and sign-out pages for local accounts (issue 3 §1-3). */
export function registerIdentityPages(app: FastifyInstance, deps: IdentityPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();
  const signInLimit = { rateLimit: { max: 10, timeWindow: 60_000 } } as const;

  pages.get('/dang-nhap', { schema: { hide: true, querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 500 })) }) }, config: { access: 'public' } }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    return sendPage(reply, <SignInPage ctx={ctx} csrfToken={reply.generateCsrf()} next={localPath(request.query.next)} />);
  });

  pages.post('/dang-nhap', { schema: { hide: true, body: SignInBody }, attachValidation: true, config: { ...signInLimit, access: 'public' } }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const body = (request.body ?? {}) as Partial<{ identifier: string; password: string; next: string }>;
    const again = (status: number, extra: { formError?: string; fieldErrors?: ReturnType<typeof toFieldErrors> }) =>
      sendPage(reply, <SignInPage ctx={ctx} csrfToken={reply.generateCsrf()} identifier={body.identifier ?? ''} next={localPath(body.next)} {...extra} />, status);
    if (request.validationError) {
      return again(400, { fieldErrors: toFieldErrors(request.validationError.validation as never, ctx.lang, '/body') });
    }
    const now = deps.now();
    const outcome = await signInWithPassword(deps.db, {
      identifier: body.identifier!, password: body.password!, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, now,
    });
    if (!outcome.ok) {
      const formError = outcome.reason === 'locked' ? t(ctx.lang, 'signIn.locked', { time: lockEndTime(ctx.lang, outcome.lockedUntil) }) : t(ctx.lang, 'signIn.invalid');
      return again(outcome.reason === 'locked' ? 423 : 401, { formError });
    }
    const mfaVerified = outcome.mfa === 'notRequired';
    const { token } = await deps.db.transaction().execute((trx) => startSession(trx, {
      accountId: outcome.accountId, officer: outcome.officer, mfaVerified, previousToken: request.sessionToken,
      ip: request.ip, userAgent: request.headers['user-agent'] ?? null, now, policy: deps.policy,
    }));
    reply.setCookie(sessionCookieName, token, sessionCookieOptions(deps.secureCookies));
    const target = outcome.mfa === 'verify' ? '/dang-nhap/xac-thuc' : outcome.mfa === 'enrol' ? '/dang-nhap/thiet-lap-xac-thuc' : localPath(body.next) ?? '/';
    return reply.redirect(target, 303);
  });

  // An officer who passed the password but not yet the second factor holds a session that grants nothing.
  const pendingOfficer = (request: FastifyRequest) =>
    request.actor.kind === 'officer' && !request.actor.mfaVerified && request.sessionToken ? request.actor : undefined;
  const upgradeSession = async (request: FastifyRequest, reply: FastifyReply, accountId: string) => {
    const { token } = await deps.db.transaction().execute((trx) => startSession(trx, {
      accountId, officer: true, mfaVerified: true, previousToken: request.sessionToken,
      ip: request.ip, userAgent: request.headers['user-agent'] ?? null, now: deps.now(), policy: deps.policy,
    }));
    reply.setCookie(sessionCookieName, token, sessionCookieOptions(deps.secureCookies));
  };
  const CodeBody = Type.Object({ code: Type.String({ maxLength: 40 }), _csrf: Type.Optional(Type.String()) });

  pages.get('/dang-nhap/xac-thuc', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    if (!pendingOfficer(request)) return reply.redirect(request.actor.kind === 'officer' ? '/tai-khoan' : '/dang-nhap', 303);
    return sendPage(reply, <SecondFactorPage ctx={await deps.pageContext(request, reply)} csrfToken={reply.generateCsrf()} />);
  });

  pages.post('/dang-nhap/xac-thuc', { schema: { hide: true, body: CodeBody }, config: { ...signInLimit, access: 'public' } }, async (request, reply) => {
    const officer = pendingOfficer(request);
    if (!officer) return reply.redirect('/dang-nhap', 303);
    const outcome = await verifySecondFactor(deps.db, { accountId: officer.accountId, code: request.body.code, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, now: deps.now() });
    if (!outcome.ok) {
      const ctx = await deps.pageContext(request, reply);
      const error = outcome.lockedUntil ? t(ctx.lang, 'signIn.locked', { time: lockEndTime(ctx.lang, outcome.lockedUntil) }) : t(ctx.lang, 'mfa.invalid');
      return sendPage(reply, <SecondFactorPage ctx={ctx} csrfToken={reply.generateCsrf()} error={error} />, outcome.lockedUntil ? 423 : 401);
    }
    await upgradeSession(request, reply, officer.accountId);
    return reply.redirect('/tai-khoan', 303);
  });

  pages.get('/dang-nhap/thiet-lap-xac-thuc', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const officer = pendingOfficer(request);
    if (!officer) return reply.redirect('/dang-nhap', 303);
    const ctx = await deps.pageContext(request, reply);
    const enrolment = await beginTotpEnrolment(deps.db, { accountId: officer.accountId, issuer: ctx.site.portalName });
    if (!enrolment) return reply.redirect('/dang-nhap/xac-thuc', 303);
    return sendPage(reply, <EnrolPage ctx={ctx} csrfToken={reply.generateCsrf()} secret={enrolment.secret} qrSvg={enrolment.qrSvg} />);
  });

  pages.post('/dang-nhap/thiet-lap-xac-thuc', { schema: { hide: true, body: CodeBody }, config: { ...signInLimit, access: 'public' } }, async (request, reply) => {
    const officer = pendingOfficer(request);
    if (!officer) return reply.redirect('/dang-nhap', 303);
    const result = await confirmTotpEnrolment(deps.db, { accountId: officer.accountId, code: request.body.code, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, now: deps.now() });
    const ctx = await deps.pageContext(request, reply);
    if (!result.ok) {
      const enrolment = await beginTotpEnrolment(deps.db, { accountId: officer.accountId, issuer: ctx.site.portalName });
      if (!enrolment) return reply.redirect('/dang-nhap/xac-thuc', 303);
      return sendPage(reply, <EnrolPage ctx={ctx} csrfToken={reply.generateCsrf()} secret={enrolment.secret} qrSvg={enrolment.qrSvg} error={t(ctx.lang, 'mfa.invalid')} />, 400);
    }
    await upgradeSession(request, reply, officer.accountId);
    return sendPage(reply, <RecoveryCodesPage ctx={ctx} codes={result.recoveryCodes} />);
  });

  pages.get('/tai-khoan', { schema: { hide: true }, config: { access: 'signedIn' } }, async (request, reply) => {
    const overview = await getAccountOverview(deps.db, request.actor);
    return sendPage(reply, <AccountPage ctx={await deps.pageContext(request, reply)} overview={overview} />);
  });

  pages.post('/dang-xuat', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    // A session that came from an identity provider is ended there too (RP-initiated logout).
    const providerSignOut = await app.oidcSignOut(request);
    if (request.sessionToken) {
      await endSession(deps.db, { token: request.sessionToken, actor: request.actor, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, now: deps.now() });
    }
    reply.clearCookie(sessionCookieName, { path: '/' });
    return providerSignOut ? providerSignOut(reply) : reply.redirect('/', 303);
  });
}
