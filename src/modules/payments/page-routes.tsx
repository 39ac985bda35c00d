import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { t } from '../../platform/i18n/messages.ts';
import type { PageContext } from '../../platform/views/layout.tsx';
import { sendPage } from '../../platform/views/render.ts';
import { sendPdf } from '../dossiers/send-pdf.ts';
import type { PaymentGateway } from './gateway/payment-gateway.ts';
import { getDeskPayments } from './get-desk-payments.ts';
import { handleGatewayIpn } from './handle-gateway-ipn.ts';
import { handleGatewayReturn } from './handle-gateway-return.ts';
import { ApplicantPaymentPage, DeskPaymentPage, PaymentReturnPage, PaymentsAdminPage, paymentMethods, paymentStatuses } from './pages/payment-pages.tsx';
import { recordCounterPayment } from './record-counter-payment.ts';
import { requestRefund } from './refund-payment.ts';
import { renderPaymentReceipt } from './render-payment-receipt.ts';
import { requestPayment } from './request-payment.ts';
import { searchPayments } from './repository.ts';
import { getApplicantPayments, startOnlinePayment } from './start-online-payment.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import type { Access } from '../../platform/http/access.ts';

export interface PaymentPageDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** The configured gateway; undefined when online payment is off. */
  gateway: PaymentGateway | undefined;
  /** PUBLIC_URL when set; else return URLs are built from the request's own host (development and tests). */
  publicUrl: string | undefined;
  pageContext: (request: FastifyRequest, reply: FastifyReply) => Promise<PageContext>;
}

const Reference = Type.Object({ reference: Type.String({ maxLength: 40 }) });
const DossierId = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Form = Type.Record(Type.String(), Type.String({ maxLength: 1000 }));
const VnpQuery = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 1000 }));

/** Lets the payment page's form lead to the gateway: browsers apply form-action to the redirect after a POST too. */
function allowGatewayForm(reply: FastifyReply, gateway: PaymentGateway | undefined, probe: string): void {
  const csp = reply.getHeader('content-security-policy');
  if (!gateway || typeof csp !== 'string') return;
  reply.header('content-security-policy', csp.replace("form-action 'self'", `form-action 'self' ${new URL(probe).origin}`));
}

const gatewayProbe = (gateway: PaymentGateway) => gateway.redirectUrl({ reference: 'probe', amount: 1, info: 'probe', createdAt: new Date(0) }, { returnUrl: 'http://localhost/', ipAddr: '127.0.0.1', lang: 'vi' });

/** Fees and payments (issue 5 §2): the applicant's payment page, the gateway's return and IPN, the desk, receipts, the list. */
export function registerPaymentPages(app: FastifyInstance, deps: PaymentPageDeps): void {
  const pages = app.withTypeProvider<TypeBoxTypeProvider>();
  const probe = deps.gateway ? gatewayProbe(deps.gateway) : '';

  pages.get('/ho-so-cua-toi/:reference/thanh-toan', { schema: { hide: true, params: Reference }, config: { access: 'person' } }, async (request, reply) => {
    const view = await getApplicantPayments(deps.db, request.actor, request.params.reference);
    allowGatewayForm(reply, deps.gateway, probe);
    return sendPage(reply, <ApplicantPaymentPage ctx={await deps.pageContext(request, reply)} view={view} online={Boolean(deps.gateway)} />);
  });

  pages.post('/ho-so-cua-toi/:reference/thanh-toan', { schema: { hide: true, params: Reference, body: Form }, config: { access: 'person' } }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const base = deps.publicUrl ?? `${request.protocol}://${request.host}`;
    try {
      const { redirectUrl } = await startOnlinePayment(deps.db, deps.gateway, request.actor, deps.now(), ctx.lang, {
        reference: request.params.reference, returnUrl: `${base}/thanh-toan/ket-qua`, ipAddr: request.ip,
      });
      return reply.redirect(redirectUrl, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'transitionNotAllowed') throw error;
      const view = await getApplicantPayments(deps.db, request.actor, request.params.reference);
      return sendPage(reply, <ApplicantPaymentPage ctx={ctx} view={view} online={Boolean(deps.gateway)} errors={[{ path: '/', message: t(ctx.lang, 'payments.nothingDue') }]} />, 409);
    }
  });

  pages.get('/thanh-toan/ket-qua', { schema: { hide: true, querystring: VnpQuery }, config: { access: 'public' } }, async (request, reply) => {
    const view = await handleGatewayReturn(deps.db, deps.gateway, deps.now(), request.query);
    return sendPage(reply, <PaymentReturnPage ctx={await deps.pageContext(request, reply)} view={view} />, view.verified ? 200 : 400);
  });

  // The gateway's server-to-server call: no session, no CSRF token; trust comes from the signature alone.
  pages.get('/api/v1/payments/vnpay/ipn', {
    schema: { hide: true, querystring: VnpQuery }, config: { access: 'public', csrfExempt: true, rateLimit: { max: 300, timeWindow: 60_000 } },
  }, async (request, reply) => reply.header('cache-control', 'no-store').send(await handleGatewayIpn(deps.db, deps.gateway, deps.now(), request.query)));

  pages.get('/ho-so-cua-toi/:reference/bien-lai/:paymentId', {
    schema: { hide: true, params: Type.Object({ reference: Type.String({ maxLength: 40 }), paymentId: Type.String({ format: 'uuid' }) }) }, config: { access: 'person' },
  }, async (request, reply) => sendPdf(reply, await renderPaymentReceipt(deps.db, request.actor, (await deps.pageContext(request, reply)).lang,
    { paymentId: request.params.paymentId, reference: request.params.reference })));

  pages.get('/mot-cua/ho-so/:id/bien-lai/:paymentId', {
    schema: { hide: true, params: Type.Object({ id: Type.String({ format: 'uuid' }), paymentId: Type.String({ format: 'uuid' }) }) }, config: { access: { permission: 'dossier.read' } },
  }, async (request, reply) => sendPdf(reply, await renderPaymentReceipt(deps.db, request.actor, (await deps.pageContext(request, reply)).lang,
    { paymentId: request.params.paymentId, dossierId: request.params.id })));

  // The fee page is open to officers who may read the dossier (the specialist asks for fees too); the use cases
  // decide: requesting needs dossier.receive or dossier.process, the counter and refunds dossier.receive.
  const desk: { access: Access } = { access: { permission: 'dossier.receive' } };
  const officers: { access: Access } = { access: { permission: 'dossier.read' } };
  pages.get('/mot-cua/ho-so/:id/thanh-toan', { schema: { hide: true, params: DossierId, querystring: Type.Object({ xong: Type.Optional(Type.String({ maxLength: 1 })) }) }, config: officers }, async (request, reply) => {
    const ctx = await deps.pageContext(request, reply);
    const view = await getDeskPayments(deps.db, request.actor, request.params.id);
    return sendPage(reply, <DeskPaymentPage ctx={ctx} view={view} notice={request.query.xong !== undefined ? t(ctx.lang, 'payments.deskDone') : undefined} />);
  });

  /** A desk payment action: run it, then back to the fee page; a refused rule re-renders it with the messages. */
  const action = (path: string, run: (request: FastifyRequest<{ Params: { id: string }; Body: Record<string, string> }>, lang: PageContext['lang']) => Promise<unknown>, config: { access: Access } = desk) =>
    pages.post(`/mot-cua/ho-so/:id/${path}`, { schema: { hide: true, params: DossierId, body: Form }, config }, async (request, reply) => {
      const ctx = await deps.pageContext(request, reply);
      try {
        await run(request, ctx.lang);
        return reply.redirect(`/mot-cua/ho-so/${request.params.id}/thanh-toan?xong=1`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || (error.code !== 'validationFailed' && error.code !== 'transitionNotAllowed' && error.code !== 'notFound')) throw error;
        const view = await getDeskPayments(deps.db, request.actor, request.params.id);
        const errors = error.fieldErrors.length ? error.fieldErrors : [{ path: '/', message: t(ctx.lang, error.messageKey, error.params) }];
        return sendPage(reply, <DeskPaymentPage ctx={ctx} view={view} errors={errors} values={request.body} />, error.status);
      }
    });
  const integer = (text: string | undefined) => (text?.trim() && /^\d{1,15}$/.test(text.trim().replace(/[.,\s]/g, '')) ? Number(text.trim().replace(/[.,\s]/g, '')) : text?.trim() ? -1 : undefined);

  action('yeu-cau-thanh-toan', async (request, lang) => {
    const body = request.body;
    const officerSet: Record<string, { amount?: number | undefined; reason?: string | undefined }> = {};
    for (const [key, value] of Object.entries(body)) {
      const m = /^(amount|reason)\.(.{1,40})$/.exec(key);
      if (!m) continue;
      officerSet[m[2]!] = { ...officerSet[m[2]!], ...(m[1] === 'amount' ? { amount: integer(value) } : { reason: value }) };
    }
    await requestPayment(deps.db, request.actor, deps.now(), lang, { dossierId: request.params.id, fees: { copies: integer(body['copies']), officerSet } });
  }, officers);
  action('hoan-tien', async (request, lang) => {
    await requestRefund(deps.db, request.actor, deps.now(), lang, { dossierId: request.params.id, paymentId: request.body['paymentId'] ?? '', reason: request.body['reason'] ?? '' });
  });
  action('thu-tai-quay', async (request, lang) => {
    await recordCounterPayment(deps.db, request.actor, deps.now(), lang, {
      dossierId: request.params.id, receiptNo: request.body['receiptNo'] ?? '', instrument: request.body['instrument'] === 'pos' ? 'pos' : 'cash',
    });
  });

  pages.get('/quan-tri/thanh-toan', {
    schema: {
      hide: true,
      querystring: Type.Object({
        trang_thai: Type.Optional(Type.Union(paymentStatuses.map((s) => Type.Literal(s)))), hinh_thuc: Type.Optional(Type.Union(paymentMethods.map((m) => Type.Literal(m)))),
        lech: Type.Optional(Type.Literal('1')), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
      }),
    },
    config: { access: { permission: 'report.read' } },
  }, async (request, reply) => {
    authorize(request.actor, 'report.read');
    // An officer sees the payments of the agencies where they hold report.read (the province's admins: all of them).
    const agencyIds = request.actor.kind === 'officer' ? [...new Set(request.actor.grants.filter((g) => g.permission === 'report.read').flatMap((g) => [...g.agencyIds]))] : [];
    const page = request.query.page ?? 1;
    const pageSize = 50;
    const filter = { status: request.query.trang_thai, method: request.query.hinh_thuc, mismatch: request.query.lech === '1' };
    const result = await searchPayments(deps.db, { status: filter.status, method: filter.method, mismatchOnly: filter.mismatch, agencyIds, limit: pageSize, offset: (page - 1) * pageSize });
    return sendPage(reply, <PaymentsAdminPage ctx={await deps.pageContext(request, reply)} view={{ ...result, page, pageSize, filter }} />);
  });
}
