import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { computeDueDate } from '../src/platform/clock/due-date.ts';
import { explainDueDate } from '../src/platform/clock/explain-due-date.ts';
import { loadWorkingCalendar } from '../src/modules/workflow/calendar/load-working-calendar.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { signInOfficer, type HttpClient } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
// One sign-in per officer for the whole file: a TOTP code is accepted once per 30-second step.
let admin: HttpClient;

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  admin = await signInOfficer(server, 'minh.nq@demo.hoabinhxanh.vn');
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('the working calendar as data (issue 4 §1, CAL-04, CAL-05)', () => {
  it('ships the announced calendars: Tết 2026 is skipped by name and a swapped Saturday counts', async () => {
    const cal = await loadWorkingCalendar(server.database.db);
    const due = computeDueDate(cal, { startAt: new Date('2026-02-13T10:00:00+07:00'), limit: { value: 2, unit: 'workingDays' } });
    assert.equal(due.dueAt?.toISOString(), new Date('2026-02-24T10:00:00+07:00').toISOString());
    assert.match(explainDueDate(due.steps, 'vi').join('\n'), /Tết Nguyên đán 16\/02\/2026–20\/02\/2026/);
    assert.equal(cal.isWorkingDay('2025-02-08'), true, 'Saturday 8/2/2025 was worked in exchange for 27/1');
    assert.equal(cal.isWorkingDay('2025-01-27'), false);
    for (const year of [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]) {
      assert.equal(cal.isWorkingDay(`${year}-01-01`) && [1, 2, 3, 4, 5].includes(new Date(`${year}-01-01T00:00:00Z`).getUTCDay()), false, `${year}: New Year's Day`);
      assert.equal(cal.isWorkingDay(`${year}-04-30`) && [1, 2, 3, 4, 5].includes(new Date(`${year}-04-30T00:00:00Z`).getUTCDay()), false, `${year}: 30/4`);
    }
  });

  it('lets the province administrator add and remove a day with its reason, logged and audited', async () => {
    const added = await admin.post('/quan-tri/lich-lam-viec', { date: '2027-02-12', kind: 'dayOff', name: 'Nghỉ thêm dịp Tết Đinh Mùi', reason: 'Thông báo số 1234/TB-BNV' }, '/quan-tri/lich-lam-viec?nam=2027');
    assert.equal(added.status, 303);
    const page = await (await admin.get('/quan-tri/lich-lam-viec?nam=2027')).text();
    assert.match(page, /Nghỉ thêm dịp Tết Đinh Mùi/);
    assert.match(page, /Thông báo số 1234\/TB-BNV/);
    assert.equal((await loadWorkingCalendar(server.database.db)).isWorkingDay('2027-02-12'), false);

    const removed = await admin.post('/quan-tri/lich-lam-viec/xoa', { date: '2027-02-12', reason: 'Nhập nhầm' }, '/quan-tri/lich-lam-viec?nam=2027');
    assert.equal(removed.status, 303);
    assert.equal((await loadWorkingCalendar(server.database.db)).isWorkingDay('2027-02-12'), true);
    const audit = await server.database.db.selectFrom('audit_entry').select(['action', 'actor_label']).where('target_type', '=', 'calendarDay').orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['calendar.day.set', 'calendar.day.removed']);
    assert.equal(audit[0]?.actor_label, 'Ngô Quang Minh');
    const changes = await server.database.db.selectFrom('calendar_change').select(['reason', 'changed_by']).where('year', '=', 2027).orderBy('id').execute();
    assert.deepEqual(changes.map((c) => c.reason), ['Thông báo số 1234/TB-BNV', 'Nhập nhầm']);
  });

  it('CAL-05: a new day off moves the due dates of open dossiers, on their timeline, and leaves closed ones alone', async () => {
    const db = server.database.db;
    const dossier = () => db.selectFrom('dossier as d').innerJoin('procedure as p', 'p.id', 'd.procedure_id').select(['d.id', 'd.due_at', 'd.status'])
      .where('p.code', '=', '1.004222').where('d.idempotency_key', 'like', 'demo-seed-%').executeTakeFirstOrThrow();
    const closedBefore = await db.selectFrom('dossier').select(['id', 'due_at']).where('status', 'in', [3, 8, 9, 10]).orderBy('id').execute();
    const before = await dossier();
    assert.equal(before.status, 4);
    assert.equal(before.due_at?.toISOString(), new Date('2026-11-09T09:00:00+07:00').toISOString());
    const response = await admin.post('/quan-tri/lich-lam-viec', { date: '2026-11-05', kind: 'dayOff', name: 'Nghỉ bão số 13', reason: 'Quyết định số 99/QĐ-UBND' }, '/quan-tri/lich-lam-viec?nam=2026');
    assert.equal(response.status, 303);
    const after = await dossier();
    assert.equal(after.due_at?.toISOString(), new Date('2026-11-10T09:00:00+07:00').toISOString());
    const action = await db.selectFrom('dossier_action').select(['kind', 'reason', 'payload']).where('dossier_id', '=', after.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal(action.kind, 'dueDateRecomputed');
    assert.match(action.reason ?? '', /05\/11\/2026 \(Quyết định số 99\/QĐ-UBND\)/);
    assert.equal((action.payload as { previousDueAt: string }).previousDueAt, before.due_at?.toISOString());
    assert.deepEqual(await db.selectFrom('dossier').select(['id', 'due_at']).where('status', 'in', [3, 8, 9, 10]).orderBy('id').execute(), closedBefore);
    assert.match(await (await admin.get(response.headers.get('location')!)).text(), /đã tính lại hạn trả kết quả của [1-9]\d* hồ sơ/);
    await admin.post('/quan-tri/lich-lam-viec/xoa', { date: '2026-11-05', reason: 'Bão đổi hướng' }, '/quan-tri/lich-lam-viec?nam=2026');
    assert.equal((await dossier()).due_at?.toISOString(), before.due_at?.toISOString());
  });

  it('explains a refused change per field and keeps what was typed', async () => {
    const response = await admin.post('/quan-tri/lich-lam-viec', { date: '2027-03-03', kind: 'workingDay', name: 'Làm bù', reason: '' }, '/quan-tri/lich-lam-viec?nam=2027');
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /id="date-error">Ngày làm bù phải là thứ Bảy hoặc Chủ nhật\./);
    assert.match(html, /id="reason-error">Vui lòng nêu căn cứ hoặc lý do thay đổi\./);
    assert.match(html, /name="name" [^>]*value="Làm bù"/);
  });

  it('is closed to everyone but the calendar administrators, and accessible', async () => {
    const viewer = await signInOfficer(server, 'ha.tt@demo.hoabinhxanh.vn');
    assert.equal((await viewer.get('/quan-tri/lich-lam-viec')).status, 403);
    const sid = admin.cookie().match(/sid=([^;]+)/)![1]!;
    const violations = await axeViolations(browser, `${server.url}/quan-tri/lich-lam-viec?nam=2026`, {
      storageState: { cookies: [{ name: 'sid', value: sid, domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }], origins: [] },
    });
    assert.deepEqual(violations, []);
  });
});
