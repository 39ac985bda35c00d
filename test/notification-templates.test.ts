import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { Actor } from '../src/platform/context.ts';
import { actorForAccount } from '../src/modules/identity/actor-for-account.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { receiveDossier } from '../src/modules/dossiers/receive-dossier.ts';
import { forwardDossier } from '../src/modules/dossiers/forward-dossier.ts';
import { notificationEmailHandler } from '../src/modules/notifications/notification-email.ts';
import { notifyDossierChange } from '../src/modules/notifications/notify-dossier-change.ts';
import { createMailSender } from '../src/platform/mail/mail-transport.ts';
import { deliverOutbox } from '../src/platform/outbox/deliver-outbox.ts';
import { createOutboxHandlers } from '../src/platform/outbox/outbox-handlers.ts';
import { brandnameSmsGateway } from '../src/platform/sms/brandname-sms-gateway.ts';
import { startSmsSimulator, type RunningSmsSimulator } from '../src/dev/sms-simulator.ts';
import { notificationSmsHandler } from '../src/modules/notifications/notification-sms.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { demoPassword, httpClient, signInOfficer, type HttpClient } from './support/http-client.ts';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// Editable notification templates with preview, and SMS to applicants (issue 5 §3; P-05, G-07).
let server: TestServer;
let smtp: TestSmtpServer;
let smsGateway: RunningSmsSimulator;
let browser: Browser;
let admin: HttpClient;
let desk: HttpClient;
let citizen: HttpClient;
let citizenActor: Actor;
let deskActor: Actor;
const citizenEmail = 'an.nguyen@demo.hoabinhxanh.vn';
const citizenPhone = '0987654321';
const db = () => server.database.db;
const page = '/quan-tri/mau-thong-bao/received/vi';

let filed = 0;
async function fileAndReceive() {
  const { id, reference } = await submitDossier(db(), citizenActor, new Date(), 'vi', {
    procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: `templates-${filed++}`,
  });
  await receiveDossier(db(), deskActor, new Date(), id);
  const { code } = await db().selectFrom('dossier').select('code').where('id', '=', id).executeTakeFirstOrThrow();
  return { id, reference, code: code! };
}

/** The worker's outbox round: every due message, through the real SMTP server and the SMS gateway simulator. */
async function deliver() {
  const mail = createMailSender({ smtpUrl: smtp.url, from: 'no-reply@example.vn', log: { info: () => undefined } });
  const sms = brandnameSmsGateway({ url: smsGateway.sendUrl, apiKey: smsGateway.account.apiKey, secretKey: smsGateway.account.secretKey, brandname: 'HOABINHXANH', unicode: false, maxSegments: 3 });
  const handlers = createOutboxHandlers({ mail, sms }, {
    notificationEmail: notificationEmailHandler({ mail, publicUrl: server.config.publicUrl }), notificationSms: notificationSmsHandler({ sms, publicUrl: server.config.publicUrl }),
  });
  for (let round = 0; round < 20; round++) if ((await deliverOutbox(db(), handlers, new Date(Date.now() + 1000))).sent === 0) break;
}

const queued = async (key: string) => db().selectFrom('outbox_message').select(['topic', 'payload']).where('idempotency_key', '=', key).executeTakeFirst();
const stored = async () => db().selectFrom('notification_template').selectAll().where('kind', '=', 'received').where('lang', '=', 'vi').executeTakeFirst();
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

before(async () => {
  smtp = await startSmtpServer();
  smsGateway = await startSmsSimulator({ account: { apiKey: 'templates-key', secretKey: 'templates-secret', brandnames: ['HOABINHXANH'] } });
  server = await startTestServer();
  browser = await launchBrowser();
  admin = await signInOfficer(server, 'minh.nq@demo.hoabinhxanh.vn');
  desk = await signInOfficer(server, 'mo.lt@demo.hoabinhxanh.vn');
  citizen = httpClient(server);
  assert.equal((await citizen.post('/dang-nhap', { identifier: citizenEmail, password: demoPassword })).status, 303);
  citizenActor = await actorForAccount(db(), citizenEmail);
  deskActor = await actorForAccount(db(), 'mo.lt@demo.hoabinhxanh.vn');
  // The citizen's phone as the SMS code check records it, and no phone on the account (so none in the snapshot).
  const { id } = await db().selectFrom('account').select('id').where('email', '=', citizenEmail).executeTakeFirstOrThrow();
  await db().updateTable('account').set({ phone: null }).where('id', '=', id).execute();
  await db().insertInto('profile_attribute').values({ account_id: id, name: 'phone', verified: true, value: citizenPhone, source: 'smsCode', recorded_at: new Date() })
    .onConflict((oc) => oc.columns(['account_id', 'name', 'verified']).doUpdateSet({ value: citizenPhone })).execute();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
  await smsGateway?.close();
});

describe('notification templates (issue 5 §3)', () => {
  it('lists every announced event with its mandatory flag and whether each language was changed', async () => {
    const html = decode(await (await admin.get('/quan-tri/mau-thong-bao')).text());
    assert.match(html, /<th scope="row">Tiếp nhận hồ sơ<\/th><td>Có<\/td>/);
    assert.match(html, /<th scope="row">Hồ sơ được chuyển xử lý<\/th><td>Không<\/td>/);
    assert.ok(html.includes(`href="${page}"`));
    assert.ok(html.includes('href="/quan-tri/mau-thong-bao/received/en"'));
    assert.equal(html.match(/\(đã sửa\)/g), null, 'nothing changed yet');
    // The administration's navigation links here.
    assert.ok(decode(await (await admin.get('/quan-tri/quy-trinh')).text()).includes('href="/quan-tri/mau-thong-bao">Mẫu thông báo</a>'));
  });

  it('refuses an unknown placeholder and an empty part, field by field, and saves nothing', async () => {
    const response = await admin.post(page, { title: 'Hồ sơ {lable}', lead: '', sms: 'Hồ sơ {label}' });
    assert.equal(response.status, 400);
    const html = decode(await response.text());
    assert.match(html, /<p class="error-message" id="title-error">Trường không tồn tại: \{lable\}\.<\/p>/);
    assert.match(html, /<p class="error-message" id="lead-error">Nội dung này không được để trống\.<\/p>/);
    assert.ok(!html.includes('id="sms-error"'));
    assert.equal(await stored(), undefined);
  });

  it('previews the e-mail, the in-app entry and the folded SMS with its segments, without saving', async () => {
    const response = await admin.post(`${page}/xem-truoc`, { title: 'Đã nhận hồ sơ {label}', lead: 'Xin chào, {procedure} đã được nhận.', sms: '{portal}: Hồ sơ {label} đã được tiếp nhận. Hẹn trả {dueAt}. Xem {link}' }, page);
    assert.equal(response.status, 200);
    const html = decode(await response.text());
    assert.match(html, /<span data-preview="subject">Đã nhận hồ sơ 000\.00\.01\.H99-261124-0001<\/span>/);
    assert.match(html, /<pre data-preview="email" tabindex="0">Kính gửi Ông\/Bà Nguyễn Văn Mẫu,\n\nXin chào, Đăng ký thường trú đã được nhận\./);
    assert.ok(html.includes(`${server.config.publicUrl}/ho-so-cua-toi/HS261124-MAUTHU`));
    const sms = html.match(/<pre data-preview="sms" tabindex="0">([^<]*)<\/pre>/)?.[1];
    assert.match(sms ?? '', /^Cong Dich vu cong: Ho so 000\.00\.01\.H99-261124-0001 da duoc tiep nhan\. Hen tra \d\d:\d\d \d\d\/\d\d\/\d{4}\. Xem http/);
    assert.match(html, /<p data-preview="segments">\d+ ký tự, 1 tin nhắn \(GSM-7\)\.<\/p>/);
    assert.equal(await stored(), undefined, 'a preview stores nothing');
    assert.equal(await db().selectFrom('notification_template_change').select('id').executeTakeFirst(), undefined);
  });

  it('uses a saved wording in the next notice: in-app title, e-mail subject at the SMTP server; keeps the change and audits it', async () => {
    const parts = { title: 'Đã nhận hồ sơ {label} – {portal}', lead: 'Hồ sơ {reference} về {procedure} đã được tiếp nhận.', sms: 'Hồ sơ {label} đã được nhận. Hẹn {dueAt}.' };
    const saved = await admin.post(page, parts);
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('location'), `${page}?luu=saved`);
    assert.deepEqual((({ title, lead, sms }) => ({ title, lead, sms }))((await stored())!), parts);
    const audit = await db().selectFrom('audit_entry').select(['action', 'target_id', 'before', 'after']).where('action', '=', 'notificationTemplate.saved').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.target_id, 'received/vi');
    assert.equal(audit[0]!.before, null);
    assert.deepEqual(audit[0]!.after, parts);
    assert.match(decode(await (await admin.get('/quan-tri/mau-thong-bao')).text()), /<a href="\/quan-tri\/mau-thong-bao\/received\/vi"[^>]*>Sửa<\/a> \(đã sửa\)/);

    const dossier = await fileAndReceive();
    const title = `Đã nhận hồ sơ ${dossier.code} – Cổng Dịch vụ công`;
    const inbox = decode(await (await citizen.get('/thong-bao')).text());
    assert.ok(inbox.includes(title), 'the in-app title');
    assert.ok(inbox.includes(`Hồ sơ ${dossier.reference} về`));
    await deliver();
    const mail = smtp.messages.find((m) => m.to.includes(citizenEmail) && m.subject === title);
    assert.ok(mail, 'the e-mail subject at the SMTP server');
    assert.match(mail.text, new RegExp(`Hồ sơ ${dossier.reference} về .* đã được tiếp nhận\\.`));
    const sms = await queued(`dossier:${dossier.id}:2:sms`);
    assert.equal(sms?.topic, 'notificationSms');
    const sent = smsGateway.messages.find((m) => m.phone === citizenPhone && m.content.startsWith(`Ho so ${dossier.code} da duoc nhan.`));
    assert.ok(sent, 'the SMS at the gateway');
    assert.match((sms!.payload as { text: string }).text, new RegExp(`^Ho so ${dossier.code.replace(/\./g, '\\.')} da duoc nhan\\. Hen \\d\\d:\\d\\d`));
    assert.equal((sms!.payload as { to: string }).to, citizenPhone, 'the account\'s verified phone when the dossier gives none');
  });

  it('resets to the default: the row goes, the change is kept and audited, the next notice uses the code\'s wording', async () => {
    const reset = await admin.post(`${page}/mac-dinh`, {}, page);
    assert.equal(reset.status, 303);
    assert.equal(await stored(), undefined);
    const changes = await db().selectFrom('notification_template_change').select(['action', 'before', 'after']).orderBy('id').execute();
    assert.deepEqual(changes.map((c) => [c.action, c.before === null, c.after === null]), [['saved', true, false], ['reset', false, true]]);
    assert.equal((await db().selectFrom('audit_entry').select('id').where('action', '=', 'notificationTemplate.reset').execute()).length, 1);
    const html = decode(await (await admin.get(page)).text());
    assert.match(html, /Đang dùng nội dung mặc định\./);
    assert.match(html, /khôi phục mặc định/);
    const dossier = await fileAndReceive();
    assert.ok(decode(await (await citizen.get('/thong-bao')).text()).includes(`Hồ sơ ${dossier.code} đã được tiếp nhận`));
  });

  it('queues the SMS of a mandatory notice even when SMS is not chosen, and of an optional one only when chosen', async () => {
    assert.equal((await citizen.post('/tai-khoan/thong-bao', { channels: 'email' })).status, 303);
    const first = await fileAndReceive();
    await forwardDossier(db(), deskActor, new Date(), { dossierId: first.id });
    assert.ok(await queued(`dossier:${first.id}:2:sms`), 'receipt: mandatory');
    assert.equal(await queued(`dossier:${first.id}:3:sms`), undefined, 'in processing: optional, SMS not chosen');

    // Choosing SMS needs a phone on the account; the dossier then carries it, and it wins over the verified one.
    await db().updateTable('account').set({ phone: '0911222333' }).where('email', '=', citizenEmail).execute();
    assert.equal((await citizen.post('/tai-khoan/thong-bao', { channels: 'sms' })).status, 303);
    const second = await fileAndReceive();
    await forwardDossier(db(), deskActor, new Date(), { dossierId: second.id });
    const sms = await queued(`dossier:${second.id}:3:sms`);
    assert.equal((sms?.payload as { to: string } | undefined)?.to, '0911222333', 'in processing: SMS chosen, to the phone on the dossier');
    assert.equal(await queued(`dossier:${second.id}:3:email`), undefined, 'e-mail no longer chosen');
  });

  it('tells an applicant without an account by e-mail and SMS to the contacts on the dossier, optional notices too', async () => {
    const { id, reference } = await fileAndReceive();
    const result = await db().transaction().execute((trx) => notifyDossierChange(trx, {
      at: new Date(), applicantAccountId: null, applicantEmail: 'walk.in@example.vn', applicantPhone: '0909000111',
      event: { kind: 'forwarded', seq: 90, fromStatus: 2, toStatus: 4, reason: null, payload: {},
        dossier: { id, reference, code: null, procedureName: 'Đăng ký thường trú', applicantName: 'Trần Thị Bình', dueAt: null } },
    }));
    assert.deepEqual(result, { inApp: false, email: true, sms: true });
    const sms = await queued(`dossier:${id}:90:sms`);
    assert.deepEqual(sms?.payload, { to: '0909000111', text: `Cong Dich vu cong: Ho so ${reference} dang duoc xu ly. Xem {link}`, linkPath: `/tra-cuu-ho-so?ma=${reference}` });
    await deliver();
    const sent = smsGateway.messages.filter((m) => m.phone === '0909000111');
    assert.deepEqual(sent.map((m) => m.content), [`Cong Dich vu cong: Ho so ${reference} dang duoc xu ly. Xem ${server.config.publicUrl}/tra-cuu-ho-so?ma=${reference}`], 'the link made absolute by the worker');
  });

  it('tells the person on the channels page which notices always go out', async () => {
    const html = decode(await (await citizen.get('/tai-khoan/thong-bao')).text());
    assert.match(html, /Các thông báo luôn được gửi:<\/p><ul><li>Tiếp nhận hồ sơ<\/li>/);
    assert.ok(html.includes('<li>Có kết quả giải quyết</li>'));
    assert.ok(!html.includes('<li>Hồ sơ được chuyển xử lý</li>'));
  });

  it('is for holders of notification.manage only: 403 for an officer without it, on every page and action', async () => {
    for (const path of ['/quan-tri/mau-thong-bao', page]) assert.equal((await desk.get(path)).status, 403, path);
    for (const path of [page, `${page}/xem-truoc`, `${page}/mac-dinh`]) {
      assert.equal((await desk.post(path, { title: 'x', lead: 'x', sms: 'x' }, '/thong-bao')).status, 403, path);
    }
    assert.equal(await stored(), undefined);
    assert.equal((await admin.get('/quan-tri/mau-thong-bao/khong-co/vi')).status, 404);
    assert.equal((await admin.get('/quan-tri/mau-thong-bao/received/fr')).status, 404);
  });

  it('passes axe on the list and on the edit page', async () => {
    const url = new URL(server.url);
    const cookies = admin.cookie().split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: url.hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const };
    });
    const state = { storageState: { cookies, origins: [] } };
    assert.deepEqual(await axeViolations(browser, `${server.url}/quan-tri/mau-thong-bao`, state), []);
    assert.deepEqual(await axeViolations(browser, `${server.url}${page}`, state), []);
  });

  it('shows the preview at 360 px without sideways scrolling, and it passes axe too', async () => {
    const url = new URL(server.url);
    const cookies = admin.cookie().split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: url.hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const };
    });
    const context = await browser.newContext({ storageState: { cookies, origins: [] }, viewport: { width: 360, height: 800 } });
    try {
      const tab = await context.newPage();
      await tab.goto(`${server.url}${page}`);
      await tab.getByRole('button', { name: 'Xem trước' }).click();
      await tab.waitForSelector('[data-preview="sms"]');
      assert.ok(await tab.evaluate(() => document.documentElement.scrollWidth <= 360));
      const results = await new AxeBuilder({ page: tab }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(results.violations.map((v) => v.id), []);
    } finally {
      await context.close();
    }
  });
});
