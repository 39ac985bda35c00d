import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launchBrowser } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 800 } });
  return context.newPage();
}

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  assert.deepEqual(summary, [], `axe violations on ${what}`);
}

describe('portal front door in a real browser (P-10, OTHER-02..04)', () => {
  it('finds "Đăng ký thường trú" typed without diacritics and reaches it within 3 clicks of the home page', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/`);
    await page.getByLabel('Từ khóa').fill('dang ky thuong tru');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click(); // click 1
    const first = page.locator('ol.results li').first();
    assert.equal((await first.locator('a.result-title').textContent())?.trim(), 'Đăng ký thường trú');
    await first.locator('a.result-title').click(); // click 2
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Đăng ký thường trú');
    assert.match(await page.locator('main').textContent() ?? '', /Trình tự thực hiện[\s\S]*Thành phần hồ sơ[\s\S]*Căn cứ pháp lý/);
    await page.context().close();
  });

  it('has no axe violations on the home, search, detail, online-services, agencies, site-map, API-docs and 404 pages', async () => {
    const page = await newPage();
    const code = await firstProcedureCode('dang ky thuong tru');
    for (const path of ['/', '/thu-tuc?q=ho+khau', `/thu-tuc/${code}`, '/dich-vu-cong-truc-tuyen', '/co-quan', '/so-do-trang', '/api/docs', '/khong-co-trang-nay']) {
      await page.goto(`${server.url}${path}`);
      await expectNoAxeViolations(page, path);
    }
    await page.context().close();
  });

  it('reaches every published procedure within 3 clicks of the home page (P-10)', async () => {
    const sitemap = await (await fetch(`${server.url}/sitemap.xml`)).text();
    const procedures = [...sitemap.matchAll(/<loc>[^<]*(\/thu-tuc\/[^<]+)<\/loc>/g)].map((m) => decodeURIComponent(m[1]!));
    assert.ok(procedures.length >= 60, `sitemap lists ${procedures.length} procedures`);
    const reached = new Map<string, number>([['/', 0]]);
    let frontier = ['/'];
    for (let depth = 1; depth <= 3; depth++) {
      const next: string[] = [];
      for (const path of frontier) {
        const html = await (await fetch(`${server.url}${path}`)).text();
        for (const m of html.matchAll(/href="(\/[^"#]*)/g)) {
          const link = decodeURIComponent(m[1]!.replace(/&amp;/g, '&'));
          if (link.startsWith('/assets/') || link.startsWith('/api/') || link.startsWith('/ngon-ngu') || reached.has(link)) continue;
          reached.set(link, depth);
          if (depth < 3 && !/\.pdf$/.test(link)) next.push(link);
        }
      }
      frontier = next;
    }
    const missing = procedures.filter((p) => !reached.has(p));
    assert.deepEqual(missing, []);
  });

  it('is usable on a 360 px screen without horizontal scrolling', async () => {
    const page = await newPage({ width: 360 });
    const code = await firstProcedureCode('dang ky thuong tru');
    for (const path of ['/', '/thu-tuc?q=chung+thuc', `/thu-tuc/${code}`]) {
      await page.goto(`${server.url}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} overflows by ${overflow}px at 360px`);
    }
    await page.context().close();
  });

  it('filters by facet and pages through results without JavaScript', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/thu-tuc`);
    const total = Number((await page.locator('#results').textContent())?.match(/\d+/)?.[0]);
    assert.ok(total >= 60);
    await page.getByLabel('Mức độ dịch vụ công trực tuyến').selectOption('partial');
    await page.getByRole('button', { name: 'Áp dụng bộ lọc' }).click();
    const filtered = Number((await page.locator('#results').textContent())?.match(/\d+/)?.[0]);
    assert.ok(filtered > 0 && filtered < total, `partial filter gave ${filtered} of ${total}`);
    const badges = await page.locator('ol.results .badge').allTextContents();
    assert.ok(badges.every((b) => b.trim() === 'Một phần'));
    await page.goto(`${server.url}/thu-tuc`);
    await page.getByRole('link', { name: 'Trang sau ›' }).click();
    assert.match(page.url(), /page=2/);
    assert.equal(await page.locator('ol.results').getAttribute('start'), '21');
    await page.context().close();
  });

  it('switches to English and remembers it', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/thu-tuc?q=ho+khau`);
    await page.getByRole('link', { name: 'English' }).click();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.match(await page.locator('h1').textContent() ?? '', /Search administrative procedures/);
    assert.match(page.url(), /\/thu-tuc\?q=ho\+khau$/);
    await page.goto(`${server.url}/`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.context().close();
  });

  it('shows the 404 page in the portal style', async () => {
    const page = await newPage();
    const response = await page.goto(`${server.url}/thu-tuc/9.999999`);
    assert.equal(response?.status(), 404);
    assert.equal((await page.locator('h1').textContent())?.trim(), 'Không tìm thấy trang');
    assert.ok(await page.locator('header.site-header').isVisible());
    await page.context().close();
  });
});

async function firstProcedureCode(q: string): Promise<string> {
  const body = await (await fetch(`${server.url}/api/v1/procedures?q=${encodeURIComponent(q)}`)).json() as { items: { code: string }[] };
  assert.ok(body.items[0]);
  return body.items[0].code;
}
