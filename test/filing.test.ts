import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { demoPassword } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('filing online (issue 4 §3, P-01, ST-01)', () => {
  it('files from the procedure page with the applicant\'s data and its source, field errors first, once only', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/dang-nhap?next=${encodeURIComponent('/thu-tuc/1.004194')}`);
    await page.getByLabel('Thư điện tử hoặc số điện thoại').fill('an.nguyen@demo.hoabinhxanh.vn');
    await page.getByLabel('Mật khẩu').fill(demoPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Nộp hồ sơ: Đăng ký tạm trú');
    const applicant = await page.locator('dl.summary').textContent() ?? '';
    assert.match(applicant, /017090012345 \(Tự khai báo\)/, 'P-01: each value shows where it comes from');
    const storageState = await context.storageState();
    assert.deepEqual(await axeViolations(browser, page.url(), { storageState }), []);

    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    assert.match(await page.locator('#receivingAgencyCode-error').textContent() ?? '', /.+/);
    await page.getByLabel('Nơi nộp hồ sơ').selectOption({ label: 'Ủy ban nhân dân phường Hòa Lâm' });
    await page.getByLabel('Trích yếu nội dung yêu cầu (không bắt buộc)').fill('Đăng ký tạm trú tại số 5 ngõ 12 đường Trần Phú');
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    assert.match(new URL(page.url()).pathname, /^\/ho-so-cua-toi\/HS\d{6}-[A-Z2-9]{6}$/);
    assert.match(await page.locator('.notice').textContent() ?? '', /Đã nộp hồ sơ\. Số tham chiếu của bạn là HS/);
    assert.equal((await page.locator('dd.status').textContent())?.trim(), 'Mới đăng ký');

    // The same form sent again (back button, double click) files nothing new.
    await page.goBack();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const rows = await server.database.db.selectFrom('dossier').select('id').where('summary', '=', 'Đăng ký tạm trú tại số 5 ngõ 12 đường Trần Phú').execute();
    assert.equal(rows.length, 1);
    await context.close();
  });

  it('keeps officers and signed-out visitors out of filing', async () => {
    const anonymous = await fetch(`${server.url}/thu-tuc/1.004194/nop-ho-so`, { redirect: 'manual' });
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location') ?? '', /^\/dang-nhap\?next=/);
  });
});
