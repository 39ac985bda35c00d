import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { hashPassword } from '../src/modules/identity/password-hash.ts';
import { insertAccount } from '../src/modules/identity/repository.ts';
import { axeViolations } from './support/accessibility.ts';
import { httpClient } from './support/http-client.ts';
import { launchBrowser } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const password = 'Sông Hồng chảy qua 7 cây cầu!';

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const passwordHash = await hashPassword(password);
  await insertAccount(server.database.db, { kind: 'citizen', displayName: 'Nguyễn Văn An', email: 'an.nguyen@example.vn', phone: '0987654321', passwordHash });
  await insertAccount(server.database.db, { kind: 'citizen', displayName: 'Trần Thị Bình', email: 'binh.tran@example.vn', passwordHash });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A form post the way a browser makes it: the CSRF cookie and token come from the sign-in page. */
async function formSession() {
  const page = await fetch(`${server.url}/dang-nhap`);
  const cookie = (page.headers.getSetCookie()).map((c) => c.split(';')[0]).join('; ');
  const token = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const post = (path: string, fields: Record<string, string>, withToken = true) => fetch(`${server.url}${path}`, {
    method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, ...(withToken ? { _csrf: token } : {}) }),
  });
  return { post };
}

describe('local sign-in (issue 3 §1, §3)', () => {
  it('signs a citizen in and out in a real browser, showing their name, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Đăng nhập' }).click();
    assert.deepEqual(await axeViolations(browser, page.url()), []);
    await page.getByLabel('Thư điện tử hoặc số điện thoại').fill('AN.NGUYEN@example.vn');
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(await page.locator('.account-link').textContent(), 'Nguyễn Văn An');
    const cookies = await context.cookies();
    const sid = cookies.find((c) => c.name === 'sid');
    assert.ok(sid?.httpOnly && sid.sameSite === 'Lax');
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    assert.equal(await page.locator('.account-link').count(), 0);
    // The old cookie no longer opens a session: sign-out revoked it on the server.
    const reused = await fetch(`${server.url}/`, { headers: { cookie: `sid=${sid!.value}` } });
    assert.doesNotMatch(await reused.text(), /Nguyễn Văn An/);
    await context.close();
  });

  it('signs in with the phone number too, and answers wrong credentials without saying which part was wrong', async () => {
    const { post } = await formSession();
    const byPhone = await post('/dang-nhap', { identifier: '0987 654 321', password });
    assert.equal(byPhone.status, 303);
    const wrong = await post('/dang-nhap', { identifier: 'an.nguyen@example.vn', password: 'sai mật khẩu' });
    const unknown = await post('/dang-nhap', { identifier: 'khong.co@example.vn', password: 'sai mật khẩu' });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    const message = 'Thư điện tử, số điện thoại hoặc mật khẩu không đúng.';
    assert.ok((await wrong.text()).includes(message));
    assert.ok((await unknown.text()).includes(message));
  });

  it('shows field-level errors for an empty form', async () => {
    const { post } = await formSession();
    const response = await post('/dang-nhap', { identifier: '', password: '' });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /id="identifier-error">Không được để trống\./);
    assert.match(html, /id="password-error">Không được để trống\./);
  });

  it('locks the account after five wrong passwords, even against the right one, and audits it', async () => {
    const { post } = await formSession();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post('/dang-nhap', { identifier: 'binh.tran@example.vn', password: `sai-${i}` })).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 423]);
    const right = await post('/dang-nhap', { identifier: 'binh.tran@example.vn', password });
    assert.equal(right.status, 423);
    assert.match(await right.text(), /tạm khóa/);
    const actions = await server.database.db.selectFrom('audit_entry').select('action').where('actor_label', '=', 'binh.tran@example.vn').execute();
    assert.ok(actions.some((a) => a.action === 'identity.account.locked'));
    assert.ok(actions.some((a) => a.action === 'identity.signIn.refusedLocked'));
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const { post } = await formSession();
    const response = await post('/dang-nhap', { identifier: 'an.nguyen@example.vn', password }, false);
    assert.equal(response.status, 403);
    assert.match(await response.text(), /biểu mẫu đã hết hạn hoặc không hợp lệ/);
  });

  it('takes the CSRF token of a multipart upload from its action URL, and refuses one without it', async () => {
    const client = httpClient(server);
    const signedIn = await client.post('/dang-nhap', { identifier: 'an.nguyen@example.vn', password });
    assert.equal(signedIn.status, 303);
    const form = () => { const f = new FormData(); f.set('note', 'tệp'); return f; };
    const refused = await client.postMultipart('/dang-xuat', form(), '/tai-khoan', false);
    assert.equal(refused.status, 403, 'no token anywhere');
    assert.equal((await client.get('/tai-khoan')).status, 200, 'still signed in');
    const accepted = await client.postMultipart('/dang-xuat', form(), '/tai-khoan');
    assert.equal(accepted.status, 303);
    assert.equal((await client.get('/tai-khoan')).status, 303, 'the multipart sign-out went through');
    const token = (await (await client.get('/dang-nhap')).text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
    assert.notEqual(token, '');
    const urlEncoded = await fetch(`${server.url}/dang-nhap?_csrf=${encodeURIComponent(token)}`, {
      method: 'POST', redirect: 'manual', headers: { cookie: client.cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ identifier: 'an.nguyen@example.vn', password }),
    });
    assert.equal(urlEncoded.status, 403, 'a token in the URL counts only for multipart bodies');
  });

  it('never redirects to another site after sign-in', async () => {
    const { post } = await formSession();
    const response = await post('/dang-nhap', { identifier: 'an.nguyen@example.vn', password, next: '//evil.example/' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/');
  });
});
