import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startPaymentSimulator, type IpnMode, type PayOutcome, type RunningPaymentSimulator } from '../src/dev/payment-simulator.ts';
import type { Actor } from '../src/platform/context.ts';
import { inspectPdf } from '../src/platform/pdf/inspect-pdf.ts';
import { actorForAccount } from '../src/modules/identity/actor-for-account.ts';
import { receiveDossier } from '../src/modules/dossiers/receive-dossier.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { gatewayFromConfig } from '../src/modules/payments/gateway/gateway-from-config.ts';
import type { PaymentGateway } from '../src/modules/payments/gateway/payment-gateway.ts';
import { signedQuery } from '../src/modules/payments/gateway/vnpay-protocol.ts';
import { reconcilePayments } from '../src/modules/payments/reconcile-payments.ts';
import { requestPayment } from '../src/modules/payments/request-payment.ts';
import { startOnlinePayment } from '../src/modules/payments/start-online-payment.ts';
import { paymentRefundHandler } from '../src/modules/payments/refund-payment.ts';
import { deliverOutbox } from '../src/platform/outbox/deliver-outbox.ts';
import { demoPassword, httpClient, signInOfficer, type HttpClient } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const merchant = { tmnCode: 'TESTPAY1', hashSecret: 'test-only-hash-secret-0123456789' };
let sim: RunningPaymentSimulator;
let server: TestServer;
let gateway: PaymentGateway;
let citizen: HttpClient;
let business: HttpClient;
let desk: HttpClient;
let citizenActor: Actor;
let deskActor: Actor;

before(async () => {
  sim = await startPaymentSimulator({ merchant, lateMs: 300 });
  server = await startTestServer({ PAYMENT_GATEWAY_URL: sim.paymentUrl, PAYMENT_GATEWAY_API_URL: sim.apiUrl, PAYMENT_MERCHANT_CODE: merchant.tmnCode, PAYMENT_HASH_SECRET: merchant.hashSecret });
  gateway = gatewayFromConfig(server.config)!;
  const db = server.database.db;
  [citizenActor, deskActor] = await Promise.all([actorForAccount(db, 'an.nguyen@demo.hoabinhxanh.vn'), actorForAccount(db, 'mo.lt@demo.hoabinhxanh.vn')]);
  citizen = httpClient(server);
  assert.equal((await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: demoPassword })).status, 303);
  business = httpClient(server);
  assert.equal((await business.post('/dang-nhap', { identifier: 'ketoan@thuongmaihbx.demo.vn', password: demoPassword })).status, 303);
  desk = await signInOfficer(server, 'mo.lt@demo.hoabinhxanh.vn');
});
after(async () => {
  await server?.close();
  await sim?.close();
});

/** A residence registration of an.nguyen, received at the Hòa Lâm desk and waiting for its 20.000 ₫ fee (status 6). */
async function feeDossier(): Promise<{ id: string; reference: string }> {
  const db = server.database.db;
  const now = new Date();
  const filed = await submitDossier(db, citizenActor, now, 'vi', { procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: randomUUID() });
  await receiveDossier(db, deskActor, now, filed.id);
  await requestPayment(db, deskActor, now, 'vi', { dossierId: filed.id, fees: {} });
  return { id: filed.id, reference: filed.reference };
}

/** An order for the dossier, opened at the simulator as the browser would (the gateway then knows it). */
async function order(reference: string): Promise<string> {
  const { redirectUrl } = await startOnlinePayment(server.database.db, gateway, citizenActor, new Date(), 'vi', { reference, returnUrl: `${server.url}/thanh-toan/ket-qua`, ipAddr: '127.0.0.1' });
  assert.equal((await fetch(redirectUrl)).status, 200);
  return new URL(redirectUrl).searchParams.get('vnp_TxnRef')!;
}

async function pay(txnRef: string, outcome: PayOutcome, mode: IpnMode): Promise<string> {
  const returnTo = new URL(await sim.pay(txnRef, outcome, mode));
  return `${returnTo.pathname}${returnTo.search}`;
}

const repliesFor = (txnRef: string) => sim.ipnLog.filter((r) => r.txnRef === txnRef).map((r) => (r.reply as { RspCode: string }).RspCode);
const paidActions = async (dossierId: string) => (await server.database.db.selectFrom('dossier_action').select('seq').where('dossier_id', '=', dossierId).where('kind', '=', 'paid').execute()).length;
const statusOf = async (dossierId: string) => (await server.database.db.selectFrom('dossier').select('status').where('id', '=', dossierId).executeTakeFirstOrThrow()).status;
const paymentOf = (txnRef: string) => server.database.db.selectFrom('payment').selectAll().where('order_reference', '=', txnRef).executeTakeFirstOrThrow();
const eventsOf = async (paymentId: string) => server.database.db.selectFrom('payment_event').select(['kind', 'outcome']).where('payment_id', '=', paymentId).orderBy('id').execute();

describe('online payment through the gateway (issue 5 §2, ST-06, DL-12)', () => {
  it('shows the fees of the case and a button to pay online; POST creates an order and redirects to the gateway with a signed URL', async () => {
    const { reference } = await feeDossier();
    const page = await (await citizen.get(`/ho-so-cua-toi/${reference}/thanh-toan`)).text();
    assert.match(page, /Lệ phí đăng ký thường trú/);
    assert.match(page, /20\.000 ₫/);
    assert.match(page, /Hai mươi nghìn đồng/);
    assert.match(page, /Thanh toán trực tuyến/);
    const response = await citizen.post(`/ho-so-cua-toi/${reference}/thanh-toan`, {});
    assert.equal(response.status, 303);
    const target = new URL(response.headers.get('location')!);
    assert.equal(`${target.origin}${target.pathname}`, sim.paymentUrl);
    assert.equal(target.searchParams.get('vnp_Amount'), '2000000');
    assert.equal(target.searchParams.get('vnp_TmnCode'), merchant.tmnCode);
    assert.match(target.searchParams.get('vnp_SecureHash') ?? '', /^[0-9a-f]{128}$/);
    const payment = await paymentOf(target.searchParams.get('vnp_TxnRef')!);
    assert.equal(payment.status, 'pending');
    assert.deepEqual((await eventsOf(payment.id)).map((e) => e.kind), ['redirect']);
  });

  it('records a valid IPN once: the order is paid, the dossier leaves status 6 with one paid action', async () => {
    const dossier = await feeDossier();
    const ref = await order(dossier.reference);
    await pay(ref, 'success', 'before');
    assert.deepEqual(repliesFor(ref), ['00']);
    assert.equal((await paymentOf(ref)).status, 'paid');
    assert.equal(await statusOf(dossier.id), 2);
    assert.equal(await paidActions(dossier.id), 1);
  });

  it('answers a repeated IPN with 02 and records nothing more', async () => {
    const dossier = await feeDossier();
    const ref = await order(dossier.reference);
    await pay(ref, 'success', 'repeated');
    assert.deepEqual(repliesFor(ref), ['00', '02']);
    assert.equal(await paidActions(dossier.id), 1);
  });

  it('records one payment when two IPNs arrive at the same time', async () => {
    const dossier = await feeDossier();
    const ref = await order(dossier.reference);
    await pay(ref, 'success', 'concurrent');
    assert.deepEqual(repliesFor(ref).sort(), ['00', '02']);
    assert.equal(await paidActions(dossier.id), 1);
  });

  it('refuses a forged IPN with 97 and records nothing', async () => {
    const dossier = await feeDossier();
    const ref = await order(dossier.reference);
    await pay(ref, 'success', 'forged');
    assert.deepEqual(repliesFor(ref), ['97']);
    assert.equal((await paymentOf(ref)).status, 'pending');
    assert.equal(await statusOf(dossier.id), 6);
    assert.equal(await paidActions(dossier.id), 0);
  });

  it('answers 04 to a signed IPN with another amount and 01 to an unknown order', async () => {
    const dossier = await feeDossier();
    const ref = await order(dossier.reference);
    const ipn = (params: Record<string, string>) => fetch(`${server.url}/api/v1/payments/vnpay/ipn?${signedQuery(params, merchant.hashSecret)}`).then((r) => r.json());
    const base = { vnp_TmnCode: merchant.tmnCode, vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TransactionNo: '99990001', vnp_PayDate: '20261204100000', vnp_BankCode: 'NCB' };
    assert.deepEqual(await ipn({ ...base, vnp_TxnRef: ref, vnp_Amount: '200000' }), { RspCode: '04', Message: 'invalid amount' });
    assert.deepEqual(await ipn({ ...base, vnp_TxnRef: 'DVC000000NOSUCH', vnp_Amount: '2000000' }), { RspCode: '01', Message: 'Order not found' });
    assert.equal((await paymentOf(ref)).status, 'pending');
    assert.equal(await paidActions(dossier.id), 0);
  });

  it('IPN before the return: the return page shows the confirmed payment without asking the gateway', async () => {
    const dossier = await feeDossier();
    const ref = await order(dossier.reference);
    const back = await pay(ref, 'success', 'before');
    const page = await (await citizen.get(back)).text();
    assert.match(page, /Thanh toán thành công/);
    const payment = await paymentOf(ref);
    assert.match(page, new RegExp(`/ho-so-cua-toi/${dossier.reference}/bien-lai/${payment.id}`));
    assert.deepEqual((await eventsOf(payment.id)).map((e) => e.kind), ['redirect', 'ipn', 'return']);
  });

  it('late IPN: the return page queries the gateway once and records the payment; the later IPN is a no-op (02)', async () => {
    const dossier = await feeDossier();
    const ref = await order(dossier.reference);
    const back = await pay(ref, 'success', 'late');
    const page = await (await citizen.get(back)).text();
    assert.match(page, /Thanh toán thành công/);
    assert.equal(await paidActions(dossier.id), 1);
    await sim.settled();
    assert.deepEqual(repliesFor(ref), ['02']);
    assert.equal(await paidActions(dossier.id), 1);
    const payment = await paymentOf(ref);
    assert.deepEqual((await eventsOf(payment.id)).map((e) => `${e.kind}:${e.outcome}`), ['redirect:sent', 'return:success', 'query:paid', 'ipn:02']);
  });

  it('a failed payment leaves the dossier waiting, shows on the return and payment pages, and a new order can be made', async () => {
    const dossier = await feeDossier();
    const ref = await order(dossier.reference);
    const back = await pay(ref, 'insufficientFunds', 'before');
    assert.deepEqual(repliesFor(ref), ['00']);
    assert.equal((await paymentOf(ref)).status, 'failed');
    assert.equal(await statusOf(dossier.id), 6);
    const page = await (await citizen.get(back)).text();
    assert.match(page, /Thanh toán không thành công/);
    assert.match(page, /Thanh toán lại/);
    const paymentPage = await (await citizen.get(`/ho-so-cua-toi/${dossier.reference}/thanh-toan`)).text();
    assert.match(paymentPage, new RegExp(`${ref}[\\s\\S]*Không thành công`));
    const second = await order(dossier.reference);
    assert.notEqual(second, ref);
  });

  it('a return with a tampered signature is refused and records nothing', async () => {
    const dossier = await feeDossier();
    const ref = await order(dossier.reference);
    const back = await pay(ref, 'success', 'none');
    const response = await citizen.get(back.replace(/vnp_Amount=\d+/, 'vnp_Amount=100'));
    assert.equal(response.status, 400);
    assert.match(await response.text(), /Không xác nhận được kết quả thanh toán/);
    assert.equal((await paymentOf(ref)).status, 'pending');
  });

  it('gives the applicant an e-receipt PDF with the amount in figures and in Vietnamese words', async () => {
    const dossier = await feeDossier();
    const ref = await order(dossier.reference);
    await pay(ref, 'success', 'before');
    const payment = await paymentOf(ref);
    const response = await citizen.get(`/ho-so-cua-toi/${dossier.reference}/bien-lai/${payment.id}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    const pdf = await inspectPdf(Buffer.from(await response.arrayBuffer()));
    const text = pdf.all;
    assert.deepEqual(pdf.outside, []);
    assert.match(text, /BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ/);
    assert.match(text, /Hai mươi nghìn đồng/);
    assert.match(text, /20\.000 ₫/);
    assert.ok(text.includes(ref));
    assert.ok(text.includes(payment.transaction_no!));
    // An officer of the agency gets it too.
    assert.equal((await desk.get(`/mot-cua/ho-so/${dossier.id}/bien-lai/${payment.id}`)).status, 200);
  });

  it('refuses another person the payment page, the order and the receipt', async () => {
    const dossier = await feeDossier();
    const ref = await order(dossier.reference);
    await pay(ref, 'success', 'before');
    const payment = await paymentOf(ref);
    assert.equal((await business.get(`/ho-so-cua-toi/${dossier.reference}/thanh-toan`)).status, 404);
    assert.equal((await business.get(`/ho-so-cua-toi/${dossier.reference}/bien-lai/${payment.id}`)).status, 404);
    const other = await feeDossier();
    assert.equal((await business.post(`/ho-so-cua-toi/${other.reference}/thanh-toan`, {}, '/ho-so-cua-toi')).status, 404);
    assert.equal(await server.database.db.selectFrom('payment').select('id').where('dossier_id', '=', other.id).executeTakeFirst(), undefined);
    // Anonymous visitors are sent to sign in.
    assert.equal((await httpClient(server).get(`/ho-so-cua-toi/${dossier.reference}/thanh-toan`)).status, 303);
  });
});

describe('the desk: payment request and counter payment (issue 5 §2, DL-12)', () => {
  it('requests the case fees from a received dossier, which then waits in status 6', async () => {
    const filed = await submitDossier(server.database.db, citizenActor, new Date(), 'vi', { procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: randomUUID() });
    await receiveDossier(server.database.db, deskActor, new Date(), filed.id);
    const response = await desk.post(`/mot-cua/ho-so/${filed.id}/yeu-cau-thanh-toan`, {}, `/mot-cua/ho-so/${filed.id}/thanh-toan`);
    assert.equal(response.status, 303);
    assert.equal(await statusOf(filed.id), 6);
    const action = await server.database.db.selectFrom('dossier_action').select('payload').where('dossier_id', '=', filed.id).where('kind', '=', 'paymentRequested').executeTakeFirstOrThrow();
    assert.deepEqual((action.payload as { items: unknown[] }).items, [{ code: 'LP1', name: 'Lệ phí đăng ký thường trú', amount: 20_000 }]);
  });

  it('lets the specialist request the fees too, and refuses an officer who does not handle the dossier', async () => {
    const filed = await submitDossier(server.database.db, citizenActor, new Date(), 'vi', { procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: randomUUID() });
    await receiveDossier(server.database.db, deskActor, new Date(), filed.id);
    const clerk = await signInOfficer(server, 'nam.bv@demo.hoabinhxanh.vn');
    assert.equal((await clerk.post(`/mot-cua/ho-so/${filed.id}/yeu-cau-thanh-toan`, {}, '/mot-cua/ho-so')).status, 403);
    assert.equal(await statusOf(filed.id), 2);
    const specialist = await signInOfficer(server, 'duc.tv@demo.hoabinhxanh.vn');
    assert.equal((await specialist.post(`/mot-cua/ho-so/${filed.id}/yeu-cau-thanh-toan`, {}, `/mot-cua/ho-so/${filed.id}/thanh-toan`)).status, 303);
    assert.equal(await statusOf(filed.id), 6);
    // The specialist does not take money at the counter.
    assert.equal((await specialist.post(`/mot-cua/ho-so/${filed.id}/thu-tai-quay`, { instrument: 'cash', receiptNo: 'X9' }, `/mot-cua/ho-so/${filed.id}/thanh-toan`)).status, 403);
  });

  it('records a cash payment with its receipt number; the dossier resumes and the receipt is issued', async () => {
    const dossier = await feeDossier();
    const refused = await desk.post(`/mot-cua/ho-so/${dossier.id}/thu-tai-quay`, { instrument: 'cash', receiptNo: '' }, `/mot-cua/ho-so/${dossier.id}/thanh-toan`);
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Nhập số biên lai/);
    assert.equal(await statusOf(dossier.id), 6);
    const response = await desk.post(`/mot-cua/ho-so/${dossier.id}/thu-tai-quay`, { instrument: 'cash', receiptNo: 'BL-0001234' }, `/mot-cua/ho-so/${dossier.id}/thanh-toan`);
    assert.equal(response.status, 303);
    assert.equal(await statusOf(dossier.id), 2);
    assert.equal(await paidActions(dossier.id), 1);
    const payment = await server.database.db.selectFrom('payment').selectAll().where('dossier_id', '=', dossier.id).executeTakeFirstOrThrow();
    assert.deepEqual([payment.method, payment.status, payment.transaction_no, Number(payment.amount)], ['counter', 'paid', 'BL-0001234', 20_000]);
    // Recording it again is refused: the dossier no longer waits for payment.
    assert.equal((await desk.post(`/mot-cua/ho-so/${dossier.id}/thu-tai-quay`, { instrument: 'cash', receiptNo: 'BL-0001235' }, `/mot-cua/ho-so/${dossier.id}`)).status, 409);
    assert.equal(await paidActions(dossier.id), 1);
    assert.equal((await citizen.get(`/ho-so-cua-toi/${dossier.reference}/bien-lai/${payment.id}`)).status, 200);
  });

  it('refuses the counter payment to an applicant and to an officer of another agency', async () => {
    const dossier = await feeDossier();
    assert.equal((await citizen.post(`/mot-cua/ho-so/${dossier.id}/thu-tai-quay`, { instrument: 'cash', receiptNo: 'X1' }, `/ho-so-cua-toi/${dossier.reference}`)).status, 403);
    const otherDesk = await signInOfficer(server, 'thu.pt@demo.hoabinhxanh.vn');
    assert.equal((await otherDesk.post(`/mot-cua/ho-so/${dossier.id}/thu-tai-quay`, { instrument: 'cash', receiptNo: 'X1' }, '/mot-cua/ho-so')).status, 403);
    assert.equal(await statusOf(dossier.id), 6);
  });
});

describe('daily reconciliation with the gateway (issue 5 §2)', () => {
  it('recovers a payment whose IPN was lost and flags a paid order the gateway does not have as paid', async () => {
    const lost = await feeDossier();
    const lostRef = await order(lost.reference);
    await pay(lostRef, 'success', 'none');
    const paid = await feeDossier();
    const paidRef = await order(paid.reference);
    await pay(paidRef, 'success', 'before');
    sim.transactions.get(paidRef)!.status = '02';

    const summary = await reconcilePayments(server.database.db, gateway, new Date());
    assert.ok(summary.recovered >= 1 && summary.mismatches >= 2, JSON.stringify(summary));
    const recovered = await paymentOf(lostRef);
    assert.deepEqual([recovered.status, recovered.mismatch], ['paid', 'ipnMissing']);
    assert.equal(await paidActions(lost.id), 1);
    const flagged = await paymentOf(paidRef);
    assert.deepEqual([flagged.status, flagged.mismatch], ['paid', 'notPaidAtGateway']);
    assert.ok((await eventsOf(flagged.id)).some((e) => e.kind === 'reconciliation' && e.outcome === 'mismatch'));

    const viewer = await signInOfficer(server, 'ha.tt@demo.hoabinhxanh.vn');
    const list = await (await viewer.get('/quan-tri/thanh-toan?lech=1')).text();
    assert.ok(list.includes(paidRef) && list.includes(lostRef));
    assert.match(list, /Cổng thanh toán không ghi nhận đã thanh toán/);
    assert.equal((await citizen.get('/quan-tri/thanh-toan')).status, 403);
  });

  it('speaks querydr and refund with the gateway: a refunded order is then reported as such', async () => {
    const dossier = await feeDossier();
    const ref = await order(dossier.reference);
    await pay(ref, 'success', 'before');
    const payment = await paymentOf(ref);
    const gatewayOrder = { reference: ref, amount: 20_000, info: '', createdAt: new Date(payment.created_at) };
    assert.equal((await gateway.query(gatewayOrder, new Date())).state, 'paid');
    assert.equal((await gateway.query({ ...gatewayOrder, reference: 'DVC000000UNKNOWN' }, new Date())).state, 'unknown');
    const refund = await gateway.refund({ ...gatewayOrder, transactionNo: payment.transaction_no! }, { amount: 20_000, by: 'mo.lt', now: new Date() });
    assert.deepEqual([refund.ok, refund.code], [true, '00']);
    assert.equal((await gateway.query(gatewayOrder, new Date())).state, 'refunded');
    assert.equal((await gateway.refund({ ...gatewayOrder, transactionNo: payment.transaction_no! }, { amount: 20_000, by: 'mo.lt', now: new Date() })).ok, false);
  });

  it('refunds an online payment through the outbox: requested by the desk, sent by the worker, noted on the timeline', async () => {
    const dossier = await feeDossier();
    const ref = await order(dossier.reference);
    await pay(ref, 'success', 'before');
    const payment = await paymentOf(ref);
    const form = `/mot-cua/ho-so/${dossier.id}/thanh-toan`;
    assert.equal((await citizen.post(`/mot-cua/ho-so/${dossier.id}/hoan-tien`, { paymentId: payment.id, reason: 'Nộp trùng' }, `/ho-so-cua-toi/${dossier.reference}`)).status, 403);
    const noReason = await desk.post(`/mot-cua/ho-so/${dossier.id}/hoan-tien`, { paymentId: payment.id, reason: ' ' }, form);
    assert.equal(noReason.status, 400);
    assert.match(await noReason.text(), /Nêu lý do hoàn tiền/);
    assert.equal((await desk.post(`/mot-cua/ho-so/${dossier.id}/hoan-tien`, { paymentId: payment.id, reason: 'Công dân đã nộp tại quầy' }, form)).status, 303);
    assert.equal((await desk.post(`/mot-cua/ho-so/${dossier.id}/hoan-tien`, { paymentId: payment.id, reason: 'Lần nữa' }, form)).status, 400);
    // Nothing was sent from the request: the gateway still has it as paid.
    assert.equal(sim.transactions.get(ref)!.status, '00');
    const db = server.database.db;
    const noop = async () => {};
    // The worker's round with every topic the app queues (the dossier's notifications and notices too).
    const handlers = { email: noop, sms: noop, notificationEmail: noop, notificationSms: noop, dossierNotice: noop, paymentRefund: paymentRefundHandler(db, gateway) };
    let sent = 0;
    for (let round = 0; round < 20; round++) {
      const delivered = await deliverOutbox(db, handlers, new Date(Date.now() + 1000));
      assert.equal(delivered.retried + delivered.dead, 0, JSON.stringify(delivered));
      if (delivered.sent === 0) break;
      sent += delivered.sent;
    }
    assert.ok(sent >= 1);
    assert.equal(sim.transactions.get(ref)!.status, '05');
    assert.equal((await paymentOf(ref)).status, 'refunded');
    const noted = await db.selectFrom('dossier_action').select('reason').where('dossier_id', '=', dossier.id).where('kind', '=', 'noted').execute();
    assert.ok(noted.some((a) => /Đã hoàn trả 20\.000 ₫/.test(a.reason ?? '')), JSON.stringify(noted));
    assert.deepEqual((await eventsOf(payment.id)).filter((e) => e.kind === 'refund').map((e) => e.outcome), ['requested', 'done']);
  });
});
