import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { currentTotp } from '../src/modules/identity/totp.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { demoPassword, signInOfficer } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  context = await browser.newContext({ javaScriptEnabled: false });
  page = await context.newPage();
  const { totp_secret: secret } = await server.database.db.selectFrom('account').select('totp_secret').where('email', '=', 'mo.lt@demo.hoabinhxanh.vn').executeTakeFirstOrThrow();
  await page.goto(`${server.url}/dang-nhap`);
  await page.getByLabel('Thư điện tử hoặc số điện thoại').fill('mo.lt@demo.hoabinhxanh.vn');
  await page.getByLabel('Mật khẩu').fill(demoPassword);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByLabel('Mã xác thực hoặc mã khôi phục').fill(currentTotp(secret!, new Date()));
  await page.getByRole('button', { name: 'Xác thực' }).click();
});
after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

const status = async () => (await page.locator('dd.status').textContent())?.trim();

describe('the one-stop desk (issue 4 §4, S-h, ST-01..ST-05, DL-05)', () => {
  it('shows the queues with counts and the time left in words, the overdue one included', async () => {
    await page.getByRole('link', { name: 'Một cửa' }).click();
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Bộ phận Một cửa — Hồ sơ');
    assert.match(await page.locator('.queue-tabs').textContent() ?? '', /Chờ tiếp nhận \(1\)/);
    await page.getByRole('link', { name: /Đang xử lý/ }).click();
    assert.ok(await page.locator('.badge-overdue', { hasText: 'Quá hạn' }).count() >= 1);
    const storageState = await context.storageState();
    assert.deepEqual(await axeViolations(browser, page.url(), { storageState }), []);
  });

  it('receives a dossier: code of the ward and day, due date, then asks once and completely for a supplement', async () => {
    await page.goto(`${server.url}/mot-cua/ho-so?hang=toReceive`);
    await page.locator('table tbody a').first().click();
    const dossierUrl = page.url();
    assert.equal(await status(), 'Mới đăng ký');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    assert.match(await page.locator('.notice').textContent() ?? '', /Đã cập nhật hồ sơ 000\.00\.41\.H99-\d{6}-\d{4}\./);
    assert.equal(await status(), 'Được tiếp nhận');
    assert.equal(await page.locator('.badge').count(), 1, 'the due date is shown with its time left');
    const receiptHref = await page.getByRole('link', { name: /Mẫu 01/ }).getAttribute('href');
    const receipt = await page.request.get(`${server.url}${receiptHref}`);
    assert.equal(receipt.status(), 200);
    assert.equal(receipt.headers()['content-type'], 'application/pdf');
    assert.ok((await receipt.body()).subarray(0, 5).equals(Buffer.from('%PDF-')));

    await page.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    assert.match(await page.locator('.error-summary').textContent() ?? '', /Phải nêu đầy đủ, một lần/);
    await page.getByLabel('Giấy tờ cần bổ sung 1').fill('Bản sao giấy khai sinh');
    await page.getByLabel('Lý do 1').fill('Chưa có chứng thực');
    await page.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    assert.equal(await status(), 'Yêu cầu bổ sung giấy tờ');
    await page.getByRole('button', { name: 'Xác nhận đã nhận đủ bổ sung' }).click();
    assert.equal(await status(), 'Được tiếp nhận');
    await page.getByRole('button', { name: 'Chuyển xử lý' }).click();
    assert.equal(await status(), 'Đang xử lý');
    const storageState = await context.storageState();
    assert.deepEqual(await axeViolations(browser, dossierUrl, { storageState }), []);
  });

  it('keeps another agency\'s desk out of this ward\'s dossiers', async () => {
    const id = (await server.database.db.selectFrom('dossier').select('id').where('idempotency_key', 'like', 'demo-seed-%').executeTakeFirstOrThrow()).id;
    const otherDesk = await signInOfficer(server, 'thu.pt@demo.hoabinhxanh.vn');
    assert.equal((await otherDesk.get(`/mot-cua/ho-so/${id}`)).status, 403);
    assert.equal((await otherDesk.get(`/mot-cua/ho-so/${id}/phieu/2`)).status, 404, 'another agency\'s notices are as if they did not exist');
    assert.equal((await otherDesk.post(`/mot-cua/ho-so/${id}/tiep-nhan`, {}, '/mot-cua/ho-so')).status, 403);
    assert.doesNotMatch(await (await otherDesk.get('/mot-cua/ho-so?hang=inProcess')).text(), /Tách hộ/);
  });
});
