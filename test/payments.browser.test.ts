import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startPaymentSimulator, type RunningPaymentSimulator } from '../src/dev/payment-simulator.ts';
import { inspectPdf } from '../src/platform/pdf/inspect-pdf.ts';
import { signedQuery } from '../src/modules/payments/gateway/vnpay-protocol.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { demoPassword, httpClient, signInOfficer, type HttpClient } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const merchant = { tmnCode: 'TESTPAY2', hashSecret: 'browser-test-hash-secret-987654' };
let sim: RunningPaymentSimulator;
let server: TestServer;
let browser: Browser;
let citizen: HttpClient;

function cookiesOf(client: HttpClient) {
  return client.cookie().split('; ').filter(Boolean).map((pair) => {
    const [name, ...value] = pair.split('=');
    return { name: name!, value: value.join('='), domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const };
  });
}

before(async () => {
  sim = await startPaymentSimulator({ merchant });
  server = await startTestServer({ PAYMENT_GATEWAY_URL: sim.paymentUrl, PAYMENT_GATEWAY_API_URL: sim.apiUrl, PAYMENT_MERCHANT_CODE: merchant.tmnCode, PAYMENT_HASH_SECRET: merchant.hashSecret });
  browser = await launchBrowser();
  citizen = httpClient(server);
  assert.equal((await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: demoPassword })).status, 303);
});
after(async () => {
  await browser?.close();
  await server?.close();
  await sim?.close();
});

describe('paying a fee in a real browser through the gateway simulator (issue 5 §2)', () => {
  it('an.nguyen pays the seeded status-6 dossier without JavaScript, sees it back in processing and gets the e-receipt', async () => {
    const db = server.database.db;
    const dossier = await db.selectFrom('dossier as d').innerJoin('account as a', 'a.id', 'd.applicant_account_id').select(['d.id', 'd.reference'])
      .where('a.email', '=', 'an.nguyen@demo.hoabinhxanh.vn').where('d.status', '=', 6).executeTakeFirstOrThrow();
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 }, storageState: { cookies: cookiesOf(citizen), origins: [] } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/ho-so-cua-toi/${dossier.reference}`);
      await page.getByRole('link', { name: 'Nộp phí, lệ phí' }).click();
      assert.match(await page.locator('main').innerText(), /Hai mươi nghìn đồng|Mười lăm nghìn đồng/);
      await page.getByRole('button', { name: 'Thanh toán trực tuyến' }).click();

      // The simulator's own page, on the gateway's origin.
      assert.equal(new URL(page.url()).origin, sim.url);
      await page.getByRole('heading', { name: 'Thanh toán trực tuyến (mô phỏng)' }).waitFor();
      await page.getByLabel('Thanh toán thành công').check();
      await page.getByLabel('Cách gửi thông báo kết quả (IPN) cho đơn vị').selectOption('late');
      await page.getByRole('button', { name: 'Xác nhận thanh toán' }).click();

      // Back on the portal: the return page asked the gateway (the IPN comes later) and shows the payment.
      assert.equal(new URL(page.url()).pathname, '/thanh-toan/ket-qua');
      await page.getByRole('heading', { name: 'Thanh toán thành công' }).waitFor();
      const returnUrl = page.url();
      const receiptLink = page.getByRole('link', { name: /Biên lai điện tử/ });
      const receiptHref = await receiptLink.getAttribute('href');
      const receipt = await context.request.get(`${server.url}${receiptHref}`);
      assert.equal(receipt.headers()['content-type'], 'application/pdf');
      assert.match((await inspectPdf(await receipt.body())).all, /nghìn đồng/);

      await page.getByRole('link', { name: 'Quay lại hồ sơ' }).click();
      assert.match(await page.locator('dd.status').innerText(), /Đang xử lý/);
      assert.match(await page.locator('.timeline').innerText(), /Cổng thanh toán VNPAY/);

      await sim.settled();
      assert.deepEqual(sim.ipnLog.map((r) => (r.reply as { RspCode: string }).RspCode), ['02']);
      const cookies = { storageState: { cookies: cookiesOf(citizen), origins: [] } };
      assert.deepEqual(await axeViolations(browser, returnUrl, cookies), []);
      assert.deepEqual(await axeViolations(browser, `${server.url}/ho-so-cua-toi/${dossier.reference}/thanh-toan`, cookies), []);
    } finally {
      await context.close();
    }
  });

  it('the simulator payment page, the desk fee page and the back-office list pass axe', async () => {
    const db = server.database.db;
    const dossier = await db.selectFrom('dossier').select(['id']).where('status', '=', 2).executeTakeFirstOrThrow();
    const desk = await signInOfficer(server, 'mo.lt@demo.hoabinhxanh.vn');
    assert.deepEqual(await axeViolations(browser, `${server.url}/mot-cua/ho-so/${dossier.id}/thanh-toan`, { storageState: { cookies: cookiesOf(desk), origins: [] } }), []);
    const leader = await signInOfficer(server, 'ngoc.pt@demo.hoabinhxanh.vn');
    assert.deepEqual(await axeViolations(browser, `${server.url}/quan-tri/thanh-toan`, { storageState: { cookies: cookiesOf(leader), origins: [] } }), []);
    const signed = signedQuery({
      vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: merchant.tmnCode, vnp_Amount: '2000000', vnp_CurrCode: 'VND', vnp_TxnRef: 'AXE0001',
      vnp_OrderInfo: 'Thanh toan ho so', vnp_OrderType: 'other', vnp_Locale: 'vn', vnp_ReturnUrl: `${server.url}/thanh-toan/ket-qua`, vnp_IpAddr: '127.0.0.1', vnp_CreateDate: '20261204100000',
    }, merchant.hashSecret);
    assert.deepEqual(await axeViolations(browser, `${sim.paymentUrl}?${signed}`), []);
  });
});
