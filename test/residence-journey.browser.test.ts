import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { addTimeLimit } from '../src/platform/clock/due-date.ts';
import { toLocal } from '../src/platform/clock/local-time.ts';
import { grantOfficerRole } from '../src/modules/identity/repository.ts';
import { loadWorkingCalendar } from '../src/modules/workflow/calendar/load-working-calendar.ts';
import { getProcedureVersion } from '../src/modules/catalog/procedure-versions.ts';
import { dateTimeText } from '../src/modules/dossiers/pages/format.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { demoPassword, signInOfficer, type HttpClient } from './support/http-client.ts';
import { pdfBytes } from './support/sample-files.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// Issue 4 "Tests", first bullet: the demo's residence registration (1.004222, case TH1) at ward Hòa Lâm, end to end.
// The citizen works in a real Chromium without JavaScript (sign in, e-form with prefill, attachments, check, submit,
// online supplement, timeline); the officers act over HTTP as their pages' forms post. The server's clock is pinned
// and moved between steps over working days of December 2026, so every date below is exact.

const ward = '000.00.41.H99';
const citizenEmail = 'an.nguyen@demo.hoabinhxanh.vn';
const at = (local: string) => new Date(`${local}+07:00`);

let clock = at('2026-12-07T08:30');
let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** Sets the server's clock (Vietnam local time). */
const setClock = (local: string) => { clock = at(local); };

before(async () => {
  server = await startTestServer({}, { now: () => clock });
  const db = server.database.db;
  // The demo ward has no clerk: as a small ward would, it gives the clerk's role to its desk officer.
  const mo = await db.selectFrom('account').select('id').where('email', '=', 'mo.lt@demo.hoabinhxanh.vn').executeTakeFirstOrThrow();
  await grantOfficerRole(db, mo.id, ward, 'clerk');
  // The CCCD number verified against the national population database (P-01), as a national sign-in records it.
  const citizenId = (await db.selectFrom('account').select('id').where('email', '=', citizenEmail).executeTakeFirstOrThrow()).id;
  await db.insertInto('profile_attribute').values({ account_id: citizenId, name: 'personalId', verified: true, value: '017090012345', source: 'CSDL quốc gia về dân cư', recorded_at: at('2026-01-05T09:00') }).execute();
  browser = await launchBrowser();
  context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  page = await context.newPage();
});
after(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** The citizen signs in through the form (the session of a previous day has expired by then) and lands on `next`. */
async function citizenSignsIn(next: string) {
  await page.goto(`${server.url}${next}`);
  assert.match(new URL(page.url()).pathname, /^\/dang-nhap/, 'a signed-out visitor is sent to sign in');
  await page.getByLabel('Thư điện tử hoặc số điện thoại').fill(citizenEmail);
  await page.getByLabel('Mật khẩu').fill(demoPassword);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  assert.equal(new URL(page.url()).pathname, next.split('?')[0]);
}

/** Posts one of an officer's forms the way the page does; fails with the page's message when refused. */
async function act(client: HttpClient, path: string, fields: Record<string, string>, formPage: string) {
  const response = await client.post(path, fields, formPage);
  assert.equal(response.status, 303, `${path}: ${response.status} ${response.status === 303 ? '' : (await response.text()).match(/class="error-summary"[\s\S]{0,600}/)?.[0] ?? ''}`);
}

const header = (id: string) => server.database.db.selectFrom('dossier').select(['status', 'current_step', 'due_at', 'code']).where('id', '=', id).executeTakeFirstOrThrow();

async function pdfText(bytes: Buffer | ArrayBuffer): Promise<string> {
  return (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;
}

/** "09 giờ 30 phút, ngày 16/12/2026" → the instant, in Vietnam's time. */
function noticeDateTime(text: string): Date {
  const m = text.match(/(\d{2}) giờ (\d{2}) phút, ngày (\d{2})\/(\d{2})\/(\d{4})/);
  assert.ok(m, `a date and time in "${text}"`);
  return at(`${m[5]}-${m[4]}-${m[3]}T${m[1]}:${m[2]}`);
}

describe('a residence registration from the citizen\'s sign-in to the returned result, in a real browser (issue 4 Tests)', () => {
  it('files with prefill and attachments, is received, supplemented, forwarded, approved, issued and returned; the timeline tells it all', async () => {
    const db = server.database.db;

    // ── Monday 07/12/2026 08:30: the citizen files online ─────────────────────────────────────────────────────────
    await citizenSignsIn('/thu-tuc/1.004222/nop-ho-so');
    assert.match(await page.locator('h1').innerText(), /Nộp hồ sơ: Đăng ký thường trú/);
    await page.getByLabel('Đăng ký thường trú tại chỗ ở hợp pháp thuộc quyền sở hữu của mình').check();
    await page.getByLabel('Nơi nộp hồ sơ').selectOption({ label: 'Ủy ban nhân dân phường Hòa Lâm' });
    await page.getByLabel('Trích yếu nội dung yêu cầu (không bắt buộc)').fill('Đăng ký thường trú tại số 5 ngõ 12 đường Trần Phú');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    const reference = new URL(page.url()).pathname.match(/^\/ho-so-cua-toi\/(HS\d{6}-[A-Z2-9]{6})\/to-khai\/1$/)?.[1];
    assert.ok(reference, page.url());
    const base = `/ho-so-cua-toi/${reference}`;
    const { id } = await db.selectFrom('dossier').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();

    // Page 1 of the e-form: the verified CCCD is locked with its source; the account's name is prefilled, and says so.
    const cccd = page.locator('#personalId');
    assert.match(await cccd.innerText(), /017090012345/);
    assert.match(await cccd.innerText(), /Từ CSDL quốc gia về dân cư, xác minh ngày 05\/01\/2026/);
    assert.equal(await page.locator('input[name="personalId"]').count(), 0, 'a verified value has no input');
    assert.equal(await page.getByLabel('Họ, chữ đệm và tên', { exact: true }).inputValue(), 'Nguyễn Văn An');
    assert.match(await page.locator('#fullName-source').innerText(), /Lấy từ thông tin tự khai báo trong tài khoản/);
    await page.getByLabel('Ngày, tháng, năm sinh').fill('1990-03-15');
    await page.getByLabel('Nam', { exact: true }).check();
    await page.getByLabel('Số điện thoại liên hệ').fill('0912345678');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    assert.equal(new URL(page.url()).pathname, `${base}/to-khai/2`);
    await page.getByLabel('Họ, chữ đệm và tên chủ hộ').fill('Nguyễn Văn An');
    await page.getByLabel('Mối quan hệ với chủ hộ').fill('Chủ hộ');
    await page.getByLabel('Số định danh cá nhân của chủ hộ').fill('017090012345');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    assert.equal(new URL(page.url()).pathname, `${base}/to-khai/3`);
    await page.getByLabel('Kính gửi').fill('Công an phường Hòa Lâm');
    await page.getByLabel('Địa chỉ nơi đề nghị đăng ký thường trú').fill('Số 5 ngõ 12 đường Trần Phú, phường Hòa Lâm');
    await page.getByLabel('Nội dung đề nghị').fill('Đề nghị đăng ký thường trú tại chỗ ở hợp pháp thuộc quyền sở hữu của tôi.');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    // Attachments: a real PDF through the file input, for each required component of case TH1.
    assert.equal(new URL(page.url()).pathname, `${base}/thanh-phan`);
    for (const [code, name, text] of [['TP1', 'To khai CT01.pdf', 'To khai CT01 da ky'], ['TP2', 'Giay chung nhan QSDD.pdf', 'Giay chung nhan quyen su dung dat']] as const) {
      await page.locator(`#${code}-file`).setInputFiles({ name, mimeType: 'application/pdf', buffer: pdfBytes(text) });
      await page.locator(`form:has(#${code}-file)`).getByRole('button', { name: 'Tải lên' }).click();
      assert.equal(new URL(page.url()).pathname, `${base}/thanh-phan`);
      assert.match(await page.locator('main').innerText(), new RegExp(name.replace('.', '\\.')));
    }
    await page.getByRole('link', { name: 'Tiếp tục đến bước kiểm tra' }).click();

    // Check your answers, then submit.
    assert.match(await page.locator('h1').innerText(), /Kiểm tra thông tin trước khi nộp/);
    const check = await page.locator('main').innerText();
    for (const value of ['017090012345', 'Nguyễn Văn An', '15/03/1990', '0912345678', 'Số 5 ngõ 12 đường Trần Phú, phường Hòa Lâm', 'To khai CT01.pdf', 'Giay chung nhan QSDD.pdf']) {
      assert.ok(check.includes(value), `the check shows ${value}`);
    }
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    assert.equal(new URL(page.url()).pathname, base);
    assert.equal(await page.locator('dd.status').innerText(), 'Mới đăng ký');
    assert.equal((await header(id)).status, 1);

    // ── 09:30: the desk receives it and prints the receipt (Mẫu 01) ───────────────────────────────────────────────────
    setClock('2026-12-07T09:30');
    const receivedAt = clock;
    const desk = await signInOfficer(server, 'mo.lt@demo.hoabinhxanh.vn', clock);
    const deskPage = `/mot-cua/ho-so/${id}`;
    await act(desk, `${deskPage}/tiep-nhan`, {}, deskPage);
    const received = await header(id);
    assert.equal(received.status, 2, 'Được tiếp nhận');
    assert.match(received.code ?? '', /^000\.00\.41\.H99-261207-\d{4}$/);
    const code = received.code!;
    const receiptHref = (await (await desk.get(deskPage)).text()).match(new RegExp(`href="(${deskPage}/phieu/\\d+)"[^>]*>[^<]*Mẫu 01`))?.[1];
    assert.ok(receiptHref, 'the desk page links the receipt');
    const receiptResponse = await desk.get(receiptHref);
    assert.equal(receiptResponse.headers.get('content-type'), 'application/pdf');
    const receipt = await pdfText(await receiptResponse.arrayBuffer());
    assert.match(receipt, /GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ/);
    assert.ok(receipt.includes(code), 'the receipt carries the dossier code');
    const receiptDue = noticeDateTime(receipt.slice(receipt.indexOf('Thời gian trả kết quả')));
    // The clock library, over the ward's working calendar and the case's limit in the version the dossier pinned.
    const pinned = await db.selectFrom('dossier').select(['receiving_agency_id', 'procedure_version_id']).where('id', '=', id).executeTakeFirstOrThrow();
    const calendar = await loadWorkingCalendar(db, pinned.receiving_agency_id);
    const limit = (await getProcedureVersion(db, pinned.procedure_version_id)).definition.cases.find((c) => c.code === 'TH1')!.timeLimit;
    assert.deepEqual(limit, { value: 7, unit: 'workingDays' });
    assert.equal(receiptDue.toISOString(), addTimeLimit(calendar, receivedAt, limit).toISOString(), 'the appointment is 7 working days from reception');
    assert.equal(receiptDue.toISOString(), at('2026-12-16T09:30').toISOString());
    assert.equal(new Date(received.due_at!).toISOString(), receiptDue.toISOString());

    setClock('2026-12-07T09:40');
    await act(desk, `${deskPage}/chuyen-xu-ly`, {}, deskPage);
    assert.deepEqual(await header(id).then((h) => [h.status, h.current_step]), [4, 'THAM_DINH']);

    // ── Tuesday 08/12 10:00: the specialist asks for a supplement ─────────────────────────────────────────────────────
    setClock('2026-12-08T10:00');
    const specialist = await signInOfficer(server, 'duc.tv@demo.hoabinhxanh.vn', clock);
    const work = `/xu-ly/ho-so/${id}`;
    const supplementItem = 'Giấy chứng nhận quyền sử dụng đất (bản rõ nét)';
    await act(specialist, `${work}/yeu-cau-bo-sung`, { item0: supplementItem, reason0: 'Bản chụp bị mờ, không đọc được số thửa' }, work);
    assert.equal((await header(id)).status, 5, 'Yêu cầu bổ sung giấy tờ');

    // ── Thursday 10/12 14:00: the citizen supplements online ─────────────────────────────────────────────────────────
    setClock('2026-12-10T14:00');
    await citizenSignsIn(base);
    assert.equal(await page.locator('dd.status').innerText(), 'Yêu cầu bổ sung giấy tờ');
    assert.match(await page.locator('ul.due-date-explanation').innerText(), /Đang tạm dừng từ 10:00 Thứ Ba, 08\/12\/2026 \(Giấy chứng nhận quyền sử dụng đất/);
    await page.getByRole('link', { name: 'Bổ sung hồ sơ trực tuyến' }).click();
    assert.equal(new URL(page.url()).pathname, `${base}/bo-sung`);
    assert.match(await page.locator('main').innerText(), new RegExp(`${supplementItem.replace(/[()]/g, '\\$&')}[\\s\\S]*Lý do: Bản chụp bị mờ`));
    await page.locator('#file-0').setInputFiles({ name: 'Giay chung nhan QSDD ban ro.pdf', mimeType: 'application/pdf', buffer: pdfBytes('Giay chung nhan QSDD ban ro') });
    await page.getByLabel('Nội dung trả lời (nếu có)').fill('Gửi lại bản quét rõ nét của giấy chứng nhận.');
    await page.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
    assert.equal(new URL(page.url()).pathname, base);
    const supplementedAt = clock;
    const afterSupplement = await header(id);
    assert.deepEqual([afterSupplement.status, afterSupplement.current_step], [4, 'THAM_DINH'], 'back in processing at the step it left');
    // DL-04, default rule: the time limit restarts from zero when the supplement is complete.
    const expectedDue = addTimeLimit(calendar, supplementedAt, limit);
    assert.equal(expectedDue.toISOString(), at('2026-12-21T14:00').toISOString());
    assert.equal(new Date(afterSupplement.due_at!).toISOString(), expectedDue.toISOString());

    // ── Friday 11/12: the specialist appraises and forwards, the leader approves, the clerk issues, the desk returns ──
    setClock('2026-12-11T08:00');
    const specialist2 = await signInOfficer(server, 'duc.tv@demo.hoabinhxanh.vn', clock);
    await act(specialist2, `${work}/tham-dinh`, { proposal: 'grant', opinion: 'Hồ sơ đầy đủ, hợp lệ; đủ điều kiện đăng ký thường trú.' }, work);
    await act(specialist2, `${work}/chuyen-tiep`, { toStep: 'PHE_DUYET' }, work);
    assert.equal((await header(id)).current_step, 'PHE_DUYET');

    setClock('2026-12-11T09:00');
    const leader = await signInOfficer(server, 'ngoc.pt@demo.hoabinhxanh.vn', clock);
    await act(leader, `${work}/phe-duyet`, { outcome: 'granted', note: 'Đồng ý' }, work);
    assert.equal((await header(id)).current_step, 'BAN_HANH');

    setClock('2026-12-11T10:00');
    const clerk = await signInOfficer(server, 'mo.lt@demo.hoabinhxanh.vn', clock);
    const result = new FormData();
    result.append('documentNumber', '125/GXN-CA');
    result.append('signedOn', toLocal(clock).date);
    result.append('file', new Blob([new Uint8Array(pdfBytes('Xac nhan dang ky thuong tru'))], { type: 'application/pdf' }), 'ket-qua.pdf');
    const issued = await clerk.postMultipart(`${work}/ban-hanh`, result, work);
    assert.equal(issued.status, 303);
    assert.deepEqual(await header(id).then((h) => [h.status, h.current_step]), [9, 'TRA_KET_QUA']);

    setClock('2026-12-11T10:10');
    // DL-10: a result ready before the due date is announced to the applicant first, then returned.
    await act(clerk, `${work}/bao-tra-som`, { readyAt: '2026-12-11T14:00' }, work);
    // An officer's session ends after 15 idle minutes: the desk signs in again in the afternoon.
    setClock('2026-12-11T14:00');
    const deskAgain = await signInOfficer(server, 'mo.lt@demo.hoabinhxanh.vn', clock);
    await act(deskAgain, `${deskPage}/tra-ket-qua`, { channel: 'desk' }, deskPage);
    const returned = await header(id);
    assert.equal(returned.status, 10);

    // ── Friday 11/12 16:00: the citizen reads the whole story ─────────────────────────────────────────────────────────
    setClock('2026-12-11T16:00');
    await citizenSignsIn(base);
    assert.equal(await page.locator('dd.status').innerText(), 'Đã trả kết quả');
    const summary = await page.locator('dl.summary').first().innerText();
    assert.ok(summary.includes(code));
    assert.ok(summary.includes(dateTimeText('vi', expectedDue)), `the due date shown is the restarted one: ${summary}`);
    assert.ok(!summary.includes(dateTimeText('vi', receiptDue)), 'and no longer the receipt\'s');

    // Every action the applicant is shown, in order (the officers' internal work — appraisal, the leader's decision — is
    // not on it; the steps below show it), with the supplement request and its answer.
    const timeline = await page.locator('ol.timeline > li').allInnerTexts();
    const kinds = timeline.map((line) => line.match(/— /) ? line.split('\n').find((l) => l.includes(' — '))!.split(' — ')[0]!.trim() : line);
    assert.deepEqual(kinds, ['Lưu bản nháp', 'Nộp hồ sơ trực tuyến', 'Tiếp nhận hồ sơ', 'Chuyển xử lý', 'Yêu cầu bổ sung, hoàn thiện hồ sơ', 'Đã bổ sung hồ sơ',
      'Chuyển xử lý', 'Đã có kết quả giải quyết', 'Thông báo trả kết quả trước hạn', 'Trả kết quả']);
    const request = timeline.find((line) => line.includes('Yêu cầu bổ sung, hoàn thiện hồ sơ'))!;
    assert.ok(request.includes(supplementItem), 'the item asked for');
    assert.match(request, /Mẫu 02/, 'with its notice');
    assert.match(timeline.find((line) => line.includes('Đã bổ sung hồ sơ'))!, /14:00 10\/12\/2026[\s\S]*Đã bổ sung hồ sơ — Nguyễn Văn An/);
    // The document sent in answer is among the dossier's files, for the applicant to open again.
    const answerLink = page.getByRole('link', { name: 'Giay chung nhan QSDD ban ro.pdf' });
    const answerFile = await context.request.get(`${server.url}${await answerLink.getAttribute('href')}`);
    assert.deepEqual(await answerFile.body(), pdfBytes('Giay chung nhan QSDD ban ro'));
    assert.match(timeline.at(-1)!, /14:00 11\/12\/2026[\s\S]*Trả kết quả — Lý Thị Mơ/);

    // The steps of the process, each with who held it, and the pause inside appraisal.
    const steps = await page.locator('.step-timeline ol.step-list > li').allInnerTexts();
    const step = (name: string) => steps.find((s) => s.includes(name)) ?? assert.fail(`the step "${name}" in ${JSON.stringify(steps)}`);
    assert.equal(steps.length, 5, 'desk, appraisal, approval, issue, return');
    assert.match(step('thẩm định, đề xuất'), /Từ 09:40 07\/12\/2026 đến 08:00 11\/12\/2026[\s\S]*Cán bộ: Trần Văn Đức/);
    assert.match(step('thẩm định, đề xuất'), /Tạm dừng \(chờ bổ sung hồ sơ\) từ 10:00 08\/12\/2026 đến 14:00 10\/12\/2026/);
    assert.match(step('phê duyệt'), /Từ 08:00 11\/12\/2026 đến 09:00 11\/12\/2026[\s\S]*Cán bộ: Phan Thị Ngọc/, 'the leader held the approval');
    assert.match(steps[3]!, /Từ 09:00 11\/12\/2026 đến 10:00 11\/12\/2026[\s\S]*Cán bộ: Lý Thị Mơ/, 'the issue step, by the clerk');
    assert.match(step('trả kết quả'), /Từ 10:00 11\/12\/2026 đến 14:00 11\/12\/2026/);

    // The due date explained: received, the limit, the pause that restarted it, and the new date.
    const explanation = await page.locator('ul.due-date-explanation > li').allInnerTexts();
    assert.ok(explanation.some((line) => line.startsWith('Tiếp nhận hợp lệ lúc') && line.includes('07/12/2026')));
    assert.ok(explanation.some((line) => /Tạm dừng từ .*08\/12\/2026.* đến .*10\/12\/2026.*thời hạn được tính lại từ đầu/.test(line)), 'the pause and its rule');
    assert.ok(explanation.some((line) => line.startsWith('Hạn trả kết quả:') && line.includes('21/12/2026')));

    // The receipt, downloaded by the citizen now, still carries the appointment given at reception.
    const receiptLink = page.locator('ol.timeline > li', { hasText: 'Tiếp nhận hồ sơ' }).locator('a[href*="/phieu/"]');
    const again = await context.request.get(`${server.url}${await receiptLink.getAttribute('href')}`);
    assert.equal(again.headers()['content-type'], 'application/pdf');
    const againText = await pdfText(await again.body());
    assert.ok(againText.includes(code));
    assert.equal(noticeDateTime(againText.slice(againText.indexOf('Thời gian trả kết quả'))).toISOString(), receiptDue.toISOString());

    assert.deepEqual(await axeViolations(browser, page.url(), { storageState: await context.storageState() }), []);
  });
});
