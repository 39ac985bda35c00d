import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { flat, inspectPdf } from '../src/platform/pdf/inspect-pdf.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { httpClient, signInOfficer, type HttpClient } from './support/http-client.ts';
import { pdfBytes } from './support/sample-files.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// Friday 06/03/2026 15:30 in Vietnam: after 15:00, so a paper dossier reaches the handling unit on Monday (DL-03).
const now = new Date('2026-03-06T08:30:00Z');
const intake = '/mot-cua/tiep-nhan-truc-tiep';
const residence = `${intake}?thu-tuc=1.004222`;
const birth = `${intake}?thu-tuc=1.001193`;

let server: TestServer;
let browser: Browser;
let desk: HttpClient;
let specialist: HttpClient;
let otherDesk: HttpClient;
let citizen: HttpClient;

before(async () => {
  server = await startTestServer({}, { now: () => now });
  browser = await launchBrowser();
  desk = await signInOfficer(server, 'mo.lt@demo.hoabinhxanh.vn', now);
  specialist = await signInOfficer(server, 'duc.tv@demo.hoabinhxanh.vn', now);
  otherDesk = await signInOfficer(server, 'thu.pt@demo.hoabinhxanh.vn', now);
  citizen = httpClient(server);
  await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: 'DemoOpenDVC!2026' });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The browser gets the HTTP client's session (the officer signed in once, TOTP codes being single-use). */
function storageState(client: HttpClient): BrowserContextOptions['storageState'] {
  const host = new URL(server.url).hostname;
  return {
    cookies: client.cookie().split('; ').filter(Boolean).map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: host, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const };
    }),
    origins: [],
  };
}

/** The walk-in form as the desk fills it, with the key of a freshly loaded form page. */
async function walkIn(client: HttpClient, page: string, fields: Record<string, string>, files: Record<string, Buffer> = {}, key?: string) {
  const html = await (await client.get(page)).text();
  const form = new FormData();
  form.append('idempotencyKey', key ?? html.match(/name="idempotencyKey" value="([^"]+)"/)![1]!);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const [name, bytes] of Object.entries(files)) form.append(name, new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), `${name}.pdf`);
  return client.postMultipart(page, form, page);
}

const person = {
  caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', channel: 'desk', applicantKind: 'citizen', name: 'Trần Thị Bình',
  personalId: '017190012346', dateOfBirth: '1990-05-02', phone: '0987654321', address: 'Số 3 ngõ 7 đường Cù Chính Lan, phường Hòa Lâm', receiveNow: '1',
};
const dossierOf = (response: Response) => response.headers.get('location')!.match(/\/mot-cua\/ho-so\/([0-9a-f-]{36})/)![1]!;
const row = (id: string) => server.database.db.selectFrom('dossier').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('walk-in and postal reception at the one-stop desk (issue 4 §4, S-b, DL-03, IDX-4.2)', () => {
  it('offers only the procedures this desk receives, found without diacritics', async () => {
    const page = await (await desk.get(`${intake}?q=dang+ky+thuong+tru`)).text();
    assert.match(page, /href="\/mot-cua\/tiep-nhan-truc-tiep\?thu-tuc=1\.004222"/);
    assert.doesNotMatch(page, /thu-tuc=1\.001193/, 'a procedure not matching the search is not listed');
    const centre = await (await otherDesk.get(`${intake}?q=dang+ky+thuong+tru`)).text();
    assert.doesNotMatch(centre, /thu-tuc=1\.004222/, 'the service centre does not receive the ward\'s procedures');
    assert.equal((await otherDesk.get(residence)).status, 404);
    assert.match(await (await desk.get('/mot-cua/ho-so')).text(), /href="\/mot-cua\/tiep-nhan-truc-tiep">Tiếp nhận hồ sơ trực tiếp</);
  });

  it('enters a walk-in dossier with a scanned component and receives it at once: code, due date, digitised file, receipt with the 15:00 rule', async () => {
    const response = await walkIn(desk, residence, person, { 'scan-TP1': pdfBytes('To khai thay doi thong tin cu tru') });
    assert.equal(response.status, 303);
    assert.match(response.headers.get('location')!, /\?xong=000\.00\.41\.H99-260306-\d{4}$/);
    const id = dossierOf(response);
    const dossier = await row(id);
    assert.equal(dossier.channel, 'desk');
    assert.equal(dossier.status, 2);
    assert.match(dossier.code!, /^000\.00\.41\.H99-260306-\d{4}$/);
    assert.ok(dossier.due_at && new Date(dossier.due_at) > now, 'the due date runs from reception');
    assert.equal(dossier.applicant_account_id, null);
    assert.deepEqual({ ...dossier.applicant }, { kind: 'citizen', name: 'Trần Thị Bình', personalId: '017190012346', dateOfBirth: '1990-05-02', phone: '0987654321', address: 'Số 3 ngõ 7 đường Cù Chính Lan, phường Hòa Lâm' });
    const files = await server.database.db.selectFrom('dossier_file as df').innerJoin('stored_file as f', 'f.id', 'df.stored_file_id')
      .select(['df.purpose', 'df.component_code', 'f.digitised', 'f.media_type']).where('df.dossier_id', '=', id).execute();
    assert.deepEqual(files, [{ purpose: 'component', component_code: 'TP1', digitised: true, media_type: 'application/pdf' }]);
    const actions = await server.database.db.selectFrom('dossier_action').select(['kind', 'actor_label']).where('dossier_id', '=', id).orderBy('seq').execute();
    assert.deepEqual(actions, [{ kind: 'submitted', actor_label: 'Lý Thị Mơ' }, { kind: 'received', actor_label: 'Lý Thị Mơ' }]);

    const page = await (await desk.get(response.headers.get('location')!)).text();
    assert.match(page, /Được tiếp nhận/);
    const receipt = await desk.get(`/mot-cua/ho-so/${id}/phieu/2`);
    assert.equal(receipt.headers.get('content-type'), 'application/pdf');
    const pdf = await inspectPdf(Buffer.from(await receipt.arrayBuffer()));
    for (const text of ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', dossier.code!, 'Trần Thị Bình', 'Chuyển hồ sơ giấy đến bộ phận giải quyết trước', '09/03/2026']) {
      assert.ok(pdf.all.includes(flat(text)), `receipt lacks "${text}": ${pdf.all}`);
    }
  });

  it('records a postal dossier with its delivery date and item number, waiting for reception', async () => {
    const missing = await walkIn(desk, birth, { ...person, channel: 'postal', receiveNow: '0' });
    assert.equal(missing.status, 400);
    const refused = await missing.text();
    assert.match(refused, /class="error-summary"/);
    assert.match(refused, /Vui lòng nhập ngày bưu chính chuyển hồ sơ đến\./);
    assert.match(refused, /Số hiệu bưu gửi gồm 6 đến 30 chữ cái hoặc chữ số\./);
    assert.match(refused, /value="Trần Thị Bình"/, 'what was typed comes back');

    const response = await walkIn(desk, birth, { ...person, channel: 'postal', postalDeliveredOn: '2026-03-05', postalItemNumber: 'eb123456789vn', receiveNow: '0' });
    assert.equal(response.status, 303);
    const id = dossierOf(response);
    const dossier = await row(id);
    assert.equal(dossier.channel, 'postal');
    assert.equal(dossier.status, 1);
    assert.equal(dossier.code, null);
    const submitted = await server.database.db.selectFrom('dossier_action').select('payload').where('dossier_id', '=', id).where('kind', '=', 'submitted').executeTakeFirstOrThrow();
    assert.deepEqual({ ...submitted.payload }, { channel: 'postal', atCounter: true, postalDeliveredOn: '2026-03-05', postalItemNumber: 'EB123456789VN' });
    assert.match(await (await desk.get('/mot-cua/ho-so?hang=toReceive')).text(), new RegExp(dossier.reference));

    const noPost = await walkIn(desk, residence, { ...person, channel: 'postal', postalDeliveredOn: '2026-03-05', postalItemNumber: 'EB123456789VN' });
    assert.equal(noPost.status, 400);
    assert.match(await noPost.text(), /Thủ tục này không nhận hồ sơ qua bưu chính\./);
  });

  it('registers one dossier however often the same form is sent', async () => {
    const html = await (await desk.get(residence)).text();
    const key = html.match(/name="idempotencyKey" value="([^"]+)"/)![1]!;
    const first = await walkIn(desk, residence, { ...person, name: 'Lê Văn Cường' }, { 'scan-TP1': pdfBytes('lan 1') }, key);
    const second = await walkIn(desk, residence, { ...person, name: 'Lê Văn Cường' }, { 'scan-TP1': pdfBytes('lan 2') }, key);
    assert.equal(first.status, 303);
    assert.equal(second.headers.get('location'), first.headers.get('location'));
    const rows = await server.database.db.selectFrom('dossier').select('id').where('idempotency_key', '=', key).execute();
    assert.equal(rows.length, 1);
    const files = await server.database.db.selectFrom('dossier_file').select('id').where('dossier_id', '=', rows[0]!.id).execute();
    assert.equal(files.length, 1, 'the resent scan is not attached twice');
  });

  it('links the dossier to a citizen account only on a VERIFIED identity number, and only when asked', async () => {
    const an = { ...person, name: 'Nguyễn Văn An', personalId: '017090012345', dateOfBirth: '1990-03-15', linkAccount: '1' };
    const declaredOnly = await row(dossierOf(await walkIn(desk, residence, an)));
    assert.equal(declaredOnly.applicant_account_id, null, 'a declared number proves nothing');

    const account = await server.database.db.selectFrom('account').select('id').where('email', '=', 'an.nguyen@demo.hoabinhxanh.vn').executeTakeFirstOrThrow();
    await server.database.db.insertInto('profile_attribute').values({ account_id: account.id, name: 'personalId', verified: true, value: '017090012345', source: 'VNeID', recorded_at: now }).execute();
    const linked = await row(dossierOf(await walkIn(desk, residence, an)));
    assert.equal(linked.applicant_account_id, account.id);
    const unlinked = await row(dossierOf(await walkIn(desk, residence, { ...an, linkAccount: '0' })));
    assert.equal(unlinked.applicant_account_id, null, 'the officer may choose not to link');
    assert.match(await (await citizen.get('/ho-so-cua-toi')).text(), new RegExp(linked.code!), 'the citizen sees it in "my dossiers"');
  });

  it('checks the applicant\'s identity numbers field by field', async () => {
    const response = await walkIn(desk, residence, { ...person, personalId: '999190012346', name: '' });
    assert.equal(response.status, 400);
    const page = await response.text();
    assert.match(page, /Số định danh cá nhân phải gồm 12 chữ số, bắt đầu bằng mã tỉnh nơi đăng ký khai sinh\./);
    assert.match(page, /<a href="#personalId">/);
    assert.match(page, /Vui lòng nhập họ và tên hoặc tên doanh nghiệp, tổ chức\./);
    const business = await walkIn(desk, `${intake}?thu-tuc=2.000815`, { ...person, applicantKind: 'business', name: 'Công ty TNHH Thương mại Hòa Bình Xanh', taxCode: '4601234561', representative: '' });
    const text = await business.text();
    assert.match(text, /Mã số thuế không hợp lệ/);
    assert.match(text, /Vui lòng nhập người đại diện theo pháp luật\./);
  });

  it('is refused to a specialist, to another unit\'s desk and to citizens', async () => {
    assert.equal((await specialist.get(intake)).status, 403);
    assert.equal((await citizen.get(intake)).status, 403);
    const before = await server.database.db.selectFrom('dossier').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const form = new FormData();
    form.append('idempotencyKey', crypto.randomUUID());
    for (const [name, value] of Object.entries(person)) form.append(name, value);
    const centre = await otherDesk.postMultipart(residence, form, intake);
    assert.equal(centre.status, 404, 'the service centre does not take this ward\'s procedure');
    assert.equal((await specialist.postMultipart(residence, form, '/')).status, 403);
    const after = await server.database.db.selectFrom('dossier').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
  });

  it('works in a browser without JavaScript at 360 px, and passes axe', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, storageState: storageState(desk) });
    const page = await context.newPage();
    await page.goto(`${server.url}/mot-cua/ho-so`);
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ trực tiếp' }).click();
    await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
    await page.getByRole('button', { name: 'Tìm' }).click();
    for (const url of [page.url()]) assert.deepEqual(await axeViolations(browser, url, { storageState: storageState(desk) }), []);
    await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).click();
    assert.deepEqual(await axeViolations(browser, page.url(), { storageState: storageState(desk) }), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the form overflows by ${overflow}px at 360 px`);
    await page.getByRole('button', { name: 'Tiếp nhận ngay' }).click();
    assert.match(await page.locator('.error-summary').textContent() ?? '', /Vui lòng chọn trường hợp của thủ tục\./, 'the case must be chosen');
    await page.locator('#caseCode input[type=radio]').first().check();
    await page.getByLabel('Họ và tên hoặc tên doanh nghiệp, tổ chức').fill('Đỗ Thị Hạnh');
    await page.getByLabel('Số định danh cá nhân').fill('017190012347');
    await page.getByLabel(/Tờ khai đăng ký khai sinh|Tờ khai/).first().setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: pdfBytes() });
    await page.getByRole('button', { name: 'Tiếp nhận ngay' }).click();
    assert.match(page.url(), /\/mot-cua\/ho-so\/[0-9a-f-]{36}\?xong=000\.00\.41\.H99-260306-\d{4}$/);
    assert.equal((await page.locator('dd.status').textContent())?.trim(), 'Được tiếp nhận');
    await context.close();
  });
});
