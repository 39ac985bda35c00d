import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { deliverOutbox } from '../src/platform/outbox/deliver-outbox.ts';
import { createOutboxHandlers } from '../src/platform/outbox/outbox-handlers.ts';
import { createMailSender } from '../src/platform/mail/mail-transport.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let smtp: TestSmtpServer;
const password = 'Mây trắng bay qua đỉnh Ba Vì 2026';

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  smtp = await startSmtpServer();
});
after(async () => {
  await browser?.close();
  await smtp?.close();
  await server?.close();
});

/** What the outbox worker does, once: the mails go to the real SMTP server. */
async function deliver() {
  const handlers = createOutboxHandlers({ mail: createMailSender({ smtpUrl: smtp.url, from: 'no-reply@example.vn', log: { info: () => undefined } }), sms: { send: async () => undefined } });
  await deliverOutbox(server.database.db, handlers, new Date(Date.now() + 1000));
}
const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
const localLink = (text: string, path: string) => {
  const match = new RegExp(`https?://[^\\s]+(${path}\\?token=[A-Za-z0-9_-]+)`).exec(text);
  assert.ok(match, `no ${path} link in: ${text}`);
  return `${server.url}${match[1]}`;
};

async function formSession(path = '/dang-ky') {
  const page = await fetch(`${server.url}${path}`);
  const cookie = page.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const token = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const post = (target: string, fields: Record<string, string>, extraCookie = '') => fetch(`${server.url}${target}`, {
    method: 'POST', redirect: 'manual', headers: { cookie: [cookie, extraCookie].filter(Boolean).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, _csrf: token }),
  });
  return { post };
}

async function signIn(identifier: string, secret: string) {
  const { post } = await formSession('/dang-nhap');
  return post('/dang-nhap', { identifier, password: secret });
}

describe('registration, verification and password reset (issue 3 §1, §3; P-13)', () => {
  it('registers a citizen in a browser without JavaScript: field errors keep the values, the Vietnamese mail activates the account', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByRole('link', { name: 'Chưa có tài khoản? Đăng ký' }).click();
    assert.deepEqual(await axeViolations(browser, page.url()), []);
    await page.getByLabel('Họ và tên').fill('Lê Thị Hồng Nhung');
    await page.getByLabel('Số định danh cá nhân (căn cước công dân)').fill('001090123456');
    await page.getByLabel('Ngày sinh').fill('1985-04-12');
    await page.getByLabel('Thư điện tử').fill('nhung.le@example.vn');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('matkhau12');
    await page.getByLabel('Nhập lại mật khẩu').fill('matkhau12');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    assert.match(await page.locator('#personalId-error').textContent() ?? '', /không khớp với năm sinh/);
    assert.match(await page.locator('#password-error').textContent() ?? '', /ít nhất 10 ký tự/);
    assert.match(await page.locator('#terms-error').textContent() ?? '', /đồng ý/);
    assert.equal(await page.getByLabel('Họ và tên').inputValue(), 'Lê Thị Hồng Nhung');
    assert.equal(await page.getByLabel('Thư điện tử').inputValue(), 'nhung.le@example.vn');
    assert.equal(await page.locator('#personalId').getAttribute('aria-describedby'), 'personalId-hint personalId-error');

    await page.getByLabel('Số định danh cá nhân (căn cước công dân)').fill('001085123456');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByLabel('Nhập lại mật khẩu').fill(`${password}!`);
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    assert.match(await page.locator('#passwordConfirm-error').textContent() ?? '', /không khớp/);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByLabel('Nhập lại mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    assert.equal(await page.locator('h1').textContent(), 'Kiểm tra hộp thư của bạn');

    assert.equal((await signIn('nhung.le@example.vn', password)).status, 401, 'pending until verified');
    await deliver();
    const [mail] = mailsTo('nhung.le@example.vn');
    assert.ok(mail);
    assert.match(mail.subject, /^Xác nhận địa chỉ thư điện tử/);
    assert.match(mail.text, /Xin chào Lê Thị Hồng Nhung/);
    const link = localLink(mail.text, '/dang-ky/xac-minh');
    await page.goto(link);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    assert.equal(await page.locator('h1').textContent(), 'Tài khoản đã được kích hoạt');
    assert.equal((await signIn('nhung.le@example.vn', password)).status, 303);

    // The link was single use.
    await page.goto(link);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    assert.equal(await page.locator('h1').textContent(), 'Đường dẫn không còn hiệu lực');
    const db = server.database.db;
    const account = await db.selectFrom('account').select(['id', 'status', 'email_verified_at']).where('email', '=', 'nhung.le@example.vn').executeTakeFirstOrThrow();
    assert.equal(account.status, 'active');
    assert.ok(account.email_verified_at);
    const declared = await db.selectFrom('profile_attribute').select(['name', 'value']).where('account_id', '=', account.id).where('verified', '=', false).orderBy('name').execute();
    assert.deepEqual(declared.map((a) => a.name), ['dateOfBirth', 'email', 'fullName', 'personalId']);
    const audit = await db.selectFrom('audit_entry').select('action').where('target_id', '=', account.id).execute();
    assert.ok(audit.some((a) => a.action === 'identity.account.registered') && audit.some((a) => a.action === 'identity.account.verified'));
    await context.close();
  });

  it('registers a business, checking the tax code', async () => {
    const { post } = await formSession();
    const fields = { kind: 'business', businessName: 'Công ty TNHH Sông Đà Xanh', taxCode: '0100109106', representative: 'Phạm Văn Đức', email: 'ketoan@songdaxanh.vn', password, passwordConfirm: password, terms: 'yes' };
    const bad = await post('/dang-ky', { ...fields, taxCode: '0100109105' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /id="taxCode-error">Mã số thuế không hợp lệ\./);
    const good = await post('/dang-ky', fields);
    assert.equal(good.status, 200);
    const account = await server.database.db.selectFrom('account').select(['kind', 'display_name', 'status']).where('email', '=', 'ketoan@songdaxanh.vn').executeTakeFirstOrThrow();
    assert.deepEqual(account, { kind: 'business', display_name: 'Công ty TNHH Sông Đà Xanh', status: 'pending' });
  });

  it('registers by phone with the SMS code read from the outbox; a wrong code is refused', async () => {
    const { post } = await formSession();
    const response = await post('/dang-ky', { kind: 'citizen', fullName: 'Hoàng Văn Minh', personalId: '001092123456', dateOfBirth: '1992-01-20', phone: '+84 983 111 222', password, passwordConfirm: password, terms: 'yes' });
    assert.match(await response.text(), /Nhập mã xác minh/);
    const sms = await server.database.db.selectFrom('outbox_message').select('payload').where('topic', '=', 'sms').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const payload = sms.payload as { to: string; text: string };
    assert.equal(payload.to, '0983111222');
    const code = /(\d{6})/.exec(payload.text)![1]!;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const refused = await post('/dang-ky/xac-minh-ma', { phone: '0983 111 222', code: wrong });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Mã xác minh không đúng hoặc đã hết hạn/);
    const accepted = await post('/dang-ky/xac-minh-ma', { phone: '0983 111 222', code });
    assert.equal(accepted.status, 200);
    assert.equal((await signIn('0983111222', password)).status, 303);
  });

  it('answers a duplicate e-mail exactly like a new one and tells the owner instead', async () => {
    const { post } = await formSession();
    const fields = { kind: 'citizen', fullName: 'Người Lạ', personalId: '001090555555', dateOfBirth: '1990-02-02', password, passwordConfirm: password, terms: 'yes' };
    const fresh = await post('/dang-ky', { ...fields, email: 'moi.tinh@example.vn' });
    const taken = await post('/dang-ky', { ...fields, email: 'Nhung.Le@example.vn' });
    const strip = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '');
    assert.equal(taken.status, fresh.status);
    assert.equal(strip(await taken.text()), strip(await fresh.text()));
    await deliver();
    const notices = mailsTo('nhung.le@example.vn').filter((m) => /Có người đăng ký tài khoản bằng địa chỉ của bạn/.test(m.subject));
    assert.equal(notices.length, 1);
    const accounts = await server.database.db.selectFrom('account').select('id').where('display_name', '=', 'Người Lạ').execute();
    assert.equal(accounts.length, 1, 'only the fresh address got an account');
  });

  it('resets a password end to end: old sessions revoked, the link single use', async () => {
    const before = await signIn('nhung.le@example.vn', password);
    const oldCookie = before.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('sid='))!;
    assert.match(await (await fetch(`${server.url}/tai-khoan`, { headers: { cookie: oldCookie } })).text(), /Lê Thị Hồng Nhung/);
    const { post } = await formSession('/quen-mat-khau');
    const known = await post('/quen-mat-khau', { contact: 'nhung.le@example.vn' });
    const unknown = await post('/quen-mat-khau', { contact: 'khong.ai@example.vn' });
    assert.equal(known.status, unknown.status);
    assert.equal((await known.text()).replace(/name="_csrf" value="[^"]+"|value="[^"]*@example\.vn"/g, ''), (await unknown.text()).replace(/name="_csrf" value="[^"]+"|value="[^"]*@example\.vn"/g, ''));
    await deliver();
    const mail = mailsTo('nhung.le@example.vn').find((m) => m.subject.startsWith('Đặt lại mật khẩu'));
    assert.ok(mail);
    const link = localLink(mail.text, '/dat-lai-mat-khau');
    const token = new URL(link).searchParams.get('token')!;
    assert.equal((await fetch(link)).status, 200);
    const weak = await post('/dat-lai-mat-khau', { token, password: '1234567890', passwordConfirm: '1234567890' });
    assert.equal(weak.status, 400);
    const newPassword = 'Hồ Hoàn Kiếm lúc bình minh rất đẹp';
    const done = await post('/dat-lai-mat-khau', { token, password: newPassword, passwordConfirm: newPassword });
    assert.equal(done.status, 200);
    assert.doesNotMatch(await (await fetch(`${server.url}/tai-khoan`, { headers: { cookie: oldCookie }, redirect: 'manual' })).text(), /Lê Thị Hồng Nhung/);
    assert.equal((await signIn('nhung.le@example.vn', password)).status, 401);
    assert.equal((await signIn('nhung.le@example.vn', newPassword)).status, 303);
    const reused = await post('/dat-lai-mat-khau', { token, password: `${newPassword}!`, passwordConfirm: `${newPassword}!` });
    assert.equal(reused.status, 400);
    assert.match(await reused.text(), /Đường dẫn không còn hiệu lực/);
  });

  it('refuses an expired link', async () => {
    const { post } = await formSession('/quen-mat-khau');
    const db = server.database.db;
    await post('/quen-mat-khau', { contact: 'moi.tinh@example.vn' });
    const account = await db.selectFrom('account').select('id').where('email', '=', 'moi.tinh@example.vn').executeTakeFirstOrThrow();
    await db.updateTable('account_token').set({ expires_at: new Date(Date.now() - 1000) }).where('account_id', '=', account.id).execute();
    await deliver();
    const mail = mailsTo('moi.tinh@example.vn').find((m) => m.subject.startsWith('Đặt lại mật khẩu'))!;
    assert.equal((await fetch(localLink(mail.text, '/dat-lai-mat-khau'))).status, 400);
  });

  it('changes the password of a signed-in person, rotating the session', async () => {
    const newPassword = 'Hồ Hoàn Kiếm lúc bình minh rất đẹp';
    const signedIn = await signIn('nhung.le@example.vn', newPassword);
    const sid = signedIn.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('sid='))!;
    const page = await fetch(`${server.url}/tai-khoan/mat-khau`, { headers: { cookie: sid } });
    const cookie = [sid, ...page.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
    const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
    const change = (fields: Record<string, string>) => fetch(`${server.url}/tai-khoan/mat-khau`, {
      method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...fields, _csrf: csrf }),
    });
    const wrong = await change({ currentPassword: 'sai', password: 'Một mật khẩu mới rất dài 42', passwordConfirm: 'Một mật khẩu mới rất dài 42' });
    assert.match(await wrong.text(), /id="currentPassword-error">Mật khẩu hiện tại không đúng\./);
    const ok = await change({ currentPassword: newPassword, password: 'Một mật khẩu mới rất dài 42', passwordConfirm: 'Một mật khẩu mới rất dài 42' });
    assert.equal(ok.status, 200);
    const rotated = ok.headers.getSetCookie().find((c) => c.startsWith('sid='));
    assert.ok(rotated && !rotated.startsWith(`${sid};`));
    assert.doesNotMatch(await (await fetch(`${server.url}/tai-khoan/mat-khau`, { headers: { cookie: sid }, redirect: 'manual' })).text(), /Mật khẩu hiện tại/);
  });

  it('has accessible forgot-password and code pages', async () => {
    assert.deepEqual(await axeViolations(browser, `${server.url}/quen-mat-khau`), []);
    assert.deepEqual(await axeViolations(browser, `${server.url}/dang-ky/xac-minh-ma`), []);
  });
});
