import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { toLocal } from '../src/platform/clock/local-time.ts';
import { actorForAccount } from '../src/modules/identity/actor-for-account.ts';
import { grantOfficerRole } from '../src/modules/identity/repository.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { signInOfficer, type HttpClient } from './support/http-client.ts';
import { pdfBytes, pngBytes } from './support/sample-files.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// One dossier at ward Hòa Lâm (000.00.41.H99) walked through its whole process by its officers over HTTP, the way a
// browser without JavaScript does it (issue 4 §5). The demo ward has no clerk: as a small ward would, it gives the
// clerk's role to its desk officer (mo.lt), granted here; the default process's issue step stays the clerk's.

let server: TestServer;
let browser: Browser;
let desk: HttpClient;
let specialist: HttpClient;
let leader: HttpClient;
let otherUnit: HttpClient;
let id: string;
const ward = '000.00.41.H99';

const header = () => server.database.db.selectFrom('dossier').select(['status', 'current_step', 'assignee_id']).where('id', '=', id).executeTakeFirstOrThrow();
const page = (path = '') => `/xu-ly/ho-so/${id}${path}`;
const localNow = () => { const local = toLocal(new Date()); const [date, minutes] = [local.date, Math.floor(local.minutes)]; return `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`; };
/** Posts one of the page's forms and follows the redirect back to the page; returns the HTTP status of the post. */
async function act(client: HttpClient, path: string, fields: Record<string, string> = {}) {
  const response = await client.post(page(`/${path}`), fields, page());
  const body = response.status === 303 ? '' : await response.text();
  return { status: response.status, location: response.headers.get('location'), body };
}

/** The axe violations of the processing page as this officer sees it now. */
async function axe(client: HttpClient) {
  const url = new URL(server.url);
  const cookies = client.cookie().split('; ').map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: url.hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const };
  });
  return axeViolations(browser, `${server.url}${page()}`, { storageState: { cookies, origins: [] } });
}

before(async () => {
  server = await startTestServer();
  const db = server.database.db;
  const mo = await db.selectFrom('account').select('id').where('email', '=', 'mo.lt@demo.hoabinhxanh.vn').executeTakeFirstOrThrow();
  await grantOfficerRole(db, mo.id, ward, 'clerk');
  const citizen = await actorForAccount(db, 'an.nguyen@demo.hoabinhxanh.vn');
  id = (await submitDossier(db, citizen, new Date(), 'vi', {
    procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: ward, formData: { hoTen: 'Nguyễn Văn An', noiO: 'Tổ 3, phường Hòa Lâm' }, idempotencyKey: 'processing-walk',
  })).id;
  desk = await signInOfficer(server, 'mo.lt@demo.hoabinhxanh.vn');
  specialist = await signInOfficer(server, 'duc.tv@demo.hoabinhxanh.vn');
  leader = await signInOfficer(server, 'ngoc.pt@demo.hoabinhxanh.vn');
  otherUnit = await signInOfficer(server, 'thu.pt@demo.hoabinhxanh.vn');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('processing a dossier over HTTP (issue 4 §5, §6 officers)', () => {
  it('walks desk → specialist → leader (send back, approve) → clerk (signed PDF) → desk return, each officer seeing only their actions', async () => {
    assert.equal((await desk.post(`/mot-cua/ho-so/${id}/tiep-nhan`, {}, `/mot-cua/ho-so/${id}`)).status, 303);
    assert.equal((await desk.post(`/mot-cua/ho-so/${id}/chuyen-xu-ly`, {}, `/mot-cua/ho-so/${id}`)).status, 303);
    assert.deepEqual({ ...(await header()), assignee_id: undefined }, { status: 4, current_step: 'THAM_DINH', assignee_id: undefined });

    const specialistPage = await (await specialist.get(page())).text();
    assert.match(specialistPage, /thẩm định, đề xuất/i);
    assert.match(specialistPage, /Tổ 3, phường Hòa Lâm/, 'the applicant\'s form data');
    for (const form of ['tham-dinh', 'chuyen-tiep', 'yeu-cau-bo-sung']) assert.match(specialistPage, new RegExp(`action="${page(`/${form}`)}"`), form);
    assert.doesNotMatch(specialistPage, /xin-y-kien/, 'the demo process of residence registration consults no other unit');
    assert.doesNotMatch(specialistPage, /phe-duyet|ban-hanh|tra-lai"/, 'nothing of the leader or the clerk');
    assert.deepEqual(await axe(specialist), [], 'the page with the specialist\'s forms is accessible');
    assert.equal((await act(leader, 'tham-dinh', { proposal: 'grant', opinion: 'Được' })).status, 403, 'the leader does not appraise');

    assert.equal((await act(specialist, 'tham-dinh', { proposal: 'grant', opinion: 'Hồ sơ hợp lệ, đủ điều kiện đăng ký thường trú.' })).status, 303);
    assert.equal((await act(specialist, 'yeu-cau-bo-sung', { item0: 'Hợp đồng thuê nhà', reason0: 'Bản chụp mờ, không đọc được thời hạn' })).status, 303);
    assert.equal((await header()).status, 5);
    assert.equal((await act(desk, 'da-bo-sung', { note: 'Nhận bản rõ tại quầy' })).status, 303);
    assert.deepEqual({ ...(await header()), assignee_id: undefined }, { status: 4, current_step: 'THAM_DINH', assignee_id: undefined });

    assert.equal((await act(specialist, 'chuyen-tiep', { toStep: 'BAN_HANH' })).status, 409, 'a step the process does not allow');
    assert.equal((await act(specialist, 'chuyen-tiep', { toStep: 'PHE_DUYET' })).status, 303);
    assert.equal((await header()).current_step, 'PHE_DUYET');

    const leaderPage = await (await leader.get(page())).text();
    assert.match(leaderPage, /Hồ sơ hợp lệ, đủ điều kiện/, 'the appraisal is on the timeline');
    assert.match(leaderPage, /nội bộ/);
    assert.deepEqual(await axe(leader), [], 'the page with the leader\'s forms is accessible');
    const noReason = await act(leader, 'tra-lai', { toStep: 'THAM_DINH', note: '' });
    assert.equal(noReason.status, 400);
    assert.match(noReason.body, /class="error-summary"/);
    assert.equal((await act(leader, 'tra-lai', { toStep: 'THAM_DINH', note: 'Ghi rõ thời hạn thuê nhà trong ý kiến thẩm định' })).status, 303);
    assert.equal((await header()).current_step, 'THAM_DINH');
    assert.equal((await act(specialist, 'chuyen-tiep', { toStep: 'PHE_DUYET', note: 'Đã bổ sung ý kiến' })).status, 303);
    assert.equal((await act(specialist, 'phe-duyet', { outcome: 'granted' })).status, 403, 'the specialist does not approve');
    assert.equal((await act(leader, 'ghi-chu', { note: 'Đã gọi điện xác minh với tổ dân phố' })).status, 303);
    assert.equal((await act(leader, 'phe-duyet', { outcome: 'granted', note: 'Đồng ý' })).status, 303);
    assert.equal((await header()).current_step, 'BAN_HANH');

    const clerkPage = await (await desk.get(page())).text();
    assert.match(clerkPage, /enctype="multipart\/form-data"/);
    assert.deepEqual(await axe(desk), [], 'the clerk\'s upload form is accessible');
    const upload = (bytes: Buffer, name: string, type: string) => {
      const form = new FormData();
      form.append('documentNumber', '125/GXN-UBND');
      form.append('signedOn', toLocal(new Date()).date);
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
      return desk.postMultipart(page('/ban-hanh'), form, page());
    };
    const png = await upload(pngBytes, 'ket-qua.png', 'application/pdf');
    assert.equal(png.status, 415, 'the result is a PDF');
    assert.match(await png.text(), /PDF/);
    const issued = await upload(pdfBytes('Giay xac nhan thuong tru'), 'ket-qua.pdf', 'application/pdf');
    assert.equal(issued.status, 303);
    assert.deepEqual({ ...(await header()), assignee_id: undefined }, { status: 9, current_step: 'TRA_KET_QUA', assignee_id: undefined });
    const resultPage = await (await desk.get(page())).text();
    const fileHref = resultPage.match(new RegExp(`href="(${page('/tep/')}\\d+)"`))?.[1];
    assert.ok(fileHref, 'the result file is listed');
    const download = await desk.get(fileHref!);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.equal((await otherUnit.get(fileHref!)).status, 403, 'another agency\'s officers are refused its files, as its dossier page');
    assert.match(resultPage, /Văn bản số 125\/GXN-UBND/);

    const early = await act(desk, 'tra-ket-qua', { channel: 'desk' });
    assert.equal(early.status, 400, 'DL-10: an early return is announced first');
    assert.equal((await act(desk, 'bao-tra-som', { readyAt: localNow() })).status, 303);
    assert.equal((await act(desk, 'tra-ket-qua', { channel: 'desk' })).status, 303);
    assert.equal((await header()).status, 10);

    const kinds = (await server.database.db.selectFrom('dossier_action').select(['kind', 'payload']).where('dossier_id', '=', id).orderBy('seq').execute())
      .map((a) => (a.kind === 'forwarded' ? `forwarded:${(a.payload as { transition: string }).transition}` : a.kind));
    assert.deepEqual(kinds, ['submitted', 'received', 'forwarded:forward', 'appraised', 'supplementRequested', 'supplemented', 'forwarded:forward',
      'forwarded:sendBack', 'forwarded:forward', 'noted', 'approved', 'resolved', 'earlyReturnNoticed', 'returned']);
  });

  it('keeps another unit\'s officers and the wrong roles out', async () => {
    assert.equal((await otherUnit.get(page())).status, 403);
    assert.equal((await otherUnit.get(page('/phieu/2'))).status, 404);
    assert.equal((await act(otherUnit, 'ghi-chu', { note: 'Không phải đơn vị mình' })).status, 403);
    assert.equal((await act(specialist, 'ban-hanh')).status, 403);
  });
});
