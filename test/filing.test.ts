import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { parse as parseDisposition } from 'content-disposition';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { demoPassword, httpClient, signInOfficer, type HttpClient } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { exeBytes, pdfBytes } from './support/sample-files.ts';
import { createLocalFileStore } from '../src/platform/files/local-file-store.ts';
import { storeUpload } from '../src/platform/files/store-upload.ts';
import { documentUploadPolicy } from '../src/platform/files/upload-policy.ts';
import { attachDossierFile } from '../src/modules/dossiers/dossier-files.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { streamOf } from './support/sample-files.ts';
import { join } from 'node:path';

let server: TestServer;
let browser: Browser;
let citizen: HttpClient;
let accountId: string;
const earlierPdf = pdfBytes('Giay chung nhan quyen su dung dat');

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const db = server.database.db;
  accountId = (await db.selectFrom('account').select('id').where('email', '=', 'an.nguyen@demo.hoabinhxanh.vn').executeTakeFirstOrThrow()).id;
  // The CCCD number verified against the national population database (P-01), as a national sign-in would record it.
  await db.insertInto('profile_attribute').values({ account_id: accountId, name: 'personalId', verified: true, value: '017090012345', source: 'CSDL quốc gia về dân cư', recorded_at: new Date('2026-01-05T02:00:00Z') }).execute();
  // An earlier dossier of the same applicant, with an attached document and answers to offer again (S-d, P-01).
  const actor = { kind: 'person' as const, accountId, accountKind: 'citizen' as const, name: 'Nguyễn Văn An' };
  const earlier = await submitDossier(db, actor, new Date(), 'vi', {
    procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', idempotencyKey: 'earlier-dossier',
    formData: { householdHeadName: 'Nguyễn Văn Bình', relationToHead: 'Con', householdHeadId: '017060001234', newAddress: 'Số 5 ngõ 12 đường Trần Phú' },
  });
  const store = createLocalFileStore(join(server.config.DATA_DIR, 'files'));
  const file = await storeUpload({ db, actor, now: new Date(), store, lang: 'vi' }, { stream: streamOf(earlierPdf), fileName: 'So do nha.pdf', policy: documentUploadPolicy });
  await attachDossierFile(db, { dossierId: earlier.id, storedFileId: file.id, purpose: 'component', componentCode: 'TP2', addedBy: accountId, now: new Date() });
  citizen = httpClient(server);
  await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: demoPassword });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const location = (response: Response) => response.headers.get('location') ?? '';

async function startResidenceDraft(key: string): Promise<string> {
  const started = await citizen.post('/thu-tuc/1.004222/nop-ho-so', { caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', summary: 'Đăng ký thường trú tại số 5 ngõ 12 đường Trần Phú', idempotencyKey: key });
  assert.equal(started.status, 303);
  const match = location(started).match(/^\/ho-so-cua-toi\/(HS\d{6}-[A-Z2-9]{6})\/to-khai\/1$/);
  assert.ok(match, location(started));
  return match[1]!;
}

describe('filing online through the e-form, without JavaScript (issue 4 §3, P-01, P-04, S-d, ST-01)', () => {
  it('files residence registration page by page: locked CCCD, field errors, attachments, draft, check, one dossier', async () => {
    const db = server.database.db;
    const key = crypto.randomUUID();
    const reference = await startResidenceDraft(key);
    // The start form sent twice opens the same draft.
    assert.equal(await startResidenceDraft(key), reference);
    const base = `/ho-so-cua-toi/${reference}`;
    const draft = await db.selectFrom('dossier').select(['id', 'status']).where('reference', '=', reference).executeTakeFirstOrThrow();
    assert.equal(draft.status, 0);

    // Page 1: the verified CCCD is shown locked with its source, no input for it; declared values are editable.
    const page1 = await (await citizen.get(`${base}/to-khai/1`)).text();
    assert.match(page1, /017090012345/);
    assert.match(page1, /Từ CSDL quốc gia về dân cư, xác minh ngày 05\/01\/2026/);
    assert.doesNotMatch(page1, /name="personalId"/);
    assert.match(page1, /name="fullName"[^>]*value="Nguyễn Văn An"/);
    assert.match(page1, /Lấy từ thông tin tự khai báo trong tài khoản/);

    const bad = await citizen.post(`${base}/to-khai/1`, { fullName: 'Nguyễn Văn An', birthDate: '1990-03-15', sex: 'male', personalId: '999999999999', phone: '12345', go: 'next' }, `${base}/to-khai/1`);
    assert.equal(bad.status, 400);
    const badPage = await bad.text();
    assert.match(badPage, /id="phone-error">Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng số 0\./);
    assert.match(badPage, /aria-describedby="[^"]*phone-error/);
    const good = await citizen.post(`${base}/to-khai/1`, { fullName: 'Nguyễn Văn An', birthDate: '1990-03-15', sex: 'male', personalId: '999999999999', phone: '0912345678', go: 'next' }, `${base}/to-khai/1`);
    assert.equal(location(good), `${base}/to-khai/2`);
    const saved = (await db.selectFrom('dossier').select('form_data').where('id', '=', draft.id).executeTakeFirstOrThrow()).form_data as Record<string, unknown>;
    assert.equal(saved['personalId'], '017090012345', 'the server keeps the verified value, never the posted one');
    assert.equal(saved['phone'], '0912345678');

    // Page 2 offers the earlier dossier's answers; "Lưu nháp" saves part of it; "my dossiers" resumes there.
    const page2 = await (await citizen.get(`${base}/to-khai/2`)).text();
    assert.match(page2, /name="householdHeadName"[^>]*value="Nguyễn Văn Bình"/);
    assert.match(page2, /Từ hồ sơ trước \(mã HS\d{6}-[A-Z2-9]{6}\)/);
    const save = await citizen.post(`${base}/to-khai/2`, { householdHeadName: 'Nguyễn Văn Bình', relationToHead: '', householdHeadId: '', go: 'save' }, `${base}/to-khai/2`);
    assert.equal(location(save), `${base}/to-khai/2?da-luu=1`);
    const mine = await (await citizen.get('/ho-so-cua-toi')).text();
    assert.match(mine, new RegExp(`href="${base}/tiep-tuc"[^>]*>Tiếp tục`));
    assert.equal(location(await citizen.get(`${base}/tiep-tuc`)), `${base}/to-khai/2`, 'resumes at the first page with missing data');
    assert.equal(location(await citizen.post(`${base}/to-khai/2`, { householdHeadName: 'Nguyễn Văn Bình', relationToHead: 'Con', householdHeadId: '017060001234', go: 'next' }, `${base}/to-khai/2`)), `${base}/to-khai/3`);
    assert.equal(location(await citizen.post(`${base}/to-khai/3`, {
      addressee: 'Công an phường Hòa Lâm', newAddress: 'Số 5 ngõ 12 đường Trần Phú', requestContent: 'Đề nghị đăng ký thường trú vào hộ ông Nguyễn Văn Bình.', membersChanging: '', go: 'next',
    }, `${base}/to-khai/3`)), `${base}/thanh-phan`);

    // Attachments: the components of case TH1 only, each with what it accepts.
    const components = await (await citizen.get(`${base}/thanh-phan`)).text();
    assert.match(components, /Định dạng được nhận: PDF, JPG, PNG; tối đa 10 MB/);
    assert.match(components, /id="TP1"/);
    assert.match(components, /id="TP2"/);
    assert.doesNotMatch(components, /id="TP3"/);
    const upload = (code: string, bytes: Buffer, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
      return citizen.postMultipart(`${base}/thanh-phan/${code}`, form, `${base}/thanh-phan`);
    };
    const exe = await upload('TP1', exeBytes, 'to-khai.pdf');
    assert.equal(exe.status, 415);
    assert.match(await exe.text(), /id="TP1-error">Nội dung tệp không thuộc định dạng được chấp nhận\. Chỉ nhận: PDF, JPG, PNG\./);
    const huge = await upload('TP1', Buffer.concat([pdfBytes(), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]), 'to-khai-lon.pdf');
    assert.equal(huge.status, 413);
    assert.match(await huge.text(), /Tệp vượt quá dung lượng tối đa 10 MB/);
    const tokhai = pdfBytes('To khai CT01 da ky');
    const uploaded = await upload('TP1', tokhai, 'Tờ khai CT01.pdf');
    assert.equal(uploaded.status, 303);

    // Filing before every required component is attached is refused per component.
    const early = await citizen.post(`${base}/nop`, {}, `${base}/kiem-tra`);
    assert.equal(early.status, 400);
    assert.match(await early.text(), /Chưa đính kèm: Giấy tờ, tài liệu chứng minh việc sở hữu chỗ ở hợp pháp\./);

    // Reuse of the earlier dossier's document for TP2, flagged as reused (S-d, IDX-4.3).
    const reusable = (await (await citizen.get(`${base}/thanh-phan`)).text()).match(/<option value="([0-9a-f-]{36})">So do nha\.pdf \(hồ sơ HS/);
    assert.ok(reusable, 'the earlier document is offered');
    assert.equal((await citizen.post(`${base}/thanh-phan/TP2/dung-lai`, { storedFileId: reusable[1]! }, `${base}/thanh-phan`)).status, 303);
    const files = await db.selectFrom('dossier_file as df').innerJoin('stored_file as f', 'f.id', 'df.stored_file_id')
      .select(['df.id', 'df.component_code', 'f.sha256', 'f.reuse_source', 'f.display_name']).where('df.dossier_id', '=', draft.id).where('df.removed_at', 'is', null).orderBy('df.id').execute();
    assert.deepEqual(files.map((f) => [f.component_code, f.display_name, f.reuse_source]), [['TP1', 'Tờ khai CT01.pdf', null], ['TP2', 'So do nha.pdf', 'dossier']]);
    assert.equal(files[0]!.sha256, createHash('sha256').update(tokhai).digest('hex'));
    // Someone else's stored file cannot be "reused".
    assert.equal((await citizen.post(`${base}/thanh-phan/TP2/dung-lai`, { storedFileId: '00000000-0000-4000-8000-000000000009' }, `${base}/thanh-phan`)).status, 400);

    // Check your answers, with change links, then a double submit files once.
    const check = await (await citizen.get(`${base}/kiem-tra`)).text();
    assert.match(check, /Kiểm tra thông tin trước khi nộp/);
    assert.match(check, /<dd>15\/03\/1990 <a href="[^"]*\/to-khai\/1#birthDate">Thay đổi/);
    assert.match(check, /<dd>Nam /);
    const [one, two] = await Promise.all([citizen.post(`${base}/nop`, {}, `${base}/kiem-tra`), citizen.post(`${base}/nop`, {}, `${base}/kiem-tra`)]);
    assert.equal(location(one), `${base}?da-nop=1`);
    assert.equal(location(two), `${base}?da-nop=1`);
    const filed = await db.selectFrom('dossier').select(['status']).where('idempotency_key', '=', key).execute();
    assert.deepEqual(filed.map((d) => d.status), [1], 'exactly one dossier, status 1 "Mới đăng ký"');
    const kinds = await db.selectFrom('dossier_action').select('kind').where('dossier_id', '=', draft.id).orderBy('seq').execute();
    assert.deepEqual(kinds.map((k) => k.kind), ['drafted', 'submitted']);
    const page = await (await citizen.get(`${base}?da-nop=1`)).text();
    assert.match(page, /Mới đăng ký/);
    assert.match(page, new RegExp(`href="${base}/tep/${files[0]!.id}">Tờ khai CT01\\.pdf`));

    // Downloads: the applicant and the desk of the dossier's unit; nobody else. Filed files stay attached.
    const download = await citizen.get(`${base}/tep/${files[0]!.id}`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(parseDisposition(download.headers.get('content-disposition')!).parameters['filename'], 'Tờ khai CT01.pdf');
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), tokhai);
    assert.equal((await citizen.post(`${base}/tep/${files[0]!.id}/go-bo`, {}, base)).status, 409);
    const business = httpClient(server);
    await business.post('/dang-nhap', { identifier: 'ketoan@thuongmaihbx.demo.vn', password: demoPassword });
    assert.equal((await business.get(`${base}/tep/${files[0]!.id}`)).status, 404);
    const desk = await signInOfficer(server, 'mo.lt@demo.hoabinhxanh.vn');
    assert.match(await (await desk.get(`/mot-cua/ho-so/${draft.id}`)).text(), new RegExp(`href="/mot-cua/ho-so/${draft.id}/tep/${files[1]!.id}">So do nha\\.pdf`));
    const deskDownload = await desk.get(`/mot-cua/ho-so/${draft.id}/tep/${files[1]!.id}`);
    assert.equal(deskDownload.status, 200);
    assert.deepEqual(Buffer.from(await deskDownload.arrayBuffer()), earlierPdf);
    const elsewhere = await signInOfficer(server, 'hung.dv@demo.hoabinhxanh.vn');
    assert.equal((await elsewhere.get(`/mot-cua/ho-so/${draft.id}/tep/${files[1]!.id}`)).status, 403);
  });

  it('removes a file from a draft, and deletes a draft so that it never shows again', async () => {
    const db = server.database.db;
    const reference = await startResidenceDraft(crypto.randomUUID());
    const base = `/ho-so-cua-toi/${reference}`;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdfBytes('nhap'))], { type: 'application/pdf' }), 'nhap.pdf');
    assert.equal((await citizen.postMultipart(`${base}/thanh-phan/TP1`, form, `${base}/thanh-phan`)).status, 303);
    const file = await db.selectFrom('dossier_file as df').innerJoin('dossier as d', 'd.id', 'df.dossier_id').select('df.id').where('d.reference', '=', reference).executeTakeFirstOrThrow();
    const removed = await citizen.post(`${base}/tep/${file.id}/go-bo`, {}, `${base}/thanh-phan`);
    assert.equal(location(removed), `${base}/thanh-phan?da-go=nhap.pdf`);
    assert.match(await (await citizen.get(location(removed))).text(), /Đã gỡ bỏ nhap\.pdf\./);
    // Another person can neither see nor delete it.
    const business = httpClient(server);
    await business.post('/dang-nhap', { identifier: 'ketoan@thuongmaihbx.demo.vn', password: demoPassword });
    assert.equal((await business.post(`${base}/xoa-nhap`, {}, '/ho-so-cua-toi')).status, 404);
    assert.equal((await business.get(`${base}/to-khai/1`)).status, 404);

    const discarded = await citizen.post(`${base}/xoa-nhap`, {}, '/ho-so-cua-toi');
    assert.equal(location(discarded), `/ho-so-cua-toi?da-xoa=${reference}`);
    assert.doesNotMatch(await (await citizen.get('/ho-so-cua-toi')).text(), new RegExp(`${reference}/tiep-tuc`));
    assert.equal((await citizen.get(`${base}/to-khai/1`)).status, 404);
    assert.equal((await citizen.get(base)).status, 404);
    const row = await db.selectFrom('dossier').select(['status', 'discarded_at']).where('reference', '=', reference).executeTakeFirstOrThrow();
    assert.equal(row.status, 0);
    assert.ok(row.discarded_at, 'kept as a record');
  });

  it('keeps officers and signed-out visitors out of filing', async () => {
    const anonymous = await fetch(`${server.url}/thu-tuc/1.004194/nop-ho-so`, { redirect: 'manual' });
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location') ?? '', /^\/dang-nhap\?next=/);
  });
});

describe('filing pages in a real browser (issue 4 §3, P-11)', () => {
  it('pass axe and work at 360 px without JavaScript, from the procedure page to the check', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/dang-nhap?next=${encodeURIComponent('/thu-tuc/1.004194')}`);
    await page.getByLabel('Thư điện tử hoặc số điện thoại').fill('an.nguyen@demo.hoabinhxanh.vn');
    await page.getByLabel('Mật khẩu').fill(demoPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Nộp hồ sơ: Đăng ký tạm trú');
    const storageState = await context.storageState();
    const checkPage = async () => {
      assert.deepEqual(await axeViolations(browser, page.url(), { storageState }), [], page.url());
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), `${page.url()} fits 360 px`);
    };
    await checkPage();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    assert.match(await page.locator('#receivingAgencyCode-error').textContent() ?? '', /.+/);
    await page.getByLabel('Nơi nộp hồ sơ').selectOption({ label: 'Ủy ban nhân dân phường Hòa Lâm' });
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    assert.match(new URL(page.url()).pathname, /\/to-khai\/1$/);
    await checkPage();
    // Through the derived e-form's pages (all optional) to the attachments and the check.
    while (/\/to-khai\/\d+$/.test(new URL(page.url()).pathname)) await page.getByRole('button', { name: 'Tiếp tục' }).click();
    assert.match(new URL(page.url()).pathname, /\/thanh-phan$/);
    await checkPage();
    await page.getByRole('link', { name: 'Tiếp tục đến bước kiểm tra' }).click();
    await checkPage();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    assert.equal(await page.locator('.error-summary').isVisible(), true, 'required components are missing');
    await checkPage();
    await page.goto(`${server.url}/ho-so-cua-toi`);
    await checkPage();
    await context.close();
  });
});
