import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { actorForAccount } from '../src/modules/identity/actor-for-account.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { editorFields, editorFromDefinition } from '../src/modules/workflow/process/process-form.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { demoPassword, httpClient, signInOfficer, type HttpClient } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// Issue 4 §2 (S-b, DL-08): the province administrator keeps each procedure's internal process in the back office.

let server: TestServer;
let browser: Browser;
// One sign-in per officer for the whole file: a TOTP code is accepted once per 30-second step.
let admin: HttpClient;
let specialist: HttpClient;
let agencyAdmin: HttpClient;
const page = '/quan-tri/quy-trinh/1.004222';

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  [admin, specialist, agencyAdmin] = await Promise.all([
    signInOfficer(server, 'minh.nq@demo.hoabinhxanh.vn'), signInOfficer(server, 'duc.tv@demo.hoabinhxanh.vn'), signInOfficer(server, 'mai.ht@demo.hoabinhxanh.vn'),
  ]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const processesOf = (code: string) => server.database.db.selectFrom('procedure_process as pp').innerJoin('procedure as p', 'p.id', 'pp.procedure_id')
  .select(['pp.id', 'pp.version', 'pp.status', 'pp.definition']).where('p.code', '=', code).orderBy('pp.version').execute();

describe('the process editor (issue 4 §2)', () => {
  it('lists the procedures with their process, searched without accents and paged', async () => {
    const first = await (await admin.get('/quan-tri/quy-trinh')).text();
    assert.match(first, /84 thủ tục/);
    assert.match(first, /Đã ban hành phiên bản 1/);
    assert.match(first, /href="\/quan-tri\/quy-trinh\?page=2"/);
    assert.match(first, /href="\/quan-tri\/quy-trinh" aria-current="page"/, 'linked from the administration navigation');
    const found = await (await admin.get(`/quan-tri/quy-trinh?q=${encodeURIComponent('dang ky khai sinh')}`)).text();
    assert.match(found, /Đăng ký khai sinh/);
    assert.doesNotMatch(found, /Cấp giấy phép xây dựng/);
    assert.match(await (await admin.get('/quan-tri/quy-trinh?q=1.004222')).text(), /1 thủ tục/);
  });

  it('shows the process in force as a table and a list, with its budgets against the legal limit', async () => {
    const html = await (await admin.get(page)).text();
    assert.match(html, /Phiên bản 1, ban hành bởi seed:demo-province/);
    assert.match(html, /\): 56 giờ làm việc \(7 ngày\)\. Thời hạn giải quyết ngắn nhất của thủ tục: 56 giờ làm việc \(7 ngày\)\./);
    assert.match(html, /<th scope="col">Bước tiếp theo<\/th>/);
    assert.match(html, /Trả lại: Công chức chuyên môn thẩm định, đề xuất/);
  });

  it('refuses budgets over the limit on the field, then publishes v2: new dossiers pin it, older ones keep v1', async () => {
    const [v1] = await processesOf('1.004222');
    const fields = editorFields(editorFromDefinition(v1!.definition, 'Quyết định số 12/QĐ-UBND'));
    const over = await admin.post(page, { ...fields, 'steps-1-budget-value': '50', op: 'publish' }, page);
    assert.equal(over.status, 400);
    const refused = await over.text();
    assert.match(refused, /<a href="#steps-1-budget-value">Tổng thời hạn các bước xử lý trên đường dài nhất .* là 64 giờ làm việc \(8 ngày\), vượt 8 giờ làm việc \(1 ngày\)/);
    assert.match(refused, /id="steps-1-budget-value-error"/);
    assert.match(refused, /value="50"/, 'what was typed is kept');
    assert.deepEqual((await processesOf('1.004222')).map((p) => p.status), ['published']);

    const published = await admin.post(page, { ...fields, 'steps-1-budget-value': '40', op: 'publish' }, page);
    assert.equal(published.status, 303);
    assert.equal(published.headers.get('location'), `${page}?luu=published&v=2`);
    assert.match(await (await admin.get(published.headers.get('location')!)).text(), /Đã ban hành phiên bản 2/);
    const versions = await processesOf('1.004222');
    assert.deepEqual(versions.map((p) => [p.version, p.status]), [[1, 'superseded'], [2, 'published']]);
    assert.deepEqual(versions[1]!.definition.steps[1]!.budget, { value: 40, unit: 'workingHours' });
    const audit = await server.database.db.selectFrom('audit_entry').select(['action', 'actor_label', 'target_id']).where('target_type', '=', 'procedureProcess').execute();
    assert.deepEqual(audit, [{ action: 'process.published', actor_label: 'Ngô Quang Minh', target_id: '1.004222' }]);

    const db = server.database.db;
    const older = await db.selectFrom('dossier as d').innerJoin('procedure as p', 'p.id', 'd.procedure_id').select('d.process_id').where('p.code', '=', '1.004222').executeTakeFirstOrThrow();
    assert.equal(older.process_id, versions[0]!.id);
    const citizen = await actorForAccount(db, 'an.nguyen@demo.hoabinhxanh.vn');
    const filed = await submitDossier(db, citizen, new Date(), 'vi', { procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: 'process-v2' });
    assert.equal((await db.selectFrom('dossier').select('process_id').where('id', '=', filed.id).executeTakeFirstOrThrow()).process_id, versions[1]!.id);
  });

  it('adds a step without saving, and keeps a draft that breaks a rule with its problems shown', async () => {
    const [, v2] = await processesOf('1.004222');
    const fields = editorFields(editorFromDefinition(v2!.definition));
    const added = await admin.post(page, { ...fields, op: 'add' }, page);
    assert.equal(added.status, 200);
    const form = await added.text();
    assert.match(form, /chưa lưu/);
    assert.match(form, /value="BUOC_5"/);
    assert.equal((await processesOf('1.004222')).length, 2, 'nothing stored');

    const saved = await admin.post(page, { ...fields, 'steps-2-role': 'specialist', op: 'save' }, page);
    assert.equal(saved.status, 303);
    const draftPage = await (await admin.get(saved.headers.get('location')!)).text();
    assert.match(draftPage, /Đã lưu bản nháp/);
    assert.match(draftPage, /<a href="#steps-2-role">Bước phê duyệt phải do lãnh đạo thực hiện\.<\/a>/);
    assert.deepEqual((await processesOf('1.004222')).map((p) => [p.version, p.status]), [[1, 'superseded'], [2, 'published'], [3, 'draft']]);
  });

  it('refuses a specialist and an agency administrator', async () => {
    for (const officer of [specialist, agencyAdmin]) {
      assert.equal((await officer.get('/quan-tri/quy-trinh')).status, 403);
      assert.equal((await officer.get(page)).status, 403);
      const [, v2] = await processesOf('1.004222');
      const post = await officer.post(page, { ...editorFields(editorFromDefinition(v2!.definition)), op: 'publish' }, '/tai-khoan');
      assert.equal(post.status, 403);
    }
    assert.equal((await processesOf('1.004222')).length, 3);
  });

  it('has no WCAG 2.1 AA violation on the editor page', async () => {
    assert.deepEqual(await axeViolations(browser, `${server.url}${page}`, { storageState: storageOf(admin) }), []);
  });
});

describe('the applicant\'s step timeline (issue 4 §6)', () => {
  it('shows each step with its unit, officer and time against its budget, the steps ahead and the expected date', async () => {
    const citizen = httpClient(server);
    assert.equal((await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: demoPassword })).status, 303);
    const { reference } = await server.database.db.selectFrom('dossier as d').innerJoin('procedure as p', 'p.id', 'd.procedure_id').select('d.reference')
      .where('p.code', '=', '1.004222').where('d.idempotency_key', 'like', 'demo-seed-%').executeTakeFirstOrThrow();
    const url = `/ho-so-cua-toi/${encodeURIComponent(reference)}`;
    const html = await (await citizen.get(url)).text();
    const steps = html.slice(html.indexOf('id="step-timeline"'), html.indexOf('id="timeline"'));
    assert.ok(steps.length > 0 && html.indexOf('id="step-timeline"') < html.indexOf('id="timeline"'), 'above the list of actions');
    assert.match(steps, /<strong>Bộ phận một cửa cấp xã tiếp nhận hồ sơ<\/strong>/);
    assert.match(steps, /Đơn vị: Ủy ban nhân dân phường Hòa Lâm/);
    assert.match(steps, /Cán bộ: [^<]+/);
    assert.match(steps, /Đã dùng [^<]+ trên thời hạn 8 giờ làm việc/);
    assert.match(steps, /<strong>Công chức chuyên môn thẩm định, đề xuất<\/strong>[\s\S]*đang thực hiện[\s\S]*trên thời hạn 42 giờ làm việc/);
    assert.match(steps, /Các bước tiếp theo[\s\S]*Trưởng Công an cấp xã xem xét, phê duyệt — Ủy ban nhân dân phường Hòa Lâm, thời hạn 1 ngày làm việc/);
    assert.match(steps, /<dt>Dự kiến có kết quả<\/dt><dd>\d\d:\d\d \d\d\/\d\d\/\d{4}/);
    assert.match(steps, /<dt>Hạn trả kết quả theo quy định<\/dt><dd>\d\d:\d\d \d\d\/\d\d\/\d{4}/);
    assert.deepEqual(await axeViolations(browser, `${server.url}${url}`, { storageState: storageOf(citizen) }), []);
  });
});

/** A browser storage state carrying an HTTP client's cookies, for axe behind sign-in. */
function storageOf(client: HttpClient) {
  const { hostname } = new URL(server.url);
  const cookies = client.cookie().split('; ').map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const };
  });
  return { cookies, origins: [] };
}
