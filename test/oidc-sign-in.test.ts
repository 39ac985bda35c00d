import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningIdentityProvider } from '../src/dev/identity-provider.ts';
import { currentTotp } from '../src/modules/identity/totp.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { startAppWithIdentityProvider } from './support/identity-provider.ts';
import type { TestServer } from './support/server.ts';

let idp: RunningIdentityProvider;
let server: TestServer;
let browser: Browser;

before(async () => {
  ({ idp, server } = await startAppWithIdentityProvider());
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await idp?.close();
});

const db = () => server.database.db;
const noScript = () => browser.newContext({ javaScriptEnabled: false });
const path = (page: Page) => new URL(page.url()).pathname;
const accountsNamed = async (name: string) => db().selectFrom('account').select(['id', 'kind']).where('display_name', '=', name).execute();
const auditCount = async (action: string, targetId: string) =>
  Number((await db().selectFrom('audit_entry').select((eb) => eb.fn.countAll().as('n')).where('action', '=', action).where('target_id', '=', targetId).executeTakeFirstOrThrow()).n);

/** From the portal's sign-in page to the provider's login page, then back as the chosen identity. */
async function signInAt(page: Page, button: RegExp, identity: RegExp) {
  await page.goto(`${server.url}/dang-nhap`);
  await page.getByRole('link', { name: button }).click();
  assert.ok(page.url().startsWith(idp.issuer), `at the identity provider: ${page.url()}`);
  await page.getByLabel(identity).check();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}
const signInWithVneid = (page: Page, identity: RegExp) => signInAt(page, /Đăng nhập bằng VNeID/, identity);

describe('citizen sign-in through VNeID (issue 3 §1, G-10, P-06, P-13)', () => {
  it('creates the account with a verified profile on first sign-in and reuses it afterwards', async () => {
    const context = await noScript();
    const page = await context.newPage();
    await page.goto(`${server.url}/dang-nhap`);
    assert.deepEqual(await axeViolations(browser, page.url()), []);
    await signInWithVneid(page, /Lê Thị Hoa/);
    assert.equal(path(page), '/');
    assert.equal(await page.locator('.account-link').textContent(), 'Lê Thị Hoa');
    const [account, ...others] = await accountsNamed('Lê Thị Hoa');
    assert.equal(others.length, 0);
    assert.equal(account!.kind, 'citizen');
    assert.equal(await auditCount('identity.account.created', account!.id), 1);
    await page.goto(`${server.url}/tai-khoan`);
    const profile = await page.getByRole('region', { name: 'Thông tin cá nhân' }).textContent() ?? '';
    assert.match(profile, /046195001234/);
    assert.match(profile, /20\/08\/1995/);
    assert.match(profile, /Đã xác thực bởi VNeID/, 'the source of the verified data is shown');
    const cookies = await context.cookies(server.url);
    await context.close();

    // A new browser: the provider asks again, and the same account is used.
    const second = await noScript();
    const again = await second.newPage();
    await signInWithVneid(again, /Lê Thị Hoa/);
    assert.equal(await again.locator('.account-link').textContent(), 'Lê Thị Hoa');
    assert.equal((await accountsNamed('Lê Thị Hoa')).length, 1);
    assert.equal(await auditCount('identity.signIn.oidc', account!.id), 2);
    assert.ok(cookies.some((c) => c.name === 'sid'));
    await second.close();
  });

  it('links the demo citizen to the existing account whose e-mail both sides verified', async () => {
    const [existing] = await accountsNamed('Nguyễn Văn An');
    const context = await noScript();
    const page = await context.newPage();
    await signInWithVneid(page, /Nguyễn Văn An/);
    assert.equal(await page.locator('.account-link').textContent(), 'Nguyễn Văn An');
    assert.equal((await accountsNamed('Nguyễn Văn An')).length, 1);
    assert.equal(await auditCount('identity.account.linked', existing!.id), 1);
    // Declared values stay as typed; the provider's values sit beside them as verified.
    const declared = await db().selectFrom('profile_attribute').select('name').where('account_id', '=', existing!.id).where('verified', '=', false).execute();
    assert.ok(declared.length > 0);
    await context.close();
  });

  it('refuses to attach an identity to an account whose e-mail was never verified, then links it from the account page', async () => {
    const business = await db().selectFrom('account').select(['id', 'display_name']).where('email', '=', 'ketoan@thuongmaihbx.demo.vn').executeTakeFirstOrThrow();
    await db().updateTable('account').set({ email_verified_at: null }).where('id', '=', business.id).execute();
    const context = await noScript();
    const page = await context.newPage();
    await signInWithVneid(page, /Công ty TNHH Thương mại Hòa Bình Xanh/);
    assert.equal(await page.locator('h1').textContent(), 'Không đăng nhập được');
    assert.match(await page.locator('main').textContent() ?? '', /Đã có tài khoản dùng thư điện tử này/);
    assert.equal(await page.locator('.account-link').count(), 0);

    // Signed in with the password, the business links its identity from "my account".
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByLabel('Thư điện tử hoặc số điện thoại').fill('ketoan@thuongmaihbx.demo.vn');
    await page.getByLabel('Mật khẩu').fill('DemoOpenDVC!2026');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.goto(`${server.url}/tai-khoan`);
    await page.getByRole('link', { name: 'Liên kết với VNeID' }).click();
    // Linking always makes the provider authenticate afresh (prompt=login).
    assert.ok(page.url().startsWith(idp.issuer));
    await page.getByLabel(/Công ty TNHH Thương mại Hòa Bình Xanh/).check();
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    assert.equal(path(page), '/tai-khoan');
    assert.match(await page.locator('main').textContent() ?? '', /Cập nhật thông tin từ VNeID/);
    assert.match(await page.getByRole('region', { name: 'Thông tin cá nhân' }).textContent() ?? '', /4601234567/);
    assert.equal(await auditCount('identity.account.linked', business.id), 1);
    assert.deepEqual(await axeViolations(browser, page.url(), { storageState: await context.storageState() }), []);
    await context.close();
  });

  /**
   * Goes through the provider as the person would, but stops before the browser reaches our callback and
   * returns its URL. Playwright does not route redirect hops, so the provider's redirects after the login form
   * are followed by hand with the context's own cookies.
   */
  async function callbackUrlFor(context: BrowserContext, page: Page, identity: RegExp): Promise<string> {
    let callback = '';
    await context.route(`${idp.issuer}/interaction/**/login`, async (route) => {
      let response = await route.fetch({ maxRedirects: 0 });
      let location = response.headers()['location'] ?? '';
      while (location && !location.includes('/dang-nhap/oidc/callback')) {
        response = await context.request.get(new URL(location, idp.issuer).href, { maxRedirects: 0 });
        location = response.headers()['location'] ?? '';
      }
      callback = location;
      await route.fulfill({ status: 200, contentType: 'text/plain', body: 'stopped before the callback' });
    });
    await signInWithVneid(page, identity);
    await context.unroute(`${idp.issuer}/interaction/**/login`);
    assert.match(callback, /[?&]code=/);
    return callback;
  }

  it('refuses a callback that is replayed, has a tampered state or comes from another browser', async () => {
    const context = await noScript();
    const page = await context.newPage();
    const callback = await callbackUrlFor(context, page, /Lê Thị Hoa/);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'forged-state');
    await page.goto(tampered.href);
    assert.equal(await page.locator('h1').textContent(), 'Không đăng nhập được');
    assert.match(await page.locator('main').textContent() ?? '', /không hợp lệ/);
    // The login was consumed by that attempt: the genuine callback is now a replay.
    const replay = await page.goto(callback);
    assert.equal(replay?.status(), 400);
    assert.match(await page.locator('main').textContent() ?? '', /đã được dùng/);
    assert.equal(await page.locator('.account-link').count(), 0);

    await context.close();

    // A fresh login (new browser, so the provider asks again) whose callback is opened in another browser,
    // which holds no login cookie...
    const starter = await noScript();
    const starterPage = await starter.newPage();
    const fresh = await callbackUrlFor(starter, starterPage, /Lê Thị Hoa/);
    const other = await noScript();
    const stranger = await other.newPage();
    assert.equal((await stranger.goto(fresh))?.status(), 400);
    assert.equal(await stranger.locator('.account-link').count(), 0);
    await other.close();
    // ...while the browser that started it completes it: the refusals above were not the flow being broken.
    await starterPage.goto(fresh);
    assert.equal(await starterPage.locator('.account-link').textContent(), 'Lê Thị Hoa');
    await starter.close();
  });

  it('signs out of the provider too, so the next sign-in asks the provider again', async () => {
    const context = await noScript();
    const page = await context.newPage();
    await signInWithVneid(page, /Lê Thị Hoa/);
    assert.equal(await page.locator('.account-link').textContent(), 'Lê Thị Hoa');
    // Without signing out, the provider's session signs the person straight back in.
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByRole('link', { name: /Đăng nhập bằng VNeID/ }).click();
    assert.equal(path(page), '/');
    assert.equal(await page.locator('.account-link').textContent(), 'Lê Thị Hoa');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((url) => url.href.startsWith(idp.issuer));
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((url) => url.href.startsWith(server.url));
    assert.equal(await page.locator('.account-link').count(), 0);
    await page.goto(`${server.url}/dang-nhap`);
    await page.getByRole('link', { name: /Đăng nhập bằng VNeID/ }).click();
    assert.ok(page.url().startsWith(idp.issuer), 'the provider asks who you are again');
    assert.equal(await page.getByLabel(/Lê Thị Hoa/).count(), 1);
    await context.close();
  });
});

describe('officer single sign-on (issue 3 §2, S-f)', () => {
  async function officerPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await noScript();
    return { context, page: await context.newPage() };
  }

  it('signs a known officer in through SSO, then still asks for the TOTP code', async () => {
    const { context, page } = await officerPage();
    await signInAt(page, /Cán bộ: đăng nhập qua SSO tỉnh/, /Phạm Thị Thu/);
    assert.equal(path(page), '/dang-nhap/xac-thuc');
    await page.goto(`${server.url}/tai-khoan`);
    assert.equal(path(page), '/dang-nhap/xac-thuc', 'no account page before the second factor');
    const { totp_secret: secret } = await db().selectFrom('account').select('totp_secret').where('email', '=', 'thu.pt@demo.hoabinhxanh.vn').executeTakeFirstOrThrow();
    await page.getByLabel('Mã xác thực hoặc mã khôi phục').fill(currentTotp(secret!, new Date()));
    await page.getByRole('button', { name: 'Xác thực' }).click();
    assert.equal(path(page), '/tai-khoan');
    assert.match(await page.locator('main').textContent() ?? '', /Cán bộ Bộ phận Một cửa/);
    const live = await db().selectFrom('session as s').innerJoin('account as a', 'a.id', 's.account_id').select('s.oidc_provider')
      .where('a.email', '=', 'thu.pt@demo.hoabinhxanh.vn').where('s.revoked_at', 'is', null).where('s.mfa_verified', '=', true).execute();
    assert.deepEqual(live.map((r) => r.oidc_provider), ['officer'], 'the step up keeps the SSO session, so signing out ends both');
    await context.close();
  });

  it('refuses someone whose e-mail is no active officer: no self-registration', async () => {
    const before = Number((await db().selectFrom('account').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const { context, page } = await officerPage();
    await signInAt(page, /Cán bộ: đăng nhập qua SSO tỉnh/, /Đinh Văn Khách/);
    assert.equal(await page.locator('h1').textContent(), 'Không đăng nhập được');
    assert.match(await page.locator('main').textContent() ?? '', /không thuộc cán bộ nào/);
    assert.equal(await page.locator('.account-link').count(), 0);
    const after = Number((await db().selectFrom('account').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    assert.equal(after, before);
    await context.close();
  });
});
