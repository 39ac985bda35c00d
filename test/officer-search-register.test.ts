import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { addDays, toLocal } from '../src/platform/clock/local-time.ts';
import { flat, inspectPdf } from '../src/platform/pdf/inspect-pdf.ts';
import { actorForAccount } from '../src/modules/identity/actor-for-account.ts';
import { receiveDossier } from '../src/modules/dossiers/receive-dossier.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { httpClient, signInOfficer, type HttpClient } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let desk: HttpClient;
let specialist: HttpClient;
let otherUnit: HttpClient;
let reportViewer: HttpClient;
let citizen: HttpClient;
let wardId: number;
let otherWardCode: string;
// The demo seed files its dossiers on working days before its own "now": the period under test is read from them.
let firstDay: string;
let lastDay: string;
let receivedCount: number;

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  desk = await signInOfficer(server, 'mo.lt@demo.hoabinhxanh.vn');
  specialist = await signInOfficer(server, 'duc.tv@demo.hoabinhxanh.vn');
  otherUnit = await signInOfficer(server, 'hung.dv@demo.hoabinhxanh.vn');
  reportViewer = await signInOfficer(server, 'ha.tt@demo.hoabinhxanh.vn');
  citizen = httpClient(server);
  await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: 'DemoOpenDVC!2026' });
  const db = server.database.db;
  wardId = (await db.selectFrom('agency').select('id').where('code', '=', '000.00.41.H99').executeTakeFirstOrThrow()).id;
  // The same citizen's dossier at ANOTHER ward: the Hòa Lâm officers must never see it.
  const an = await actorForAccount(db, 'an.nguyen@demo.hoabinhxanh.vn');
  const other = await submitDossier(db, an, new Date(), 'vi', { procedureCode: '1.004194', caseCode: 'TH1', receivingAgencyCode: '000.00.42.H99', formData: {}, idempotencyKey: 'other-ward-1' });
  otherWardCode = (await receiveDossier(db, { kind: 'system', label: 'test' }, new Date(), other.id)).code;
  const received = await db.selectFrom('dossier').select('received_at').where('receiving_agency_id', '=', wardId).where('received_at', 'is not', null).orderBy('received_at').execute();
  receivedCount = received.length;
  firstDay = toLocal(received[0]!.received_at!).date;
  lastDay = toLocal(received.at(-1)!.received_at!).date;
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const dossierOf = (procedureCode: string) => server.database.db.selectFrom('dossier as d').innerJoin('procedure as p', 'p.id', 'd.procedure_id')
  .select(['d.id', 'd.code', 'd.reference', 'd.status', 'd.due_at']).where('p.code', '=', procedureCode).where('d.receiving_agency_id', '=', wardId).executeTakeFirstOrThrow();
const search = async (client: HttpClient, query: Record<string, string>) => {
  const response = await client.get(`/xu-ly/tra-cuu?${new URLSearchParams(query)}`);
  const html = await response.text();
  return { status: response.status, html, count: Number(html.match(/Tìm thấy (\d+) hồ sơ/)?.[1] ?? -1), rows: [...html.matchAll(/<th scope="row"><a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => ({ href: m[1]!, code: m[2]! })) };
};

describe('officers search dossiers of their own units only (issue 4 §5, S-g, S-i)', () => {
  it('finds by dossier code (whole or its beginning) and by reference', async () => {
    const tachHo = await dossierOf('1.003197');
    const exact = await search(desk, { ma: tachHo.code! });
    assert.deepEqual(exact.rows.map((r) => r.code), [tachHo.code]);
    assert.ok((await search(desk, { ma: tachHo.code!.slice(0, 20).toLowerCase() })).rows.some((r) => r.code === tachHo.code), 'a prefix in any case finds it');
    const waiting = await dossierOf('1.004194');
    assert.deepEqual((await search(desk, { ma: waiting.reference })).rows.map((r) => r.code), [waiting.reference]);
  });

  it('finds by the applicant\'s name typed without diacritics, never another unit\'s dossier', async () => {
    const byName = await search(desk, { ten: 'NGUYEN van an' });
    assert.ok(byName.count >= 10, `found ${byName.count}`);
    assert.ok(!byName.html.includes(otherWardCode), 'another ward\'s dossier of the same person never appears');
    assert.ok(!byName.html.includes('Công ty TNHH'));
    const business = await search(desk, { ten: 'thuong mai hoa binh' });
    assert.equal(business.count, 1);
    assert.equal((await search(desk, { ten: 'tran thi khong co' })).count, 0);
  });

  it('finds by identification number, procedure, status, unit and received period', async () => {
    assert.ok((await search(desk, { 'so-giay-to': '017090012345' })).count >= 10);
    assert.equal((await search(desk, { 'so-giay-to': '4601234560' })).count, 1);
    const tachHo = await dossierOf('1.003197');
    assert.deepEqual((await search(desk, { 'thu-tuc': 'tach ho' })).rows.map((r) => r.code), [tachHo.code]);
    assert.deepEqual((await search(desk, { 'thu-tuc': '1.003197' })).rows.map((r) => r.code), [tachHo.code]);
    const returned = await dossierOf('2.000635');
    assert.deepEqual((await search(desk, { 'trang-thai': '10' })).rows.map((r) => r.code), [returned.code]);
    const all = await search(desk, {});
    assert.equal((await search(desk, { 'don-vi': String(wardId) })).count, all.count);
    assert.equal((await search(desk, { 'tu-ngay': addDays(lastDay, 1) })).count, 0, 'nothing was received after the last day');
    assert.equal((await search(desk, { 'tu-ngay': firstDay, 'den-ngay': lastDay })).count, receivedCount);
    assert.ok(receivedCount >= 9 && receivedCount < all.count, 'status 1 and 3 dossiers were never received');
    assert.equal((await search(desk, { 'tu-ngay': addDays(firstDay, 1), 'den-ngay': lastDay })).count < receivedCount, true, 'the first day is left out');
    const bad = await search(desk, { 'tu-ngay': '06/03/2026' });
    assert.equal(bad.status, 400);
    assert.match(bad.html, /class="error-summary"/);
  });

  it('sorts by due date, links desk officers to the desk page and others to processing', async () => {
    const byDue = await search(desk, { 'sap-xep': 'due', 'trang-thai': '4' });
    const dues = await Promise.all(byDue.rows.map(async (r) => (await server.database.db.selectFrom('dossier').select('due_at').where('code', '=', r.code).executeTakeFirstOrThrow()).due_at!.getTime()));
    assert.ok(dues.length >= 2);
    assert.deepEqual(dues, [...dues].sort((a, b) => a - b));
    assert.ok(byDue.rows.every((r) => r.href.startsWith('/mot-cua/ho-so/')));
    const forSpecialist = await search(specialist, { 'trang-thai': '4' });
    assert.ok(forSpecialist.rows.length >= 2 && forSpecialist.rows.every((r) => r.href.startsWith('/xu-ly/ho-so/')));
  });

  it('shows another unit\'s officers nothing of this ward, and refuses citizens and report viewers', async () => {
    const sotuphap = await search(otherUnit, { 'so-giay-to': '017090012345' });
    assert.equal(sotuphap.status, 200);
    assert.equal(sotuphap.count, 0);
    assert.equal((await search(otherUnit, { 'don-vi': String(wardId) })).count, 0, 'choosing a unit outside one\'s grants widens nothing');
    assert.equal((await citizen.get('/xu-ly/tra-cuu')).status, 403);
    assert.equal((await reportViewer.get('/xu-ly/tra-cuu')).status, 403);
  });
});

describe('control sheet (Mẫu 05) and register (Mẫu 06) (issue 4 §6, DL-08, CAL-08)', () => {
  it('prints each hand-over of a dossier with from/to, times and early / on time / late', async () => {
    const returned = await dossierOf('2.000635');
    const response = await specialist.get(`/xu-ly/ho-so/${returned.id}/phieu-kiem-soat`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    const pdf = await inspectPdf(Buffer.from(await response.arrayBuffer()));
    for (const text of ['Mẫu số 05', 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', returned.code!, 'Giao: Ủy ban nhân dân phường Hòa Lâm – Lý Thị Mơ',
      'Nhận: Ủy ban nhân dân phường Hòa Lâm (Công chức chuyên môn thẩm định, đề xuất)', 'Nhận: Nguyễn Văn An']) {
      assert.ok(pdf.all.includes(flat(text)), `missing "${text}" in ${pdf.all}`);
    }
    assert.match(pdf.all, /Trước hạn|Đúng hạn|Quá hạn/);
    assert.deepEqual(pdf.outside, []);
    const open = await dossierOf('1.003197');
    assert.match((await inspectPdf(Buffer.from(await (await desk.get(`/xu-ly/ho-so/${open.id}/phieu-kiem-soat`)).arrayBuffer()))).all, /Đang giải quyết/);
  });

  it('gives no control sheet to another unit or before reception', async () => {
    const returned = await dossierOf('2.000635');
    assert.equal((await otherUnit.get(`/xu-ly/ho-so/${returned.id}/phieu-kiem-soat`)).status, 404);
    assert.equal((await citizen.get(`/xu-ly/ho-so/${returned.id}/phieu-kiem-soat`)).status, 403);
    const waiting = await dossierOf('1.004194');
    assert.equal((await desk.get(`/xu-ly/ho-so/${waiting.id}/phieu-kiem-soat`)).status, 404);
  });

  it('shows the register of a unit and period as a table and the same as a PDF', async () => {
    const query = new URLSearchParams({ 'don-vi': String(wardId), 'tu-ngay': firstDay, 'den-ngay': lastDay });
    const html = await (await desk.get(`/xu-ly/so-theo-doi?${query}`)).text();
    const codes = [...html.matchAll(/<th scope="row"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
    assert.equal(codes.length, receivedCount);
    assert.ok(!codes.includes(otherWardCode));
    const pdfHref = html.match(/href="(\/xu-ly\/so-theo-doi\.pdf\?[^"]+)"/)![1]!.replace(/&amp;/g, '&');
    const pdfResponse = await desk.get(pdfHref);
    assert.equal(pdfResponse.headers.get('content-type'), 'application/pdf');
    const pdf = await inspectPdf(Buffer.from(await pdfResponse.arrayBuffer()));
    assert.ok(pdf.all.includes(flat('SỔ THEO DÕI HỒ SƠ')));
    for (const code of codes) assert.ok(pdf.all.includes(code), `the PDF lacks ${code}`);
    assert.deepEqual(pdf.outside, []);
    const postal = await (await desk.get(`/xu-ly/so-theo-doi?${query}&kenh=postal`)).text();
    assert.doesNotMatch(postal, /<th scope="row">/);
  });

  it('refuses another unit\'s register and a reversed period', async () => {
    assert.equal((await otherUnit.get(`/xu-ly/so-theo-doi?don-vi=${wardId}`)).status, 403);
    assert.equal((await otherUnit.get(`/xu-ly/so-theo-doi.pdf?don-vi=${wardId}`)).status, 403);
    const reversed = await desk.get(`/xu-ly/so-theo-doi?tu-ngay=${lastDay}&den-ngay=${addDays(lastDay, -3)}`);
    assert.equal(reversed.status, 400);
    assert.match(await reversed.text(), /Ngày kết thúc phải từ ngày bắt đầu trở đi\./);
  });

  it('passes axe and fits 360 px', async () => {
    const host = new URL(server.url).hostname;
    const cookies = desk.cookie().split('; ').filter(Boolean).map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: host, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const };
    });
    const storageState = { cookies, origins: [] };
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, storageState });
    const page = await context.newPage();
    for (const path of ['/xu-ly/tra-cuu?ten=nguyen+van+an', `/xu-ly/so-theo-doi?don-vi=${wardId}&tu-ngay=${firstDay}&den-ngay=${lastDay}`]) {
      assert.deepEqual(await axeViolations(browser, `${server.url}${path}`, { storageState }), [], path);
      await page.goto(`${server.url}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} overflows by ${overflow}px at 360 px`);
    }
    await context.close();
  });
});
