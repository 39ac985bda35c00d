import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { startPostalSimulator, type RunningPostalSimulator } from '../src/dev/postal-simulator.ts';
import type { Actor } from '../src/platform/context.ts';
import { deliverOutbox } from '../src/platform/outbox/deliver-outbox.ts';
import { actorForAccount } from '../src/modules/identity/actor-for-account.ts';
import { grantOfficerRole, insertAccount } from '../src/modules/identity/repository.ts';
import { receiveDossier } from '../src/modules/dossiers/receive-dossier.ts';
import { resolveDossier } from '../src/modules/dossiers/resolve-dossier.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { requestPayment } from '../src/modules/payments/request-payment.ts';
import { operatorFromConfig } from '../src/modules/postal/operator/operator-from-config.ts';
import { signBody } from '../src/modules/postal/operator/postal-protocol.ts';
import { postalOrderHandler } from '../src/modules/postal/place-postal-order.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { demoPassword, httpClient, signInOfficer, type HttpClient } from './support/http-client.ts';
import { pdfBytes } from './support/sample-files.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// Issue 5 §4 (P-15, BCCI): the post, through the postal operator simulator on a real port, its signed callbacks
// arriving at the real server.
const token = 'test-postal-token-0123';
const webhookSecret = 'test-postal-webhook-secret-0123456789';
let sim: RunningPostalSimulator;
let server: TestServer;
let citizen: HttpClient;
let desk: HttpClient;
let deskActor: Actor;
let leader: Actor;
let browser: Browser | undefined;

before(async () => {
  sim = await startPostalSimulator({ token, webhookSecret, webhookUrl: 'http://127.0.0.1:9/' });
  server = await startTestServer({ POST_OPERATOR_URL: sim.url, POST_API_TOKEN: token, POST_WEBHOOK_SECRET: webhookSecret });
  sim.setWebhookUrl(`${server.url}/api/v1/postal/callback`);
  const db = server.database.db;
  deskActor = await actorForAccount(db, 'mo.lt@demo.hoabinhxanh.vn');
  const leaderId = await insertAccount(db, { kind: 'officer', displayName: 'Lãnh đạo Hòa Lâm', email: 'ld.postal@example.vn' });
  await grantOfficerRole(db, leaderId, '000.00.41.H99', 'leader');
  leader = await actorForAccount(db, 'ld.postal@example.vn');
  citizen = httpClient(server);
  assert.equal((await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: demoPassword })).status, 303);
  desk = await signInOfficer(server, 'mo.lt@demo.hoabinhxanh.vn');
});
after(async () => {
  await browser?.close();
  await server?.close();
  await sim?.close();
});

const location = (response: Response) => response.headers.get('location') ?? '';
const noop = async () => {};

/** The worker's rounds until the queue is empty: the postal orders reach the simulator. */
async function runWorker(): Promise<void> {
  const db = server.database.db;
  const handlers = { email: noop, sms: noop, notificationEmail: noop, notificationSms: noop, dossierNotice: noop, postalOrder: postalOrderHandler(db, operatorFromConfig(server.config)) };
  for (let round = 0; round < 20; round++) {
    const delivered = await deliverOutbox(db, handlers, new Date(Date.now() + 1000));
    assert.equal(delivered.retried + delivered.dead, 0, JSON.stringify(delivered));
    if (delivered.sent === 0) return;
  }
}

const header = (id: string) => server.database.db.selectFrom('dossier').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const actionsOf = async (id: string) => (await server.database.db.selectFrom('dossier_action').select(['kind', 'to_status', 'payload']).where('dossier_id', '=', id).orderBy('seq').execute());
const ordersOf = (id: string) => server.database.db.selectFrom('postal_order').selectAll().where('dossier_id', '=', id).orderBy('created_at').execute();
const replyOf = (records: { reply: unknown }[]) => records.map((r) => (r.reply as { message: string }).message);

async function startDraft(): Promise<string> {
  const started = await citizen.post('/thu-tuc/1.004222/nop-ho-so', { caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', summary: 'Đăng ký thường trú, nhận kết quả qua bưu điện', idempotencyKey: randomUUID() });
  const match = location(started).match(/^\/ho-so-cua-toi\/(HS\d{6}-[A-Z2-9]{6})\/to-khai\/1$/);
  assert.ok(match, location(started));
  return match[1]!;
}

const address = { recipient: 'Nguyễn Văn An', phone: '0912 345 678', province: 'Tỉnh Hòa Bình Xanh', district: 'Thành phố Hòa Lâm', ward: 'Phường Hòa Lâm', street: 'Số 5 ngõ 12 đường Trần Phú' };

/** A dossier filed through the API, received and resolved: status 9, its result waiting at the desk. */
async function resolvedDossier(): Promise<string> {
  const db = server.database.db;
  const citizenActor = await actorForAccount(db, 'an.nguyen@demo.hoabinhxanh.vn');
  const filed = await submitDossier(db, citizenActor, new Date(), 'vi', { procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: randomUUID() });
  await receiveDossier(db, deskActor, new Date(), filed.id);
  await resolveDossier(db, leader, new Date(), 'vi', { dossierId: filed.id, outcome: 'granted' });
  assert.equal((await header(filed.id)).status, 9);
  return filed.id;
}

describe('the postal service (issue 5 §4, P-15)', () => {
  it('files with "send the papers and receive the result by post", refusing a bad address field by field', async () => {
    const reference = await startDraft();
    const base = `/ho-so-cua-toi/${reference}`;
    const check = await (await citizen.get(`${base}/kiem-tra`)).text();
    assert.match(check, /Nhận kết quả tại bộ phận một cửa hoặc trực tuyến\./);
    assert.match(check, new RegExp(`href="${base}/buu-chinh"`));
    const form = await (await citizen.get(`${base}/buu-chinh`)).text();
    assert.match(form, /cước 25\.000 ₫/);

    const bad = await citizen.post(`${base}/buu-chinh`, { returnResult: '1', ...address, phone: '12345', ward: ' ' }, `${base}/buu-chinh`);
    assert.equal(bad.status, 400);
    const badPage = await bad.text();
    assert.match(badPage, /id="phone-error">Số điện thoại gồm 10 chữ số/);
    assert.match(badPage, /id="ward-error">Nhập xã, phường, thị trấn/);
    assert.match(badPage, /<a href="#phone">/);
    assert.match(badPage, /name="recipient"[^>]*value="Nguyễn Văn An"/, 'what was typed is shown back');
    const draftId = (await server.database.db.selectFrom('dossier').select('id').where('reference', '=', reference).executeTakeFirstOrThrow()).id;
    assert.equal(await server.database.db.selectFrom('postal_choice').select('dossier_id').where('dossier_id', '=', draftId).executeTakeFirst(), undefined);

    const saved = await citizen.post(`${base}/buu-chinh`, { sendPapers: '1', returnResult: '1', ...address }, `${base}/buu-chinh`);
    assert.equal(location(saved), `${base}/kiem-tra?buu-chinh=1`);
    const checked = await (await citizen.get(`${base}/kiem-tra?buu-chinh=1`)).text();
    assert.match(checked, /Đã chọn: gửi bản giấy qua bưu điện, nhận kết quả qua bưu điện \(cước dự kiến 50\.000 ₫\)\./);
    const choice = await server.database.db.selectFrom('postal_choice').selectAll().where('dossier_id', '=', draftId).executeTakeFirstOrThrow();
    assert.equal(choice.address.phone, '0912345678');
    assert.equal(Number(choice.quoted_fee), 50_000);
  });

  it('runs the journey through the simulator: pickup of the papers, result delivered by post, status 10, every step on the timeline', async () => {
    const db = server.database.db;
    const reference = await startDraft();
    const base = `/ho-so-cua-toi/${reference}`;
    assert.equal((await citizen.post(`${base}/buu-chinh`, { sendPapers: '1', returnResult: '1', ...address }, `${base}/buu-chinh`)).status, 303);
    // Complete the e-form and the attachments, then file.
    assert.equal(location(await citizen.post(`${base}/to-khai/1`, { fullName: 'Nguyễn Văn An', birthDate: '1990-03-15', sex: 'male', personalId: '999999999999', phone: '0912345678', go: 'next' }, `${base}/to-khai/1`)), `${base}/to-khai/2`);
    assert.equal(location(await citizen.post(`${base}/to-khai/2`, { householdHeadName: 'Nguyễn Văn Bình', relationToHead: 'Con', householdHeadId: '017060001234', go: 'next' }, `${base}/to-khai/2`)), `${base}/to-khai/3`);
    assert.equal(location(await citizen.post(`${base}/to-khai/3`, { addressee: 'Công an phường Hòa Lâm', newAddress: 'Số 5 ngõ 12 đường Trần Phú', requestContent: 'Đề nghị đăng ký thường trú.', membersChanging: '', go: 'next' }, `${base}/to-khai/3`)), `${base}/thanh-phan`);
    for (const code of ['TP1', 'TP2']) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(pdfBytes(code))], { type: 'application/pdf' }), `${code}.pdf`);
      assert.equal((await citizen.postMultipart(`${base}/thanh-phan/${code}`, form, `${base}/thanh-phan`)).status, 303);
    }
    assert.equal(location(await citizen.post(`${base}/nop`, {}, `${base}/kiem-tra`)), `${base}?da-nop=1`);
    const id = (await db.selectFrom('dossier').select('id').where('reference', '=', reference).executeTakeFirstOrThrow()).id;
    assert.equal((await header(id)).status, 1);

    // The pickup is ordered through the outbox: nothing reached the post from the request.
    const [pickup] = await ordersOf(id);
    assert.equal(pickup!.purpose, 'pickup');
    assert.equal(pickup!.status, 'requested');
    assert.equal(sim.orders.size, 0);
    await runWorker();
    const placed = (await ordersOf(id))[0]!;
    assert.equal(placed.status, 'created');
    assert.match(placed.order_code ?? '', /^SIM\d{9}VN$/);
    const parcel = sim.orders.get(placed.order_code!)!;
    assert.equal(parcel.request.ORDER_SERVICE_TYPE, 1);
    assert.equal(parcel.request.SENDER_PHONE, '0912345678');
    for (const step of ['pickedUp', 'inTransit', 'delivered'] as const) assert.deepEqual(replyOf(await sim.advance(placed.order_code!, { to: step })), ['OK']);
    assert.equal((await ordersOf(id))[0]!.status, 'delivered');
    assert.equal((await header(id)).status, 1, 'the papers arriving change no status');

    // The desk receives, the leader resolves: 9. The desk orders the delivery of the result.
    await receiveDossier(db, deskActor, new Date(), id);
    await resolveDossier(db, leader, new Date(), 'vi', { dossierId: id, outcome: 'granted' });
    assert.equal((await header(id)).status, 9);
    const deskPage = await (await desk.get(`/mot-cua/ho-so/${id}/buu-chinh`)).text();
    assert.match(deskPage, /name="street"[^>]*value="Số 5 ngõ 12 đường Trần Phú"/, 'the applicant\'s address is offered');
    assert.match(deskPage, new RegExp(placed.order_code!));
    const ordered = await desk.post(`/mot-cua/ho-so/${id}/buu-chinh/gui-ket-qua`, address, `/mot-cua/ho-so/${id}/buu-chinh`);
    assert.equal(location(ordered), `/mot-cua/ho-so/${id}/buu-chinh?xong=1`);
    const twice = await desk.post(`/mot-cua/ho-so/${id}/buu-chinh/gui-ket-qua`, address, `/mot-cua/ho-so/${id}/buu-chinh`);
    assert.equal(twice.status, 400);
    assert.match(await twice.text(), /đã có một đơn gửi kết quả qua bưu điện/);
    await runWorker();
    const result = (await ordersOf(id)).find((o) => o.purpose === 'result')!;
    assert.equal(result.status, 'created');
    assert.equal(sim.orders.get(result.order_code!)!.request.RECEIVER_FULLNAME, 'Nguyễn Văn An');
    await sim.advance(result.order_code!);
    await sim.advance(result.order_code!);
    assert.equal((await header(id)).status, 9);
    const delivered = await sim.advance(result.order_code!);
    assert.deepEqual(replyOf(delivered), ['OK']);
    const done = await header(id);
    assert.equal(done.status, 10);
    assert.ok(done.returned_at);

    const actions = await actionsOf(id);
    assert.deepEqual(actions.map((a) => a.kind).filter((k) => k.startsWith('postal') || ['submitted', 'received', 'resolved', 'returned'].includes(k)), [
      'submitted', 'postalOrderCreated', 'postalPickedUp', 'postalInTransit', 'postalDelivered', 'received', 'resolved',
      'postalOrderCreated', 'postalPickedUp', 'postalInTransit', 'returned',
    ]);
    const returned = actions.at(-1)!;
    assert.equal(returned.to_status, 10);
    assert.equal((returned.payload as { channel: string }).channel, 'postal');

    // The applicant follows the parcels on their dossier.
    const dossierPage = await (await citizen.get(base)).text();
    assert.match(dossierPage, new RegExp(`href="${base}/buu-chinh">Theo dõi bưu gửi của hồ sơ`));
    assert.match(dossierPage, /Bưu điện đã phát kết quả cho Nguyễn Văn An/);
    assert.match(await (await desk.get(`/mot-cua/ho-so/${id}`)).text(), new RegExp(`href="/mot-cua/ho-so/${id}/buu-chinh"`));
    const tracking = await (await citizen.get(`${base}/buu-chinh`)).text();
    assert.match(tracking, new RegExp(`Hành trình bưu gửi ${result.order_code}`));
    assert.match(tracking, /Phát thành công/);
    assert.match(tracking, /Phát kết quả/);

    // The operator's tracking lookup tells the same story.
    const history = await operatorFromConfig(server.config)!.track(result.order_code!);
    assert.deepEqual(history.map((h) => h.ORDER_STATUS), [100, 200, 300, 501]);

    // A late callback (the parcel "in transit" after its delivery) and the delivery repeated change nothing.
    const before = (await actionsOf(id)).length;
    assert.deepEqual(replyOf(await sim.advance(result.order_code!, { to: 'inTransit' })), ['stale, ignored']);
    assert.deepEqual(replyOf([await sim.replay(delivered[0]!.eventId)]), ['already recorded']);
    assert.equal((await actionsOf(id)).length, before);
    assert.equal((await header(id)).status, 10);
    assert.equal((await ordersOf(id)).find((o) => o.purpose === 'result')!.status, 'delivered');

    // A forged callback is refused and kept for inspection.
    const body = JSON.stringify({ DATA: { EVENT_ID: randomUUID(), ORDER_NUMBER: result.order_code, ORDER_REFERENCE: result.reference, ORDER_STATUS: 505, STATUS_NAME: 'x', STATUS_DATE: new Date().toISOString(), MONEY_COLLECTION: 0 } });
    const forged = await fetch(`${server.url}/api/v1/postal/callback`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signBody(body, 'not-the-secret') }, body });
    assert.equal(forged.status, 401);
    const unsigned = await fetch(`${server.url}/api/v1/postal/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.equal(unsigned.status, 401);
    assert.equal((await db.selectFrom('postal_event').select('id').where('outcome', '=', 'forged').execute()).length >= 2, true);
    assert.equal((await actionsOf(id)).length, before);
    // The same body correctly signed would have been applied: the refusal was the signature's.
    const genuine = await fetch(`${server.url}/api/v1/postal/callback`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signBody(body, webhookSecret) }, body });
    assert.equal(genuine.status, 200);
    assert.equal((await genuine.json() as { message: string }).message, 'stale, ignored');
  });

  it('records the fees the post collected on delivery once (COD), then returns the dossier', async () => {
    const db = server.database.db;
    const id = await resolvedDossier();
    await requestPayment(db, deskActor, new Date(), 'vi', { dossierId: id, fees: {} });
    assert.equal((await header(id)).status, 6);
    const page = await (await desk.get(`/mot-cua/ho-so/${id}/buu-chinh`)).text();
    assert.match(page, /thu hộ phí, lệ phí còn phải nộp \(20\.000 ₫\)/);
    const missing = await desk.post(`/mot-cua/ho-so/${id}/buu-chinh/gui-ket-qua`, { ...address, recipient: '', collectFees: '1' }, `/mot-cua/ho-so/${id}/buu-chinh`);
    assert.equal(missing.status, 400);
    assert.match(await missing.text(), /id="recipient-error">Nhập họ và tên người nhận/);
    assert.equal(location(await desk.post(`/mot-cua/ho-so/${id}/buu-chinh/gui-ket-qua`, { ...address, collectFees: '1' }, `/mot-cua/ho-so/${id}/buu-chinh`)), `/mot-cua/ho-so/${id}/buu-chinh?xong=1`);
    await runWorker();
    const [order] = await ordersOf(id);
    assert.equal(Number(order!.cod_amount), 20_000);
    assert.equal(sim.orders.get(order!.order_code!)!.request.MONEY_COLLECTION, 20_000);
    await sim.advance(order!.order_code!, { to: 'pickedUp' });
    const delivered = await sim.advance(order!.order_code!, { to: 'delivered', times: 2 });
    assert.deepEqual(replyOf(delivered), ['OK', 'already recorded']);
    const payments = await db.selectFrom('payment').selectAll().where('dossier_id', '=', id).execute();
    assert.deepEqual(payments.map((p) => [p.method, p.status, Number(p.amount), p.transaction_no]), [['post-cod', 'paid', 20_000, order!.order_code]]);
    const kinds = (await actionsOf(id)).map((a) => a.kind);
    assert.equal(kinds.filter((k) => k === 'paid').length, 1);
    assert.deepEqual(kinds.slice(-2), ['paid', 'returned']);
    assert.equal((await header(id)).status, 10);
  });

  it('refuses a result order before the result and lets the desk cancel an order not yet picked up', async () => {
    const db = server.database.db;
    const citizenActor = await actorForAccount(db, 'an.nguyen@demo.hoabinhxanh.vn');
    const filed = await submitDossier(db, citizenActor, new Date(), 'vi', { procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: randomUUID() });
    await receiveDossier(db, deskActor, new Date(), filed.id);
    const early = await desk.post(`/mot-cua/ho-so/${filed.id}/buu-chinh/gui-ket-qua`, address, `/mot-cua/ho-so/${filed.id}/buu-chinh`);
    assert.equal(early.status, 400);
    assert.match(await early.text(), /chưa có kết quả/);

    const id = await resolvedDossier();
    await desk.post(`/mot-cua/ho-so/${id}/buu-chinh/gui-ket-qua`, address, `/mot-cua/ho-so/${id}/buu-chinh`);
    await runWorker();
    const [order] = await ordersOf(id);
    assert.equal(location(await desk.post(`/mot-cua/ho-so/${id}/buu-chinh/huy`, { orderId: order!.id }, `/mot-cua/ho-so/${id}/buu-chinh`)), `/mot-cua/ho-so/${id}/buu-chinh?xong=1`);
    assert.equal((await ordersOf(id))[0]!.status, 'cancelRequested');
    assert.equal(sim.orders.get(order!.order_code!)!.history.at(-1)!.status, 100, 'the cancel goes through the outbox, not the request');
    await runWorker();
    await sim.settled();
    assert.equal(sim.orders.get(order!.order_code!)!.history.at(-1)!.status, 107);
    assert.equal((await ordersOf(id))[0]!.status, 'cancelled');
    assert.equal((await actionsOf(id)).filter((a) => a.kind === 'postalOrderCancelled').length, 1, 'the operator\'s cancel callback is not a second action');
    assert.equal((await header(id)).status, 9);
    // Another person's dossier is not theirs to choose for.
    const business = httpClient(server);
    await business.post('/dang-nhap', { identifier: 'ketoan@thuongmaihbx.demo.vn', password: demoPassword });
    const reference = (await header(id)).reference;
    assert.equal((await business.get(`/ho-so-cua-toi/${reference}/buu-chinh`)).status, 404);
  });

  it('lets the desk record "return by post" for a walk-in applicant, checking the address first', async () => {
    const page = '/mot-cua/tiep-nhan-truc-tiep?thu-tuc=1.004222';
    const walkIn = async (fields: Record<string, string>) => {
      const html = await (await desk.get(page)).text();
      assert.match(html, /name="returnByPost"/);
      const form = new FormData();
      form.append('idempotencyKey', html.match(/name="idempotencyKey" value="([^"]+)"/)![1]!);
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      for (const code of ['TP1', 'TP2']) form.append(`scan-${code}`, new Blob([new Uint8Array(pdfBytes(code))], { type: 'application/pdf' }), `${code}.pdf`);
      return desk.postMultipart(page, form, page);
    };
    const person = {
      caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', channel: 'desk', applicantKind: 'citizen', name: 'Trần Thị Bình', personalId: '017190012346',
      dateOfBirth: '1990-05-02', phone: '0987654321', address: 'Số 3 ngõ 7 đường Cù Chính Lan, phường Hòa Lâm', receiveNow: '1', returnByPost: '1',
    };
    const postAddress = { postRecipient: 'Trần Thị Bình', postPhone: '0987654321', postProvince: 'Tỉnh Hòa Bình Xanh', postDistrict: 'Thành phố Hòa Lâm', postWard: 'Phường Hòa Lâm', postStreet: 'Số 3 ngõ 7 đường Cù Chính Lan' };
    const bad = await walkIn({ ...person, ...postAddress, postPhone: '09' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /id="postPhone-error">Số điện thoại gồm 10 chữ số/);
    const good = await walkIn({ ...person, ...postAddress });
    assert.equal(good.status, 303);
    const id = location(good).match(/\/mot-cua\/ho-so\/([0-9a-f-]{36})/)![1]!;
    const choice = await server.database.db.selectFrom('postal_choice').selectAll().where('dossier_id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([choice.send_papers, choice.return_result, choice.address.street], [false, true, 'Số 3 ngõ 7 đường Cù Chính Lan']);
    assert.match(await (await desk.get(`/mot-cua/ho-so/${id}/buu-chinh`)).text(), /Đã chọn: nhận kết quả qua bưu điện/);
  });

  it('the postal choice, the check page, the tracking and the desk\'s page pass axe-core', async () => {
    browser = await launchBrowser();
    const cookiesOf = (client: HttpClient) => client.cookie().split('; ').filter(Boolean).map((pair) => {
      const [name, ...value] = pair.split('=');
      return { name: name!, value: value.join('='), domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const };
    });
    const reference = await startDraft();
    const base = `${server.url}/ho-so-cua-toi/${reference}`;
    const asCitizen = { viewport: { width: 360, height: 800 }, storageState: { cookies: cookiesOf(citizen), origins: [] } };
    assert.deepEqual(await axeViolations(browser, `${base}/buu-chinh`, asCitizen), []);
    await citizen.post(`/ho-so-cua-toi/${reference}/buu-chinh`, { returnResult: '1', ...address }, `/ho-so-cua-toi/${reference}/buu-chinh`);
    assert.deepEqual(await axeViolations(browser, `${base}/kiem-tra?buu-chinh=1`, asCitizen), []);
    const id = await resolvedDossier();
    assert.deepEqual(await axeViolations(browser, `${server.url}/mot-cua/ho-so/${id}/buu-chinh`, { viewport: { width: 360, height: 800 }, storageState: { cookies: cookiesOf(desk), origins: [] } }), []);
    const filed = (await header(id)).reference;
    assert.deepEqual(await axeViolations(browser, `${server.url}/ho-so-cua-toi/${filed}/buu-chinh`, asCitizen), []);
  });
});
