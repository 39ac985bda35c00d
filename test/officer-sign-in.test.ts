import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../src/modules/identity/password-hash.ts';
import { grantOfficerRole, insertAccount } from '../src/modules/identity/repository.ts';
import { currentTotp } from '../src/modules/identity/totp.ts';
import { launchBrowser } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const password = 'Cán bộ một cửa 2026 — an toàn!';

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const passwordHash = await hashPassword(password);
  const id = await insertAccount(server.database.db, { kind: 'officer', displayName: 'Phạm Thị Thu', email: 'thu.moi@example.vn', passwordHash });
  await grantOfficerRole(server.database.db, id, '000.00.30.H99', 'reception');
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function signInWithPassword(page: Page, email: string) {
  await page.goto(`${server.url}/dang-nhap`);
  await page.getByLabel('Thư điện tử hoặc số điện thoại').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('officer sign-in with mandatory TOTP (issue 3 §2)', () => {
  let secret = '';
  let enrolCode = '';
  let recoveryCode = '';

  it('makes a new officer enrol TOTP from the QR page, then shows recovery codes once', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInWithPassword(page, 'thu.moi@example.vn');
    assert.equal(new URL(page.url()).pathname, '/dang-nhap/thiet-lap-xac-thuc');
    assert.equal(await page.locator('.qr svg').count(), 1);
    // Before the second factor the session grants nothing: the account page sends the officer back.
    secret = (await page.locator('code.secret').textContent() ?? '').replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/);
    await page.getByLabel('Mã xác thực 6 số').fill('000000');
    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    assert.match(await page.locator('.error-message').textContent() ?? '', /không đúng/);
    enrolCode = currentTotp(secret, new Date());
    await page.getByLabel('Mã xác thực 6 số').fill(enrolCode);
    await page.getByRole('button', { name: 'Bật xác thực hai lớp' }).click();
    const codes = await page.locator('.recovery-codes code').allTextContents();
    assert.equal(codes.length, 10);
    recoveryCode = codes[0]!;
    await page.getByRole('link', { name: 'Tiếp tục' }).click();
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Tài khoản của tôi');
    assert.match(await page.locator('main').textContent() ?? '', /Cán bộ Bộ phận Một cửa — Trung tâm Phục vụ hành chính công/);
    await context.close();
  });

  it('asks for the code at the next sign-in and refuses a replayed one', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInWithPassword(page, 'thu.moi@example.vn');
    assert.equal(new URL(page.url()).pathname, '/dang-nhap/xac-thuc');
    await page.goto(`${server.url}/tai-khoan`);
    assert.equal(new URL(page.url()).pathname, '/dang-nhap/xac-thuc', 'no account page before the second factor');
    // The code used for enrolment is spent: its time step was recorded, so it is refused even inside the window.
    await page.getByLabel('Mã xác thực hoặc mã khôi phục').fill(enrolCode);
    await page.getByRole('button', { name: 'Xác thực' }).click();
    assert.equal(new URL(page.url()).pathname, '/dang-nhap/xac-thuc');
    assert.match(await page.locator('.error-message').textContent() ?? '', /đã được dùng/);
    // A recovery code works once.
    await page.getByLabel('Mã xác thực hoặc mã khôi phục').fill(recoveryCode);
    await page.getByRole('button', { name: 'Xác thực' }).click();
    assert.equal(new URL(page.url()).pathname, '/tai-khoan');
    await context.close();
  });
});
