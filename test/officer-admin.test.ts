import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sessionCookieName } from '../src/modules/identity/session-policy.ts';
import { startSession } from '../src/modules/identity/start-session.ts';
import { currentTotp } from '../src/modules/identity/totp.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// Officer and role administration (issue 3 §2, S-f; SEC-01..03): real server, real database, real Chromium
// without JavaScript for the journeys, plain HTTP with a real session for the "takes effect at once" checks.

let server: TestServer;
let browser: Browser;
const demoPassword = 'DemoOpenDVC!2026';
const provinceAdminEmail = 'minh.nq@demo.hoabinhxanh.vn';
const agencyAdminEmail = 'mai.ht@demo.hoabinhxanh.vn';

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const db = () => server.database.db;
const accountByEmail = (email: string) =>
  db().selectFrom('account').select(['id', 'status', 'totp_secret', 'totp_enabled_at', 'recovery_code_hashes']).where('email', '=', email).executeTakeFirstOrThrow();
const auditEntries = (action: string, targetId: string) =>
  db().selectFrom('audit_entry').select(['actor_label', 'before', 'after']).where('action', '=', action).where('target_id', '=', targetId).orderBy('id').execute();
const path = (page: Page) => new URL(page.url()).pathname;

/** Password, then the officer's phone: the current TOTP code of the secret stored for the account. */
async function signInOfficer(page: Page, email: string, password = demoPassword) {
  await page.goto(`${server.url}/dang-nhap`);
  await page.getByLabel('Thư điện tử hoặc số điện thoại').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  assert.equal(path(page), '/dang-nhap/xac-thuc');
  const { totp_secret: secret } = await accountByEmail(email);
  await page.getByLabel('Mã xác thực hoặc mã khôi phục').fill(currentTotp(secret!, new Date()));
  await page.getByRole('button', { name: 'Xác thực' }).click();
  assert.equal(path(page), '/tai-khoan');
}

/** An HTTP client holding a live session of the account (as if it had signed in) and the CSRF cookie. */
async function sessionOf(email: string) {
  const { id } = await accountByEmail(email);
  const policy = { idleMinutes: { person: 30, officer: 15 }, absoluteHours: { person: 12, officer: 10 } };
  const { token } = await db().transaction().execute((trx) => startSession(trx, { accountId: id, officer: true, mfaVerified: true, ip: null, userAgent: null, now: new Date(), policy }));
  const jar = new Map<string, string>([[sessionCookieName, token]]);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  };
  let csrf = '';
  return {
    token,
    get: async (url: string) => keep(await fetch(`${server.url}${url}`, { redirect: 'manual', headers: { cookie: cookie() } })),
    /** Posts a form the way a browser does, with the CSRF token of the last page read through `formOn`. */
    post: async (url: string, fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams({ _csrf: csrf });
      for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
      return keep(await fetch(`${server.url}${url}`, { method: 'POST', redirect: 'manual', body, headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' } }));
    },
    formOn: async (url: string) => {
      const response = keep(await fetch(`${server.url}${url}`, { redirect: 'manual', headers: { cookie: cookie() } }));
      const html = await response.text();
      // The page's own form carries the last token issued (the sign-out button's comes first).
      csrf = [...html.matchAll(/name="_csrf" value="([^"]+)"/g)].at(-1)?.[1] ?? '';
      return { status: response.status, html };
    },
  };
}

describe('officer administration (issue 3 §2, S-f)', () => {
  let adminContext: BrowserContext;
  let admin: Page;
  let newOfficerId = '';
  let activationLink = '';

  before(async () => {
    adminContext = await browser.newContext({ javaScriptEnabled: false });
    admin = await adminContext.newPage();
    await signInOfficer(admin, provinceAdminEmail);
  });
  after(async () => { await adminContext?.close(); });

  it('lets the province admin create an officer, keeping what was typed when a field is wrong', async () => {
    await admin.getByRole('link', { name: 'Quản trị cán bộ, vai trò và đơn vị' }).click();
    assert.equal(path(admin), '/quan-tri/can-bo');
    assert.equal(await admin.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị cán bộ' }).count(), 1);
    await admin.getByRole('link', { name: 'Thêm cán bộ' }).click();
    await admin.getByLabel('Họ và tên').fill('Lê Thị Hoa');
    await admin.getByLabel('Thư điện tử').fill('mai.ht@demo.hoabinhxanh.vn');
    await admin.getByLabel('Đơn vị').selectOption({ label: 'Sở Tư pháp tỉnh Hòa Bình Xanh' });
    await admin.getByLabel('Vai trò').selectOption({ label: 'Chuyên viên thụ lý' });
    await admin.getByRole('button', { name: 'Tạo tài khoản' }).click();
    // The address belongs to someone else: the error sits on the field, and nothing typed is lost.
    assert.match(await admin.locator('#email-error').textContent() ?? '', /đã được dùng/);
    assert.equal(await admin.getByLabel('Thư điện tử').getAttribute('aria-describedby'), 'email-error');
    assert.equal(await admin.getByLabel('Họ và tên').inputValue(), 'Lê Thị Hoa');
    assert.equal(await admin.getByLabel('Vai trò').inputValue(), 'specialist');
    await admin.getByLabel('Thư điện tử').fill('hoa.lt@example.vn');
    await admin.getByRole('button', { name: 'Tạo tài khoản' }).click();
    assert.equal(await admin.locator('h1').textContent(), 'Đã tạo tài khoản cán bộ');
    activationLink = (await admin.locator('.activation-link code').textContent()) ?? '';
    assert.match(activationLink, /\/dat-lai-mat-khau\?token=[\w-]{43}$/);

    const created = await accountByEmail('hoa.lt@example.vn');
    newOfficerId = created.id;
    assert.equal(created.status, 'pending');
    const roles = await db().selectFrom('officer_role as r').innerJoin('agency as a', 'a.id', 'r.agency_id').select(['a.code', 'r.role_code']).where('r.account_id', '=', created.id).execute();
    assert.deepEqual(roles, [{ code: '000.00.02.H99', role_code: 'specialist' }]);
    const mail = await db().selectFrom('outbox_message').select(['payload']).where('idempotency_key', '=', `officer-activation:${created.id}`).executeTakeFirstOrThrow();
    const payload = mail.payload as { to: string; text: string };
    assert.equal(payload.to, 'hoa.lt@example.vn');
    assert.ok(payload.text.includes(activationLink), 'the e-mail carries the same link');
    const [audit] = await auditEntries('identity.officer.created', created.id);
    assert.equal(audit?.actor_label, 'Ngô Quang Minh');
    assert.deepEqual((audit?.after as { roles: string[] }).roles, ['000.00.02.H99:specialist']);
  });

  it('finds officers by name without accents, and by unit, role and status', async () => {
    await admin.goto(`${server.url}/quan-tri/can-bo?q=le+thi+hoa`);
    assert.deepEqual(await admin.locator('table.officer-list tbody th').allTextContents(), ['Lê Thị Hoa']);
    await admin.goto(`${server.url}/quan-tri/can-bo`);
    await admin.getByLabel('Đơn vị').selectOption({ label: 'Sở Tư pháp tỉnh Hòa Bình Xanh' });
    await admin.getByLabel('Trạng thái').selectOption({ label: 'Chờ kích hoạt' });
    await admin.getByRole('button', { name: 'Tìm kiếm' }).click();
    assert.deepEqual(await admin.locator('table.officer-list tbody th').allTextContents(), ['Lê Thị Hoa']);
    await admin.goto(`${server.url}/quan-tri/can-bo?role=agencyAdmin`);
    assert.deepEqual(await admin.locator('table.officer-list tbody th').allTextContents(), ['Hoàng Thị Mai']);
    // The unit tree counts officers per unit and links to the filtered list.
    await admin.goto(`${server.url}/quan-tri/don-vi`);
    await admin.getByRole('link', { name: '5 cán bộ' }).click();
    assert.equal(new URL(admin.url()).searchParams.get('unit'), '000.00.02.H99');
    assert.equal(await admin.locator('table.officer-list tbody tr').count(), 5);
    await admin.goto(`${server.url}/quan-tri/phan-quyen?q=tu+phap`);
    assert.match(await admin.locator('h2#results').textContent() ?? '', /^Có 5 phân quyền$/);
  });

  it('keeps an agency admin inside its own subtree: no officer elsewhere, no province admin role', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInOfficer(page, agencyAdminEmail);
    await page.goto(`${server.url}/quan-tri/can-bo`);
    const listed = await page.locator('table.officer-list tbody th').allTextContents();
    assert.ok(listed.includes('Lê Thị Hoa') && listed.includes('Vũ Thị Lan'));
    assert.ok(!listed.includes('Phạm Thị Thu') && !listed.includes('Ngô Quang Minh'), 'officers of the service centre and the province are not listed');
    const outside = await accountByEmail('thu.pt@demo.hoabinhxanh.vn');
    const response = await page.goto(`${server.url}/quan-tri/can-bo/${outside.id}`);
    assert.equal(response?.status(), 403);

    await page.goto(`${server.url}/quan-tri/can-bo/${newOfficerId}`);
    const offered = await page.locator('#role option').allTextContents();
    assert.ok(offered.includes('Cán bộ Bộ phận Một cửa') && offered.includes('Quản trị cơ quan'));
    assert.ok(!offered.includes('Quản trị cấp tỉnh'), 'province admin is never offered');
    assert.ok(!(await page.locator('#agency option').allTextContents()).includes('Ủy ban nhân dân tỉnh Hòa Bình Xanh'), 'no unit above its own');
    await page.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Sở Tư pháp tỉnh Hòa Bình Xanh' });
    await page.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Cán bộ Bộ phận Một cửa' });
    await page.getByRole('button', { name: 'Cấp vai trò' }).click();
    assert.match(await page.locator('[role=status]').textContent() ?? '', /Đã cấp vai trò/);
    const [granted] = await auditEntries('identity.role.granted', newOfficerId);
    assert.deepEqual(granted?.after, { roles: ['000.00.02.H99:reception', '000.00.02.H99:specialist'], granted: '000.00.02.H99:reception' });
    await context.close();

    // A forged form fares no better than the page: province admin, or a unit elsewhere, is refused.
    const mai = await sessionOf(agencyAdminEmail);
    await mai.formOn(`/quan-tri/can-bo/${newOfficerId}`);
    assert.equal((await mai.post(`/quan-tri/can-bo/${newOfficerId}/vai-tro`, { agency: '000.00.02.H99', role: 'provinceAdmin' })).status, 403);
    assert.equal((await mai.post(`/quan-tri/can-bo/${newOfficerId}/vai-tro`, { agency: '000.00.30.H99', role: 'reception' })).status, 403);
    assert.equal((await mai.post(`/quan-tri/can-bo/${outside.id}/vo-hieu-hoa`, {})).status, 403);
    assert.equal((await accountByEmail('thu.pt@demo.hoabinhxanh.vn')).status, 'active');
    assert.equal((await mai.formOn('/quan-tri/vai-tro/leader')).status, 403, 'editing roles needs role.manage');
  });

  it('moves an officer to another unit in one step, audited', async () => {
    await admin.goto(`${server.url}/quan-tri/can-bo/${newOfficerId}`);
    await admin.getByLabel('Từ đơn vị').selectOption({ label: 'Sở Tư pháp tỉnh Hòa Bình Xanh' });
    await admin.getByLabel('Sang đơn vị').selectOption({ label: 'Sở Nội vụ tỉnh Hòa Bình Xanh' });
    await admin.getByRole('button', { name: 'Chuyển đơn vị' }).click();
    assert.match(await admin.locator('[role=status]').textContent() ?? '', /Đã chuyển đơn vị/);
    const [moved] = await auditEntries('identity.officer.moved', newOfficerId);
    assert.deepEqual(moved?.before, { roles: ['000.00.02.H99:reception', '000.00.02.H99:specialist'] });
    assert.deepEqual(moved?.after, { roles: ['000.00.01.H99:reception', '000.00.01.H99:specialist'], from: '000.00.02.H99', to: '000.00.01.H99' });
    // Now outside the Department of Justice, the officer is out of its agency admin's reach.
    const mai = await sessionOf(agencyAdminEmail);
    assert.equal((await mai.get(`/quan-tri/can-bo/${newOfficerId}`)).status, 403);
  });

  it('ends the live session of a deactivated officer at once, and lets them back after reactivation', async () => {
    const ha = await sessionOf('ha.tt@demo.hoabinhxanh.vn');
    assert.equal((await ha.get('/tai-khoan')).status, 200);
    const { id } = await accountByEmail('ha.tt@demo.hoabinhxanh.vn');
    await admin.goto(`${server.url}/quan-tri/can-bo/${id}`);
    await admin.getByRole('button', { name: 'Vô hiệu hóa tài khoản' }).click();
    assert.equal(await admin.locator('.officer-status').textContent(), 'Đã vô hiệu hóa');
    const after = await ha.get('/tai-khoan');
    assert.equal(after.status, 303);
    assert.match(after.headers.get('location') ?? '', /^\/dang-nhap/);
    const live = await db().selectFrom('session').select('token_hash').where('account_id', '=', id).where('revoked_at', 'is', null).execute();
    assert.deepEqual(live, [], 'every session of the account is revoked');
    assert.deepEqual((await auditEntries('identity.officer.deactivated', id)).map((e) => [e.before, e.after]), [[{ status: 'active' }, { status: 'disabled' }]]);

    await admin.getByRole('button', { name: 'Kích hoạt lại tài khoản' }).click();
    assert.equal(await admin.locator('.officer-status').textContent(), 'Đang hoạt động');
    assert.equal((await accountByEmail('ha.tt@demo.hoabinhxanh.vn')).status, 'active');
    assert.equal((await auditEntries('identity.officer.reactivated', id)).length, 1);
  });

  it('takes a revoked role away from a live session at once', async () => {
    const mai = await sessionOf(agencyAdminEmail);
    assert.equal((await mai.get('/quan-tri/can-bo')).status, 200);
    const { id } = await accountByEmail(agencyAdminEmail);
    await admin.goto(`${server.url}/quan-tri/can-bo/${id}`);
    await admin.getByRole('button', { name: 'Thu hồi vai trò Quản trị cơ quan tại Sở Tư pháp tỉnh Hòa Bình Xanh' }).click();
    assert.match(await admin.locator('[role=status]').textContent() ?? '', /Đã thu hồi vai trò/);
    assert.equal((await mai.get('/quan-tri/can-bo')).status, 403, 'the same session, the next request');
    const [revoked] = await auditEntries('identity.role.revoked', id);
    assert.deepEqual(revoked?.after, { roles: [], revoked: '000.00.02.H99:agencyAdmin' });

    // Given back, it works again on that same session.
    await admin.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Sở Tư pháp tỉnh Hòa Bình Xanh' });
    await admin.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Quản trị cơ quan' });
    await admin.getByRole('button', { name: 'Cấp vai trò' }).click();
    assert.equal((await mai.get('/quan-tri/can-bo')).status, 200);
  });

  it('resets an officer’s second factor with a reason: audited, sessions ended, enrolment at the next sign-in', async () => {
    const email = 'lan.vt@demo.hoabinhxanh.vn';
    const lan = await sessionOf(email);
    const { id } = await accountByEmail(email);
    await admin.goto(`${server.url}/quan-tri/can-bo/${id}`);
    await admin.getByRole('button', { name: 'Đặt lại xác thực hai lớp' }).click();
    assert.match(await admin.locator('#reason-error').textContent() ?? '', /ít nhất 10 ký tự/);
    assert.equal(await admin.getByLabel('Lý do đặt lại').getAttribute('aria-describedby'), 'reason-hint reason-error');
    await admin.getByLabel('Lý do đặt lại').fill('Mất điện thoại, đã xác minh trực tiếp');
    await admin.getByRole('button', { name: 'Đặt lại xác thực hai lớp' }).click();
    assert.match(await admin.locator('[role=status]').textContent() ?? '', /Đã đặt lại xác thực hai lớp/);

    const account = await accountByEmail(email);
    assert.equal(account.totp_secret, null);
    assert.equal(account.totp_enabled_at, null);
    assert.deepEqual(account.recovery_code_hashes, []);
    const [audit] = await auditEntries('identity.mfa.reset', id);
    assert.deepEqual(audit?.before, { totpEnrolled: true, recoveryCodes: 0 });
    assert.deepEqual(audit?.after, { totpEnrolled: false, recoveryCodes: 0, reason: 'Mất điện thoại, đã xác minh trực tiếp' });
    assert.equal((await lan.get('/tai-khoan')).status, 303, 'the live session is over');

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByLabel('Thư điện tử hoặc số điện thoại').fill(email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    assert.equal(path(page), '/dang-nhap/thiet-lap-xac-thuc');
    await context.close();
  });

  it('applies a change to a role’s permissions at once to everyone holding it', async () => {
    const nam = await sessionOf('nam.bv@demo.hoabinhxanh.vn');
    assert.equal((await nam.get('/quan-tri/don-vi')).status, 403);
    await admin.goto(`${server.url}/quan-tri/vai-tro`);
    await admin.getByRole('link', { name: 'Sửa quyền của Văn thư' }).click();
    await admin.getByLabel(/^Quản lý cán bộ và phân quyền/).check();
    await admin.getByRole('button', { name: 'Lưu quyền' }).click();
    assert.equal(path(admin), '/quan-tri/vai-tro');
    assert.match(await admin.locator('[role=status]').textContent() ?? '', /Đã lưu quyền/);
    assert.equal((await nam.get('/quan-tri/don-vi')).status, 200, 'the clerk manages officers now, on the live session');
    const [audit] = await auditEntries('identity.role.permissionsChanged', 'clerk');
    assert.deepEqual(audit?.before, { permissions: ['dossier.read', 'dossier.register'] });
    assert.deepEqual(audit?.after, { permissions: ['dossier.read', 'dossier.register', 'officer.manage'] });

    await admin.getByRole('link', { name: 'Sửa quyền của Văn thư' }).click();
    await admin.getByLabel(/^Quản lý cán bộ và phân quyền/).uncheck();
    await admin.getByRole('button', { name: 'Lưu quyền' }).click();
    assert.equal((await nam.get('/quan-tri/don-vi')).status, 403);

    // The province admin cannot lock itself out by removing role management from its own role.
    const minh = await sessionOf(provinceAdminEmail);
    const { html } = await minh.formOn('/quan-tri/vai-tro/provinceAdmin');
    const kept = [...html.matchAll(/name="permissions" value="([^"]+)" checked/g)].map((m) => m[1]!).filter((p) => p !== 'role.manage');
    const refused = await minh.post('/quan-tri/vai-tro/provinceAdmin', { permissions: kept });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Không thể bỏ quyền quản lý vai trò/);
  });

  it('has admin pages free of accessibility violations', async () => {
    const storageState = await adminContext.storageState();
    for (const url of ['/quan-tri/can-bo', '/quan-tri/can-bo/moi', `/quan-tri/can-bo/${newOfficerId}`, '/quan-tri/vai-tro', '/quan-tri/vai-tro/leader', '/quan-tri/don-vi', '/quan-tri/phan-quyen']) {
      assert.deepEqual(await axeViolations(browser, `${server.url}${url}`, { storageState }), [], url);
    }
  });

  it('activates the new officer through the link: a password, then TOTP enrolment at first sign-in', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const link = new URL(activationLink);
    await page.goto(`${server.url}${link.pathname}${link.search}`);
    const password = 'Bầu trời trên núi Ba Vì 2026!';
    const fields = page.locator('input[type=password]');
    for (let i = 0; i < await fields.count(); i += 1) await fields.nth(i).fill(password);
    await page.locator('main form button[type=submit]').click();
    assert.equal((await accountByEmail('hoa.lt@example.vn')).status, 'active');
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByLabel('Thư điện tử hoặc số điện thoại').fill('hoa.lt@example.vn');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    assert.equal(path(page), '/dang-nhap/thiet-lap-xac-thuc', 'a new officer must enrol a second factor');
    await context.close();
  });
});
