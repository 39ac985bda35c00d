import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startSmsSimulator, type RunningSmsSimulator } from '../src/dev/sms-simulator.ts';
import { createMailSender } from '../src/platform/mail/mail-transport.ts';
import { enqueueEmail } from '../src/platform/mail/enqueue-email.ts';
import { deliverOutbox, defaultDeliveryPolicy } from '../src/platform/outbox/deliver-outbox.ts';
import { enqueueSms } from '../src/platform/outbox/enqueue-sms.ts';
import { createOutboxHandlers } from '../src/platform/outbox/outbox-handlers.ts';
import { findOutboxMessageByKey } from '../src/platform/outbox/repository.ts';
import { brandnameSmsGateway } from '../src/platform/sms/brandname-sms-gateway.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { demoPassword, httpClient, signInOfficer, type HttpClient } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// Issue 5 §3 (G-07): the back office's page of undelivered outbox messages and its Resend action.
const account = { apiKey: 'key-outbox-test', secretKey: 'secret-outbox-test', brandnames: ['HOABINHXANH'] };
const gatewaySettings = (sim: RunningSmsSimulator, secretKey: string) => ({ url: sim.sendUrl, apiKey: account.apiKey, secretKey, brandname: 'HOABINHXANH', unicode: false, maxSegments: 3 });
const quietMail = createMailSender({ smtpUrl: undefined, from: 'no-reply@example.vn', log: { info: () => undefined } });
// Long before anything the demo seed queued: these rounds claim only the messages made here.
const past = new Date('2000-01-03T01:00:00Z');

let server: TestServer;
let sim: RunningSmsSimulator;
let browser: Browser;
let admin: HttpClient;

before(async () => {
  server = await startTestServer();
  sim = await startSmsSimulator({ port: 0, account });
  browser = await launchBrowser();
  admin = await signInOfficer(server, 'minh.nq@demo.hoabinhxanh.vn');
  const db = server.database.db;
  // An SMS carrying a verification code, refused for good by the gateway (wrong secret key): dead after one attempt.
  await enqueueSms(db, { to: '0912345678', text: 'Mã xác minh của bạn: 739201', idempotencyKey: 'test:dead-sms', now: past });
  // An e-mail whose first attempt failed: being retried.
  await enqueueEmail(db, { to: 'lan.nguyen@example.vn', subject: 'Đặt lại mật khẩu', text: 'Đường dẫn: https://dvc.example.vn/dat-lai-mat-khau?t=SECRET-LINK', idempotencyKey: 'test:retrying-email', now: past });
  const failing = createOutboxHandlers({ mail: { description: 'refusing', send: async () => { throw new Error('421 service not available'); } }, sms: brandnameSmsGateway(gatewaySettings(sim, 'wrong-secret')) });
  const result = await deliverOutbox(db, failing, past, { ...defaultDeliveryPolicy, maxAttempts: 1 });
  assert.deepEqual(result, { sent: 0, retried: 0, dead: 2 });
  await db.updateTable('outbox_message').set({ status: 'pending', next_attempt_at: new Date('2000-01-03T01:00:30Z') }).where('idempotency_key', '=', 'test:retrying-email').execute();
});
after(async () => {
  await browser?.close();
  await sim?.close();
  await server?.close();
});

const idOf = async (key: string) => Number((await findOutboxMessageByKey(server.database.db, key))!.id);

describe('delivery failures page (issue 5 §3, G-07)', () => {
  it('lists dead and retrying messages, newest first, with the recipient masked and never the payload', async () => {
    const response = await admin.get('/quan-tri/thu-gui');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /091\*\*\*\*678/);
    assert.match(html, /l\*+@example\.vn/);
    // Both were queued at the same moment: the later one (the e-mail) comes first.
    assert.ok(html.search(/l\*+@example\.vn/) < html.indexOf('091****678'), 'newest first');
    for (const secret of ['0912345678', 'lan.nguyen@example.vn', '739201', 'SECRET-LINK', 'Mã xác minh']) assert.ok(!html.includes(secret), `${secret} is not shown`);
    assert.match(html, /permanent: a retry cannot succeed[^<]*code 101/);
    assert.match(html, /421 service not available/);
    assert.match(html, /Đã dừng gửi/);
    assert.match(html, /Đang thử gửi lại/);
    // Only the dead message has a Resend button.
    assert.equal(html.match(/\/gui-lai"/g)?.length, 1);
    assert.ok(html.includes(`/quan-tri/thu-gui/${await idOf('test:dead-sms')}/gui-lai`));
  });

  it('filters by state and topic', async () => {
    const dead = await (await admin.get('/quan-tri/thu-gui?trang_thai=dead')).text();
    assert.match(dead, /091\*\*\*\*678/);
    assert.doesNotMatch(dead, /l\*+@example\.vn/);
    const email = await (await admin.get('/quan-tri/thu-gui?chu_de=email')).text();
    assert.match(email, /l\*+@example\.vn/);
    assert.doesNotMatch(email, /091\*\*\*\*678/);
  });

  it('refuses citizens and officers without outbox.manage (403), page and resend alike', async () => {
    const citizen = httpClient(server);
    assert.equal((await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: demoPassword })).status, 303);
    const specialist = await signInOfficer(server, 'duc.tv@demo.hoabinhxanh.vn');
    const id = await idOf('test:dead-sms');
    for (const client of [citizen, specialist]) {
      assert.equal((await client.get('/quan-tri/thu-gui')).status, 403);
      // The CSRF token comes from a page they may open, so only the permission can refuse the resend.
      const resend = await client.post(`/quan-tri/thu-gui/${id}/gui-lai`, {}, '/tai-khoan');
      assert.equal(resend.status, 403);
      assert.match(await resend.text(), /không có quyền/);
    }
    assert.equal((await findOutboxMessageByKey(server.database.db, 'test:dead-sms'))?.status, 'dead');
  });

  it('resends a dead message: pending now with attempts reset, audited, then delivered once by the worker', async () => {
    const db = server.database.db;
    const id = await idOf('test:dead-sms');
    const before = new Date();
    const response = await admin.post(`/quan-tri/thu-gui/${id}/gui-lai`, {}, '/quan-tri/thu-gui');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `/quan-tri/thu-gui?da_gui_lai=${id}`);
    assert.match(await (await admin.get(response.headers.get('location')!)).text(), new RegExp(`Đã đưa thư số ${id} vào hàng chờ gửi lại ngay`));
    const row = (await findOutboxMessageByKey(db, 'test:dead-sms'))!;
    assert.deepEqual([row.status, row.attempts, row.last_error], ['pending', 0, null]);
    assert.ok(new Date(row.next_attempt_at).getTime() >= before.getTime() - 1000 && new Date(row.next_attempt_at).getTime() <= Date.now());
    const audit = await db.selectFrom('audit_entry').selectAll().where('action', '=', 'outbox.resent').where('target_id', '=', String(id)).execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_label, 'Ngô Quang Minh');
    assert.deepEqual(audit[0]!.after, { status: 'pending', attempts: 0 });
    assert.doesNotMatch(JSON.stringify(audit[0]), /739201|0912345678/);

    // The gateway's key fixed, the worker sends it at its next round.
    const working = createOutboxHandlers({ mail: quietMail, sms: brandnameSmsGateway(gatewaySettings(sim, account.secretKey)) });
    const delivered = await deliverOutbox(db, working, new Date(row.next_attempt_at));
    assert.ok(delivered.sent >= 1);
    assert.equal((await findOutboxMessageByKey(db, 'test:dead-sms'))?.status, 'sent');
    const received = sim.messages.filter((m) => m.requestId === 'test:dead-sms');
    assert.deepEqual(received.map((m) => [m.phone, m.content]), [['0912345678', 'Ma xac minh cua ban: 739201']]);
    assert.doesNotMatch(await (await admin.get('/quan-tri/thu-gui')).text(), /091\*\*\*\*678/, 'a delivered message leaves the list');

    // Resending it again is refused: it is no longer dead.
    const again = await admin.post(`/quan-tri/thu-gui/${id}/gui-lai`, {}, '/quan-tri/thu-gui');
    assert.equal(again.status, 400);
    assert.match(await again.text(), /Chỉ gửi lại được thư đã dừng gửi/);
  });

  it('passes axe-core (WCAG 2.1 AA) in a real Chromium', async () => {
    const url = new URL(server.url);
    const cookies = admin.cookie().split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: url.hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const };
    });
    const db = server.database.db;
    await enqueueSms(db, { to: '0987654321', text: 'x', idempotencyKey: 'test:axe-dead', now: past });
    await db.updateTable('outbox_message').set({ status: 'dead', attempts: 8, last_error: 'SMS gateway refused the message (permanent: a retry cannot succeed until this is fixed): code 108 Phone number is not in a correct format' })
      .where('idempotency_key', '=', 'test:axe-dead').execute();
    assert.deepEqual(await axeViolations(browser, `${server.url}/quan-tri/thu-gui`, { storageState: { cookies, origins: [] }, viewport: { width: 360, height: 740 } }), []);
  });
});
