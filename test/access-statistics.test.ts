import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { createPageViewRecorder } from '../src/platform/analytics/page-view-recorder.ts';
import { addDays, vietnamDay } from '../src/platform/analytics/vietnam-day.ts';
import { startSession } from '../src/modules/identity/start-session.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { createTestDatabase } from './support/database.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const cookies: Record<'reportViewer' | 'citizen', string> = { reportViewer: '', citizen: '' };
const policy = { idleMinutes: { person: 30, officer: 15 }, absoluteHours: { person: 12, officer: 10 } };

before(async () => {
  // The tests flush by hand and count exactly: the periodic flush must not run in between on a slow host.
  server = await startTestServer({ ACCESS_STATISTICS_FLUSH_SECONDS: '300' });
  browser = await launchBrowser();
  const db = server.database.db;
  const viewer = await db.selectFrom('officer_role').select('account_id').where('role_code', '=', 'reportViewer').executeTakeFirstOrThrow();
  const citizen = await db.selectFrom('account').select('id').where('email', '=', 'an.nguyen@demo.hoabinhxanh.vn').executeTakeFirstOrThrow();
  for (const [name, accountId, officer] of [['reportViewer', viewer.account_id, true], ['citizen', citizen.id, false]] as const) {
    const { token } = await db.transaction().execute((trx) => startSession(trx, { accountId, officer, mfaVerified: true, ip: null, userAgent: null, now: new Date(), policy }));
    cookies[name] = `sid=${token}`;
  }
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const visit = (path: string, userAgent: string) => fetch(`${server.url}${path}`, { headers: { 'user-agent': userAgent } }).then(async (r) => { await r.arrayBuffer(); return r.status; });
const today = () => vietnamDay(new Date());

describe('access statistics (issue 3 §5, P-14)', () => {
  it('counts page views per route pattern and unique visitors per day, after a flush', async () => {
    const statuses = [
      await visit('/', 'TestBrowser-A/1.0'), await visit('/', 'TestBrowser-A/1.0'), await visit('/thu-tuc/1.004222?tab=phi', 'TestBrowser-B/1.0'),
      await visit('/thu-tuc?q=ho+khau', 'TestBrowser-B/1.0'),
      // Not page views: API, static file, health check, a page that does not exist.
      await visit('/api/v1/procedures', 'TestBrowser-A/1.0'), await visit('/assets/site.css', 'TestBrowser-A/1.0'), await visit('/healthz', 'TestBrowser-A/1.0'),
      await visit('/khong-co-trang-nay', 'TestBrowser-C/1.0'),
    ];
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 200, 404]);
    const db = server.database.db;
    const before = await sql<{ n: number }>`SELECT count(*)::int AS n FROM page_view_daily`.execute(db);
    assert.equal(before.rows[0]!.n, 0, 'nothing is written before a flush');
    await server.app.accessStatistics.flush(new Date());
    const views = await sql<{ day: string; route: string; views: number }>`SELECT day::text AS day, route, views::int AS views FROM page_view_daily ORDER BY route`.execute(db);
    assert.deepEqual(views.rows, [
      { day: today(), route: '/', views: 2 },
      { day: today(), route: '/thu-tuc', views: 1 },
      { day: today(), route: '/thu-tuc/:code', views: 1 },
    ]);
    const visitors = await sql<{ n: number }>`SELECT count(*)::int AS n FROM visitor_daily WHERE day = ${today()}::date`.execute(db);
    assert.equal(visitors.rows[0]!.n, 2, 'two browsers from one address are two visitors; the same browser twice is one');
    // A second flush adds to the counts rather than replacing them.
    await visit('/', 'TestBrowser-A/1.0');
    await server.app.accessStatistics.flush(new Date());
    const home = await sql<{ views: number }>`SELECT views::int AS views FROM page_view_daily WHERE route = '/'`.execute(db);
    assert.equal(home.rows[0]!.views, 3);
  });

  it('keeps no raw IP address or user agent anywhere in the statistics', async () => {
    const db = server.database.db;
    const dump = JSON.stringify([
      (await sql`SELECT * FROM page_view_daily`.execute(db)).rows,
      (await sql`SELECT * FROM visitor_daily`.execute(db)).rows,
      (await sql`SELECT * FROM visitor_day_key`.execute(db)).rows,
    ]);
    assert.ok(dump.includes('/thu-tuc/:code'), 'the dump holds the statistics');
    assert.doesNotMatch(dump, /127\.0\.0\.1|::1|TestBrowser/);
    assert.doesNotMatch(dump, /1\.004222|tab=phi|ho\+khau/, 'route patterns, never raw URLs');
  });

  it('shares one key per day between instances and deletes it once the day is over', async () => {
    const database = await createTestDatabase({ seed: false });
    try {
      const now = new Date('2026-11-02T10:00:00+07:00');
      const first = createPageViewRecorder(database.db);
      const second = createPageViewRecorder(database.db);
      await first.flush(now);
      await second.flush(now);
      first.record('/', '203.0.113.7', 'UA', now);
      second.record('/thu-tuc', '203.0.113.7', 'UA', now);
      await Promise.all([first.flush(now), second.flush(now)]);
      const counted = await sql<{ views: number; visitors: number }>`
        SELECT (SELECT sum(views)::int FROM page_view_daily) AS views, (SELECT count(*)::int FROM visitor_daily) AS visitors`.execute(database.db);
      assert.deepEqual(counted.rows[0], { views: 2, visitors: 1 });
      const keyDays = async () => (await sql<{ day: string }>`SELECT day::text AS day FROM visitor_day_key ORDER BY day`.execute(database.db)).rows.map((r) => r.day);
      assert.deepEqual(await keyDays(), ['2026-11-02', '2026-11-03'], "today's key and tomorrow's, made ahead of midnight");
      const nextDay = new Date('2026-11-03T00:00:05+07:00');
      await first.flush(nextDay);
      assert.deepEqual(await keyDays(), ['2026-11-03', '2026-11-04'], "yesterday's key is gone: its hashes can no longer be tied to an address");
      assert.equal(addDays('2026-12-31', 1), '2027-01-01');
      assert.equal(vietnamDay(new Date('2026-11-02T17:30:00Z')), '2026-11-03', 'days follow Viet Nam time');
    } finally {
      await database.close();
    }
  });

  it('shows the report with totals, days and top pages to a report viewer, and exports CSV', async () => {
    const account = await (await fetch(`${server.url}/tai-khoan`, { headers: { cookie: cookies.reportViewer } })).text();
    assert.match(account, /<a href="\/quan-tri\/thong-ke-truy-cap">Thống kê truy cập<\/a>/, 'the account page leads there');
    const response = await fetch(`${server.url}/quan-tri/thong-ke-truy-cap`, { headers: { cookie: cookies.reportViewer } });
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<h1>Thống kê truy cập<\/h1>/);
    assert.match(html, /<code>\/thu-tuc\/:code<\/code><\/th><td class="num">1<\/td>/);
    assert.match(html, /data-total="visitors">2</);
    const day = today().split('-').reverse().join('/');
    assert.match(html, new RegExp(`${day}</time></th><td class="num">5</td><td class="num">2</td>`));
    const url = new URL(server.url);
    const storageState = { cookies: [{ name: 'sid', value: cookies.reportViewer.slice(4), domain: url.hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const }], origins: [] };
    assert.deepEqual(await axeViolations(browser, `${server.url}/quan-tri/thong-ke-truy-cap`, { storageState }), []);

    const pages = await fetch(`${server.url}/quan-tri/thong-ke-truy-cap/csv?table=pages&from=${today()}&to=${today()}`, { headers: { cookie: cookies.reportViewer } });
    assert.equal(pages.status, 200);
    assert.match(pages.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(pages.headers.get('content-disposition') ?? '', /attachment; filename="thong-ke-truy-cap_pages_/);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await pages.arrayBuffer());
    assert.ok(csv.startsWith('\uFEFFNgày,Trang,Lượt xem\n'));
    assert.ok(csv.includes(`${today()},/thu-tuc/:code,1\n`));
    const days = await (await fetch(`${server.url}/quan-tri/thong-ke-truy-cap/csv?from=${today()}&to=${today()}`, { headers: { cookie: cookies.reportViewer } })).text();
    assert.ok(days.endsWith(`Ngày,Lượt xem,Khách truy cập\n${today()},5,2\n`), days);
  });

  it('explains a wrong period field by field, keeping what was typed', async () => {
    const response = await fetch(`${server.url}/quan-tri/thong-ke-truy-cap?from=2026-12-01&to=2026-11-01`, { headers: { cookie: cookies.reportViewer } });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /id="from-error">Ngày bắt đầu phải trước hoặc trùng ngày kết thúc\./);
    assert.match(html, /id="from" name="from" type="date" value="2026-12-01"/);
    const tooLong = await fetch(`${server.url}/quan-tri/thong-ke-truy-cap?from=2024-01-01&to=2026-11-01`, { headers: { cookie: cookies.reportViewer } });
    assert.match(await tooLong.text(), /tối đa 366 ngày/);
  });

  it('refuses the report and its export to a citizen and sends an anonymous visitor to sign in', async () => {
    assert.doesNotMatch(await (await fetch(`${server.url}/tai-khoan`, { headers: { cookie: cookies.citizen } })).text(), /thong-ke-truy-cap/);
    for (const path of ['/quan-tri/thong-ke-truy-cap', '/quan-tri/thong-ke-truy-cap/csv']) {
      const citizen = await fetch(`${server.url}${path}`, { redirect: 'manual', headers: { cookie: cookies.citizen } });
      assert.equal(citizen.status, 403, path);
      const anonymous = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.headers.get('location') ?? '', /^\/dang-nhap\?next=/);
    }
  });
});
