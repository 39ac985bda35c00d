import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { actorForAccount } from '../src/modules/identity/actor-for-account.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { launchBrowser } from './support/browser.ts';
import { demoPassword, httpClient, signInOfficer, type HttpClient } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let citizen: HttpClient;
let desk: HttpClient;

function cookiesOf(client: HttpClient) {
  return client.cookie().split('; ').filter(Boolean).map((pair) => {
    const [name, ...value] = pair.split('=');
    return { name: name!, value: value.join('='), domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const };
  });
}

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  citizen = httpClient(server);
  assert.equal((await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: demoPassword })).status, 303);
  desk = await signInOfficer(server, 'mo.lt@demo.hoabinhxanh.vn');
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('live updates in a real browser (issue 5 §3)', { timeout: 120_000 }, () => {
  it('the citizen\'s open dossier page announces the officer\'s action and refreshes its status, and stays accessible', async () => {
    const actor = await actorForAccount(server.database.db, 'an.nguyen@demo.hoabinhxanh.vn');
    const dossier = await submitDossier(server.database.db, actor, new Date(), 'vi', {
      procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: 'live-browser',
    });
    const context = await browser.newContext({ viewport: { width: 360, height: 800 }, storageState: { cookies: cookiesOf(citizen), origins: [] } });
    try {
      const page = await context.newPage();
      const blocked: string[] = [];
      page.on('console', (message) => { if (message.type() === 'error') blocked.push(message.text()); });
      const streamOpened = page.waitForResponse((response) => new URL(response.url()).pathname === '/su-kien');
      await page.goto(`${server.url}/ho-so-cua-toi/${dossier.reference}`);
      const stream = await streamOpened;
      assert.equal(stream.status(), 200);
      assert.equal(await page.locator('#dossier-summary .status').innerText(), 'Mới đăng ký');
      const badge = page.locator('.inbox-link .inbox-count');
      const unreadBefore = (await badge.count()) ? Number(await badge.innerText()) : 0;

      // The officer acts over HTTP, in another session; the page the citizen has open hears of it.
      assert.equal((await desk.post(`/mot-cua/ho-so/${dossier.id}/tiep-nhan`, {}, `/mot-cua/ho-so/${dossier.id}`)).status, 303);
      const { code } = await server.database.db.selectFrom('dossier').select('code').where('id', '=', dossier.id).executeTakeFirstOrThrow();
      const notice = page.locator('[role="status"][aria-live="polite"] .notice');
      await notice.waitFor({ timeout: 15_000 });
      assert.equal(await notice.innerText(), `Hồ sơ ${code} vừa chuyển sang trạng thái “Được tiếp nhận”. Tải lại`);
      assert.equal(await notice.getByRole('link', { name: 'Tải lại' }).getAttribute('href'), `/ho-so-cua-toi/${dossier.reference}`);
      // The status and the timeline are refreshed in place (no form field there has the focus).
      await page.locator('#dossier-summary .status', { hasText: 'Được tiếp nhận' }).waitFor({ timeout: 15_000 });
      await page.locator('#dossier-timeline .timeline li').nth(1).waitFor({ timeout: 15_000 });
      // The reception notice went to the citizen's inbox: the header badge counts it without a reload.
      await page.locator('.inbox-link .inbox-count', { hasText: String(unreadBefore + 1) }).waitFor({ timeout: 15_000 });

      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], 'accessible with the notice shown');
      assert.deepEqual(blocked, [], 'nothing refused by the Content-Security-Policy, no script error');
    } finally {
      await context.close();
    }
  });
});
