import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/tables.ts';
import { t } from '../../../platform/i18n/messages.ts';
import { sessionCookieOptions } from '../../../platform/http/authentication.ts';
import type { PageContext } from '../../../platform/views/layout.tsx';
import { sendPage } from '../../../platform/views/render.ts';
import { sessionCookieName, type SessionPolicy } from '../session-policy.ts';
import type { MessageContext } from './account-messages.ts';
import { changePassword } from './change-password.ts';
import { RegisterPage } from './pages/register-page.tsx';
import { ChangePasswordPage, ForgotPasswordPage, PasswordSetPage, ResetPasswordPage } from './pages/password-pages.tsx';
import { CheckInboxPage, ConfirmEmailPage, InvalidLinkPage, VerifiedPage } from './pages/verification-pages.tsx';
import { registerAccount } from './register-account.ts';
import { formFields, parseRegistrationForm, problemMessages } from './registration-form.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { resendVerification } from './resend-verification.ts';
import { findPasswordToken, resetPassword } from './reset-password.ts';
import { verifyEmailLink } from './verify-email-link.ts';
import { verifyPhoneCode } from './verify-phone-code.ts';

export interface RegistrationPageDeps {
  db: Kysely<Database>;
  now: () => Date;
  policy: SessionPolicy;
  secureCookies: boolean;
  publicUrl: string;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

// Per IP, on top of the per-account allowance counted in the database (account-message-quota.ts).
const sendsMessages = { rateLimit: { max: 5, timeWindow: 60_000 } } as const;
const checksSecrets = { rateLimit: { max: 10, timeWindow: 60_000 } } as const;

/** Registration, verification, password reset and change (issue 3 §1, §3). Every page works without JavaScript. */
export function registerRegistrationPages(app: FastifyInstance, deps: RegistrationPageDeps): void {
  const client = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    const ctx = await deps.pageContext(request, reply);
    const message: MessageContext = { lang: ctx.lang, portalName: ctx.lang === 'en' ? ctx.site.portalNameEn : ctx.site.portalName, publicUrl: deps.publicUrl };
    // A signed-in page already made a token (for the sign-out button): a second would replace its secret cookie.
    return { ctx, message, csrfToken: ctx.csrfToken ?? reply.generateCsrf() };
  };
  const token = (request: FastifyRequest) => {
    const value = (request.query as Record<string, unknown>)['token'] ?? (request.body as Record<string, unknown> | undefined)?.['token'];
    return typeof value === 'string' ? value : '';
  };

  app.get('/dang-ky', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const { ctx, csrfToken } = await page(request, reply);
    return sendPage(reply, <RegisterPage ctx={ctx} csrfToken={csrfToken} />);
  });

  app.post('/dang-ky', { schema: { hide: true }, config: { ...sendsMessages, access: 'public' } }, async (request, reply) => {
    const { ctx, message, csrfToken } = await page(request, reply);
    const fields = formFields(request.body);
    const again = (errors: Record<string, string>) => sendPage(reply, <RegisterPage ctx={ctx} csrfToken={csrfToken} values={fields} errors={errors} />, 400);
    const parsed = parseRegistrationForm(fields, ctx.lang);
    if (!parsed.ok) return again(parsed.errors);
    const outcome = await registerAccount(deps.db, parsed.value, { now: deps.now(), ...client(request), message });
    if (!outcome.ok) return again(problemMessages(outcome.problems, ctx.lang));
    return sendPage(reply, <CheckInboxPage ctx={ctx} csrfToken={csrfToken} channel={outcome.channel} phone={outcome.phone} />);
  });

  app.get('/dang-ky/xac-minh', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const { ctx, csrfToken } = await page(request, reply);
    return sendPage(reply, <ConfirmEmailPage ctx={ctx} csrfToken={csrfToken} token={token(request)} />);
  });

  app.post('/dang-ky/xac-minh', { schema: { hide: true }, config: { ...checksSecrets, access: 'public' } }, async (request, reply) => {
    const { ctx, csrfToken } = await page(request, reply);
    const ok = await verifyEmailLink(deps.db, { token: token(request), now: deps.now(), ...client(request) });
    return ok ? sendPage(reply, <VerifiedPage ctx={ctx} />) : sendPage(reply, <InvalidLinkPage ctx={ctx} csrfToken={csrfToken} />, 400);
  });

  app.get('/dang-ky/xac-minh-ma', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const { ctx, csrfToken } = await page(request, reply);
    return sendPage(reply, <CheckInboxPage ctx={ctx} csrfToken={csrfToken} channel="phone" />);
  });

  app.post('/dang-ky/xac-minh-ma', { schema: { hide: true }, config: { ...checksSecrets, access: 'public' } }, async (request, reply) => {
    const { ctx, csrfToken } = await page(request, reply);
    const fields = formFields(request.body);
    const ok = await verifyPhoneCode(deps.db, { phone: fields['phone'] ?? '', code: fields['code'] ?? '', now: deps.now(), ...client(request) });
    if (ok) return sendPage(reply, <VerifiedPage ctx={ctx} />);
    return sendPage(reply, <CheckInboxPage ctx={ctx} csrfToken={csrfToken} channel="phone" phone={fields['phone']} errors={{ code: t(ctx.lang, 'registration.error.code') }} />, 400);
  });

  app.post('/dang-ky/gui-lai', { schema: { hide: true }, config: { ...sendsMessages, access: 'public' } }, async (request, reply) => {
    const { ctx, message, csrfToken } = await page(request, reply);
    const contact = formFields(request.body)['contact'] ?? '';
    await resendVerification(deps.db, { contact, now: deps.now(), message });
    return sendPage(reply, <CheckInboxPage ctx={ctx} csrfToken={csrfToken} channel={contact.includes('@') || !contact ? 'email' : 'phone'} phone={contact.includes('@') ? undefined : contact} />);
  });

  app.get('/quen-mat-khau', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const { ctx, csrfToken } = await page(request, reply);
    return sendPage(reply, <ForgotPasswordPage ctx={ctx} csrfToken={csrfToken} />);
  });

  app.post('/quen-mat-khau', { schema: { hide: true }, config: { ...sendsMessages, access: 'public' } }, async (request, reply) => {
    const { ctx, message, csrfToken } = await page(request, reply);
    const contact = formFields(request.body)['contact'] ?? '';
    if (!contact) return sendPage(reply, <ForgotPasswordPage ctx={ctx} csrfToken={csrfToken} errors={{ contact: t(ctx.lang, 'registration.error.required') }} />, 400);
    await requestPasswordReset(deps.db, { contact, now: deps.now(), ...client(request), message });
    return sendPage(reply, <ForgotPasswordPage ctx={ctx} csrfToken={csrfToken} contact={contact} sent />);
  });

  app.get('/dat-lai-mat-khau', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const { ctx, csrfToken } = await page(request, reply);
    const target = await findPasswordToken(deps.db, token(request), deps.now());
    if (!target) return sendPage(reply, <InvalidLinkPage ctx={ctx} csrfToken={csrfToken} reset />, 400);
    return sendPage(reply, <ResetPasswordPage ctx={ctx} csrfToken={csrfToken} token={token(request)} name={target.display_name} />);
  });

  app.post('/dat-lai-mat-khau', { schema: { hide: true }, config: { ...checksSecrets, access: 'public' } }, async (request, reply) => {
    const { ctx, csrfToken } = await page(request, reply);
    const fields = formFields(request.body);
    const outcome = await resetPassword(deps.db, { token: token(request), password: fields['password'] ?? '', passwordConfirm: fields['passwordConfirm'] ?? '', now: deps.now(), ...client(request) });
    if (outcome.ok) return sendPage(reply, <PasswordSetPage ctx={ctx} />);
    if (outcome.reason === 'invalidToken') return sendPage(reply, <InvalidLinkPage ctx={ctx} csrfToken={csrfToken} reset />, 400);
    const target = await findPasswordToken(deps.db, token(request), deps.now());
    return sendPage(reply, <ResetPasswordPage ctx={ctx} csrfToken={csrfToken} token={token(request)} name={target?.display_name ?? ''} errors={problemMessages(outcome.problems, ctx.lang)} />, 400);
  });

  app.get('/tai-khoan/mat-khau', { schema: { hide: true }, config: { access: 'signedIn' } }, async (request, reply) => {
    const { ctx, csrfToken } = await page(request, reply);
    return sendPage(reply, <ChangePasswordPage ctx={ctx} csrfToken={csrfToken} />);
  });

  app.post('/tai-khoan/mat-khau', { schema: { hide: true }, config: { ...checksSecrets, access: 'signedIn' } }, async (request, reply) => {
    const fields = formFields(request.body);
    const outcome = await changePassword(deps.db, request.actor, {
      currentPassword: fields['currentPassword'] ?? '', password: fields['password'] ?? '', passwordConfirm: fields['passwordConfirm'] ?? '',
      sessionToken: request.sessionToken, now: deps.now(), ...client(request), policy: deps.policy,
    });
    if (outcome.ok) reply.setCookie(sessionCookieName, outcome.token, sessionCookieOptions(deps.secureCookies));
    const { ctx, csrfToken } = await page(request, reply);
    if (outcome.ok) return sendPage(reply, <PasswordSetPage ctx={ctx} signedIn />);
    return sendPage(reply, <ChangePasswordPage ctx={ctx} csrfToken={csrfToken} errors={problemMessages(outcome.problems, ctx.lang)} />, 400);
  });
}
