import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { Actor } from '../src/platform/context.ts';
import { resolveSession } from '../src/modules/identity/resolve-session.ts';
import { startSession } from '../src/modules/identity/start-session.ts';
import { grantOfficerRole, insertAccount } from '../src/modules/identity/repository.ts';
import { forwardDossier } from '../src/modules/dossiers/forward-dossier.ts';
import { receiveDossier } from '../src/modules/dossiers/receive-dossier.ts';
import { requestSupplement } from '../src/modules/dossiers/request-supplement.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { demoPassword, httpClient } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { extractText, getDocumentProxy } from 'unpdf';

let server: TestServer;
let browser: Browser;
let code = '';
let reference = '';
const policy = { idleMinutes: { person: 30, officer: 15 }, absoluteHours: { person: 12, officer: 10 } };
const at = (local: string) => new Date(`${local}+07:00`);

async function actorOf(accountId: string, officer: boolean): Promise<Actor> {
  const now = new Date();
  const { token } = await server.database.db.transaction().execute((trx) => startSession(trx, { accountId, officer, mfaVerified: true, ip: null, userAgent: null, now, policy }));
  return (await resolveSession(server.database.db, token, now, policy))!.actor;
}

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const db = server.database.db;
  const citizenId = (await db.selectFrom('account').select('id').where('email', '=', 'an.nguyen@demo.hoabinhxanh.vn').executeTakeFirstOrThrow()).id;
  const citizen = await actorOf(citizenId, false);
  const deskId = await insertAccount(db, { kind: 'officer', displayName: 'Lý Thị Mơ', email: 'mo.lt@example.vn' });
  await grantOfficerRole(db, deskId, '000.00.41.H99', 'reception');
  const desk = await actorOf(deskId, true);
  const filed = await submitDossier(db, citizen, at('2026-12-04T16:00'), 'vi', { procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: 'tracking' });
  reference = filed.reference;
  code = (await receiveDossier(db, desk, at('2026-12-07T09:00'), filed.id)).code;
  await forwardDossier(db, desk, at('2026-12-07T09:10'), { dossierId: filed.id });
  await requestSupplement(db, desk, at('2026-12-08T10:00'), 'vi', { dossierId: filed.id, items: [{ name: 'Giấy tờ chứng minh chỗ ở hợp pháp', reason: 'Bản chụp bị mờ' }] });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('following a dossier (issue 4 §6, P-12, P-17, S-g)', () => {
  it('P-17: the public lookup shows the code, procedure, status and dates, and nothing about the applicant', async () => {
    const page = await (await fetch(`${server.url}/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`)).text();
    assert.match(page, /Đăng ký thường trú/);
    assert.match(page, /Yêu cầu bổ sung giấy tờ/);
    assert.doesNotMatch(page, /Nguyễn Văn An|Lê Lợi|an\.nguyen/);
    const api = await fetch(`${server.url}/api/v1/dossiers/${encodeURIComponent(code)}/status`);
    const body = await api.json() as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['code', 'dueAt', 'procedure', 'receivedAt', 'receivingAgency', 'resolvedAt', 'returnedAt', 'status']);
    assert.equal(body['status'], 5);
    assert.doesNotMatch(JSON.stringify(body), /Nguyễn Văn An|Lê Lợi|an\.nguyen/);
    const unknown = await fetch(`${server.url}/tra-cuu-ho-so?ma=000.00.41.H99-261207-9999`);
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /Không tìm thấy hồ sơ có mã số này/);
    assert.equal((await fetch(`${server.url}/api/v1/dossiers/nope/status`)).status, 404);
  });

  it('shows the applicant their dossiers, each step and why the due date is what it is, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByLabel('Thư điện tử hoặc số điện thoại').fill('an.nguyen@demo.hoabinhxanh.vn');
    await page.getByLabel('Mật khẩu').fill(demoPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await page.getByRole('link', { name: reference }).click();
    const timeline = await page.locator('ol.timeline li').allTextContents();
    assert.deepEqual(timeline.map((line) => line.match(/(Nộp hồ sơ trực tuyến|Tiếp nhận hồ sơ|Chuyển xử lý|Yêu cầu bổ sung, hoàn thiện hồ sơ)/)?.[1]),
      ['Nộp hồ sơ trực tuyến', 'Tiếp nhận hồ sơ', 'Chuyển xử lý', 'Yêu cầu bổ sung, hoàn thiện hồ sơ']);
    assert.match(timeline[3]!, /Giấy tờ chứng minh chỗ ở hợp pháp/);
    const explanation = (await page.locator('ul.due-date-explanation li').allTextContents()).join('\n');
    assert.match(explanation, /Tiếp nhận hợp lệ lúc 09:00/);
    assert.match(explanation, /Đang tạm dừng từ .*Giấy tờ chứng minh chỗ ở hợp pháp/);
    const cookies = await context.storageState();
    assert.deepEqual(await axeViolations(browser, page.url(), { storageState: cookies }), []);
    await context.close();
    assert.deepEqual(await axeViolations(browser, `${server.url}/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`), []);
  });

  it('FORM-02: lists each notice on the timeline and gives it as a PDF: Mẫu 01 with code and appointment, Mẫu 02 with the items', async () => {
    const citizen = httpClient(server);
    await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: demoPassword });
    const page = await (await citizen.get(`/ho-so-cua-toi/${reference}`)).text();
    const links = [...page.matchAll(/href="([^"]*\/phieu\/\d+)"/g)].map((m) => m[1]!);
    assert.equal(links.length, 2, 'the receipt and the supplement request');
    const text = async (path: string) => {
      const response = await citizen.get(path);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/pdf');
      return (await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), { mergePages: true })).text;
    };
    const receipt = await text(links[0]!);
    assert.match(receipt, /GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ/);
    assert.ok(receipt.includes(code), 'the dossier code');
    assert.match(receipt, /Nguyễn Văn An/);
    assert.match(receipt, /Lý Thị Mơ/, 'the receiving officer');
    const supplement = await text(links[1]!);
    assert.match(supplement, /YÊU CẦU BỔ SUNG/);
    assert.match(supplement, /Giấy tờ chứng minh chỗ ở hợp pháp/);
    const business = httpClient(server);
    await business.post('/dang-nhap', { identifier: 'ketoan@thuongmaihbx.demo.vn', password: demoPassword });
    assert.equal((await business.get(links[0]!)).status, 404);
  });

  it('never shows one person\'s dossier to another, and keeps officers out of the citizen pages', async () => {
    const business = httpClient(server);
    await business.post('/dang-nhap', { identifier: 'ketoan@thuongmaihbx.demo.vn', password: demoPassword });
    assert.equal((await business.get(`/ho-so-cua-toi/${reference}`)).status, 404);
    assert.doesNotMatch(await (await business.get('/ho-so-cua-toi')).text(), new RegExp(reference));
    const anonymous = await fetch(`${server.url}/ho-so-cua-toi/${reference}`, { redirect: 'manual' });
    assert.equal(anonymous.status, 303);
  });
});
