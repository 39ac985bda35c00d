import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../src/modules/identity/password-hash.ts';
import { grantOfficerRole, insertAccount } from '../src/modules/identity/repository.ts';
import { startSession } from '../src/modules/identity/start-session.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const password = 'Hoa sen nở giữa đầm 2026!';
const ids: Record<'bao' | 'chi' | 'business' | 'vneid' | 'officer', string> = { bao: '', chi: '', business: '', vneid: '', officer: '' };
const policy = { idleMinutes: { person: 30, officer: 15 }, absoluteHours: { person: 12, officer: 10 } };

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const db = server.database.db;
  const passwordHash = await hashPassword(password);
  ids.bao = await insertAccount(db, { kind: 'citizen', displayName: 'Trần Văn Bảo', email: 'bao.tran@example.vn', phone: '0911000111', passwordHash });
  ids.chi = await insertAccount(db, { kind: 'citizen', displayName: 'Lê Thị Chi', email: 'chi.le@example.vn', passwordHash });
  ids.business = await insertAccount(db, { kind: 'business', displayName: 'Công ty TNHH Sông Đà', email: 'ketoan@songda.example.vn', passwordHash });
  ids.vneid = await insertAccount(db, { kind: 'citizen', displayName: 'Phan Văn Đức', email: 'duc.phan@example.vn' });
  ids.officer = await insertAccount(db, { kind: 'officer', displayName: 'Cán bộ Thử', email: 'canbo.thu@example.vn', passwordHash });
  await grantOfficerRole(db, ids.officer, '000.00.30.H99', 'reception');
  const now = new Date();
  await db.insertInto('profile_attribute').values([
    { account_id: ids.bao, name: 'fullName', verified: false, value: 'Trần Văn Bảo', source: 'declared', recorded_at: now },
    { account_id: ids.bao, name: 'personalId', verified: true, value: '001090000001', source: 'VNeID', recorded_at: now },
    { account_id: ids.chi, name: 'fullName', verified: false, value: 'Lê Thị Chi', source: 'declared', recorded_at: now },
    { account_id: ids.chi, name: 'address', verified: false, value: 'Số 3 phố Huế', source: 'declared', recorded_at: now },
  ]).execute();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A signed-in client making form posts the way a browser does: session cookie, CSRF cookie and token. */
async function clientOf(accountId: string, officer = false) {
  const { token } = await server.database.db.transaction().execute((trx) => startSession(trx, {
    accountId, officer, mfaVerified: true, ip: null, userAgent: null, now: new Date(), policy,
  }));
  const page = await fetch(`${server.url}/tai-khoan`, { headers: { cookie: `sid=${token}` } });
  const cookie = [`sid=${token}`, ...page.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
  const csrf = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  return {
    get: (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual', headers: { cookie } }),
    post: (path: string, fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams({ _csrf: csrf });
      for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
      return fetch(`${server.url}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body });
    },
  };
}

/** A real browser without JavaScript, after the sign-in form; the page stays open for the journey. */
async function signedInBrowser(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}/dang-nhap`);
  await page.getByLabel('Thư điện tử hoặc số điện thoại').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  return { context, page };
}

const attributes = (accountId: string) => server.database.db.selectFrom('profile_attribute').select(['name', 'verified', 'value'])
  .where('account_id', '=', accountId).orderBy('name').orderBy('verified').execute();

describe('profile page: declared vs verified data (issue 3 §1, P-01)', () => {
  it('lets a citizen correct declared data without JavaScript: a field error keeps what was typed, then it saves', async () => {
    const { context, page } = await signedInBrowser('bao.tran@example.vn');
    await page.goto(`${server.url}/tai-khoan`);
    const row = page.locator('tr', { hasText: 'Số định danh cá nhân (CCCD)' });
    assert.match(await row.textContent() ?? '', /001090000001.*Đã xác thực bởi VNeID/);
    await page.getByRole('link', { name: 'Sửa thông tin khai báo' }).click();
    assert.equal(new URL(page.url()).pathname, '/tai-khoan/thong-tin');
    assert.deepEqual(await axeViolations(browser, page.url(), { storageState: await context.storageState() }), []);
    // The verified number is shown locked, with its source, and offers no input.
    assert.equal(await page.locator('input[name="personalId"]').count(), 0);
    assert.match(await page.locator('#personalId').textContent() ?? '', /001090000001.*Đã xác thực bởi VNeID.*Không thể sửa/);

    await page.getByLabel('Họ và tên').fill('Trần Văn Bảo Anh');
    await page.getByLabel('Ngày sinh').fill('31/02/1990');
    await page.getByLabel('Giới tính').selectOption('male');
    await page.getByRole('button', { name: 'Lưu thông tin' }).click();
    assert.equal(await page.locator('#dateOfBirth-error').textContent(), 'Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 15/03/1990.');
    assert.equal(await page.getByLabel('Ngày sinh').getAttribute('aria-describedby'), 'dateOfBirth-hint dateOfBirth-error');
    assert.equal(await page.getByLabel('Họ và tên').inputValue(), 'Trần Văn Bảo Anh');
    assert.equal(await page.getByLabel('Ngày sinh').inputValue(), '31/02/1990');
    assert.equal(await page.getByLabel('Giới tính').inputValue(), 'male');
    assert.equal((await attributes(ids.bao)).find((a) => a.name === 'fullName')?.value, 'Trần Văn Bảo', 'nothing saved on error');

    await page.getByLabel('Ngày sinh').fill('15/03/1990');
    await page.getByRole('button', { name: 'Lưu thông tin' }).click();
    assert.equal(new URL(page.url()).search, '?saved=1');
    assert.equal(await page.getByRole('status').textContent(), 'Đã lưu thông tin của bạn.');
    assert.equal(await page.getByLabel('Ngày sinh').inputValue(), '15/03/1990');
    // The display name follows the full name.
    assert.equal(await page.locator('.account-link').textContent(), 'Trần Văn Bảo Anh');
    assert.deepEqual((await attributes(ids.bao)).filter((a) => !a.verified).map((a) => [a.name, a.value]),
      [['dateOfBirth', '1990-03-15'], ['fullName', 'Trần Văn Bảo Anh'], ['gender', 'male']]);
    const audit = await server.database.db.selectFrom('audit_entry').select(['before', 'after']).where('action', '=', 'identity.profile.updated').where('actor_id', '=', ids.bao).execute();
    assert.equal(audit.length, 1);
    assert.deepEqual(JSON.parse(JSON.stringify(audit[0]!.after)), { fullName: 'Trần Văn Bảo Anh', dateOfBirth: '1990-03-15', gender: 'male', displayName: 'Trần Văn Bảo Anh' });
    assert.deepEqual(JSON.parse(JSON.stringify(audit[0]!.before)), { fullName: 'Trần Văn Bảo', dateOfBirth: null, gender: null, displayName: 'Trần Văn Bảo' });

    await page.goto(`${server.url}/tai-khoan`);
    assert.match(await page.locator('tr', { hasText: 'Ngày sinh' }).textContent() ?? '', /15\/03\/1990.*Tự khai báo/);
    assert.match(await page.locator('tr', { hasText: 'Cập nhật thông tin khai báo' }).textContent() ?? '', /Cập nhật thông tin khai báo/, 'the history labels the new event');
    assert.deepEqual(await axeViolations(browser, page.url(), { storageState: await context.storageState() }), []);
    await context.close();
  });

  it('refuses, in the use case, a declared value that would override a verified one', async () => {
    const bao = await clientOf(ids.bao);
    const response = await bao.post('/tai-khoan/thong-tin', { fullName: 'Trần Văn Bảo Anh', personalId: '001090999999' });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /đã được xác thực nên không thể thay bằng giá trị tự khai báo/);
    const personalIds = (await attributes(ids.bao)).filter((a) => a.name === 'personalId');
    assert.deepEqual(personalIds, [{ name: 'personalId', verified: true, value: '001090000001' }]);
  });

  it('checks the formats of the citizen ID and the tax code, in Vietnamese and English', async () => {
    const chi = await clientOf(ids.chi);
    const wrongId = await chi.post('/tai-khoan/thong-tin', { fullName: 'Lê Thị Chi', dateOfBirth: '1995-07-01', personalId: '0010950000' });
    assert.equal(wrongId.status, 400);
    assert.match(await wrongId.text(), /id="personalId-error">Số định danh cá nhân phải gồm 12 chữ số/);
    const wrongYear = await chi.post('/tai-khoan/thong-tin', { fullName: 'Lê Thị Chi', dateOfBirth: '1995-07-01', personalId: '001190000002' });
    assert.match(await wrongYear.text(), /id="personalId-error">Số định danh cá nhân không khớp với năm sinh\./);
    assert.equal((await chi.post('/tai-khoan/thong-tin', { fullName: 'Lê Thị Chi', dateOfBirth: '1995-07-01', personalId: '001 195 000 002' })).status, 303);
    assert.equal((await attributes(ids.chi)).find((a) => a.name === 'personalId')?.value, '001195000002');

    const business = await clientOf(ids.business);
    const wrongTax = await business.post('/tai-khoan/thong-tin?lang=en', { businessName: 'Công ty TNHH Sông Đà', taxCode: '4601234567' });
    assert.equal(wrongTax.status, 400);
    const html = await wrongTax.text();
    assert.match(html, /id="taxCode-error">Invalid tax code/);
    assert.match(html, /name="taxCode" type="text" value="4601234567"/, 'the value typed is kept');
    assert.equal((await business.post('/tai-khoan/thong-tin', { businessName: 'Công ty TNHH Sông Đà', taxCode: '4601234560', representative: 'Đinh Văn Sơn' })).status, 303);
    assert.equal((await attributes(ids.business)).find((a) => a.name === 'taxCode')?.value, '4601234560');
    // A citizen's attribute is not a business's to declare.
    const foreign = await business.post('/tai-khoan/thong-tin', { businessName: 'Công ty TNHH Sông Đà', personalId: '001195000002' });
    assert.equal(foreign.status, 400);
  });

  it("never reaches another person's data, and leaves officers' data to administrators", async () => {
    const bao = await clientOf(ids.bao);
    const before = await attributes(ids.chi);
    const smuggled = await bao.post('/tai-khoan/thong-tin', { fullName: 'Kẻ Giả Mạo', accountId: ids.chi });
    assert.equal(smuggled.status, 400);
    const page = await (await bao.get(`/tai-khoan/thong-tin?accountId=${ids.chi}`)).text();
    assert.match(page, /Trần Văn Bảo Anh/);
    assert.doesNotMatch(page, /Lê Thị Chi|Số 3 phố Huế/);
    assert.deepEqual(await attributes(ids.chi), before);

    const officer = await clientOf(ids.officer, true);
    const officerPage = await officer.get('/tai-khoan/thong-tin');
    assert.equal(officerPage.status, 303);
    assert.equal(officerPage.headers.get('location'), '/tai-khoan');
    assert.equal((await officer.post('/tai-khoan/thong-tin', { fullName: 'Tên Mới' })).status, 403);
    assert.equal((await officer.post('/tai-khoan/thong-bao', { channels: 'sms' })).status, 403);
    assert.equal((await officer.post('/tai-khoan/dong-tai-khoan', { password })).status, 403);
    const status = await server.database.db.selectFrom('account').select('status').where('id', '=', ids.officer).executeTakeFirstOrThrow();
    assert.equal(status.status, 'active');
  });
});

describe('notification channels (issue 3 §1)', () => {
  it('saves the chosen channels without JavaScript, always keeping the in-app inbox', async () => {
    const { context, page } = await signedInBrowser('bao.tran@example.vn');
    await page.goto(`${server.url}/tai-khoan`);
    await page.getByRole('link', { name: 'Kênh nhận thông báo' }).click();
    assert.deepEqual(await axeViolations(browser, page.url(), { storageState: await context.storageState() }), []);
    assert.match(await page.locator('#mandatory-note').textContent() ?? '', /luôn được gửi/);
    assert.equal(await page.getByLabel('Hộp thư trên Cổng (luôn bật)').isChecked(), true);
    await page.getByLabel('Thư điện tử').uncheck();
    await page.getByLabel('Tin nhắn SMS').check();
    await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
    assert.equal(await page.getByRole('status').textContent(), 'Đã lưu kênh nhận thông báo.');
    assert.equal(await page.getByLabel('Tin nhắn SMS').isChecked(), true);
    assert.equal(await page.getByLabel('Thư điện tử').isChecked(), false);
    const row = await server.database.db.selectFrom('account').select('notification_channels').where('id', '=', ids.bao).executeTakeFirstOrThrow();
    assert.deepEqual([...row.notification_channels].sort(), ['inApp', 'sms']);
    await context.close();

    const bao = await clientOf(ids.bao);
    assert.equal((await bao.post('/tai-khoan/thong-bao', {})).status, 303);
    const after = await server.database.db.selectFrom('account').select('notification_channels').where('id', '=', ids.bao).executeTakeFirstOrThrow();
    assert.deepEqual(after.notification_channels, ['inApp'], 'the in-app channel cannot be turned off');
    const audits = await server.database.db.selectFrom('audit_entry').select('after').where('action', '=', 'identity.notifications.updated').where('actor_id', '=', ids.bao).orderBy('id').execute();
    assert.deepEqual(audits.map((a) => JSON.parse(JSON.stringify(a.after))), [{ channels: ['inApp', 'sms'] }, { channels: ['inApp'] }]);
  });

  it('refuses SMS to an account without a phone number', async () => {
    const chi = await clientOf(ids.chi);
    const response = await chi.post('/tai-khoan/thong-bao', { channels: ['email', 'sms'] });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /id="sms-error">Tài khoản chưa có số điện thoại/);
  });
});

describe('closing the account (issue 3 §1)', () => {
  it('closes after the password, signs out everywhere and frees the e-mail address', async () => {
    const other = await clientOf(ids.chi);
    const { context, page } = await signedInBrowser('chi.le@example.vn');
    await page.goto(`${server.url}/tai-khoan`);
    await page.getByRole('link', { name: 'Đóng tài khoản' }).click();
    assert.deepEqual(await axeViolations(browser, page.url(), { storageState: await context.storageState() }), []);
    assert.match(await page.locator('main').textContent() ?? '', /Hồ sơ đã nộp vẫn được cơ quan có thẩm quyền giải quyết/);
    await page.getByLabel('Nhập mật khẩu để xác nhận').fill('không phải mật khẩu');
    await page.getByRole('button', { name: 'Đóng tài khoản vĩnh viễn' }).click();
    assert.equal(await page.locator('#password-error').textContent(), 'Mật khẩu không đúng.');
    await page.getByLabel('Nhập mật khẩu để xác nhận').fill(password);
    await page.getByRole('button', { name: 'Đóng tài khoản vĩnh viễn' }).click();
    assert.equal(new URL(page.url()).pathname, '/tai-khoan/da-dong');
    assert.equal(await page.locator('h1').textContent(), 'Tài khoản đã được đóng');
    assert.equal(await page.locator('.account-link').count(), 0);
    await context.close();

    // Every session is revoked, not only the browser's.
    const stale = await other.get('/tai-khoan');
    assert.equal(stale.status, 303);
    assert.match(stale.headers.get('location') ?? '', /^\/dang-nhap/);
    const account = await server.database.db.selectFrom('account').select(['status', 'closed_at']).where('id', '=', ids.chi).executeTakeFirstOrThrow();
    assert.equal(account.status, 'closed');
    assert.ok(account.closed_at);
    const signIn = await signedInBrowser('chi.le@example.vn');
    assert.equal(await signIn.page.locator('.error-summary').count(), 1, 'a closed account cannot sign in');
    await signIn.page.goto(`${server.url}/tai-khoan`);
    assert.equal(new URL(signIn.page.url()).pathname, '/dang-nhap');
    await signIn.context.close();
    // The address is free for a new registration.
    await insertAccount(server.database.db, { kind: 'citizen', displayName: 'Lê Thị Chi', email: 'CHI.LE@example.vn' });
    const audit = await server.database.db.selectFrom('audit_entry').select('action').where('actor_id', '=', ids.chi).execute();
    assert.ok(audit.some((a) => a.action === 'identity.account.closeRefused'));
    assert.ok(audit.some((a) => a.action === 'identity.account.closed'));
  });

  it('asks an account without a password (VNeID) for the confirmation phrase', async () => {
    await server.database.db.insertInto('external_identity').values({ provider: 'vneid', subject: 'sub-duc', account_id: ids.vneid }).execute();
    const duc = await clientOf(ids.vneid);
    const form = await (await duc.get('/tai-khoan/dong-tai-khoan')).text();
    assert.match(form, /Gõ “ĐÓNG TÀI KHOẢN” để xác nhận/);
    assert.doesNotMatch(form, /type="password"/);
    const wrong = await duc.post('/tai-khoan/dong-tai-khoan', { phrase: 'đóng' });
    assert.equal(wrong.status, 400);
    assert.match(await wrong.text(), /id="phrase-error">Cụm từ xác nhận chưa đúng\./);
    assert.equal((await duc.post('/tai-khoan/dong-tai-khoan', { phrase: 'đóng tài khoản' })).status, 303);
    const links = await server.database.db.selectFrom('external_identity').select('subject').where('account_id', '=', ids.vneid).execute();
    assert.deepEqual(links, [], 'the VNeID identity is released for a new account');
  });
});
