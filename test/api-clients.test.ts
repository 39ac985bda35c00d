import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { startSession } from '../src/modules/identity/start-session.ts';
import { sessionCookieName } from '../src/modules/identity/session-policy.ts';
import { formatApiKey, hashSecret, newPublicId, newSecret } from '../src/modules/identity/api-clients/credentials.ts';
import { insertApiClient } from '../src/modules/identity/api-clients/repository.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// Issue 3 §3: API clients of other systems authenticate with API keys or OAuth client credentials
// (scoped, revocable, hashed at rest); POST /api/v1/catalog/import is the machine route they serve.
let server: TestServer;
let browser: Browser;
let adminCookie = '';
let citizenCookie = '';
type Procedure = { code: string; name: string; fieldCode: string } & Record<string, unknown>;
let procedure: Procedure;

before(async () => {
  server = await startTestServer();
  const db = server.database.db;
  const policy = { idleMinutes: { person: 30, officer: 15 }, absoluteHours: { person: 12, officer: 10 } };
  const session = async (email: string, officer: boolean) => {
    const { id } = await db.selectFrom('account').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    const { token } = await db.transaction().execute((trx) => startSession(trx, { accountId: id, officer, mfaVerified: true, ip: null, userAgent: null, now: new Date(), policy }));
    return `${sessionCookieName}=${token}`;
  };
  adminCookie = await session('minh.nq@demo.hoabinhxanh.vn', true);
  citizenCookie = await session('an.nguyen@demo.hoabinhxanh.vn', false);
  const catalog = JSON.parse(await readFile(new URL('../seed/catalog.json', import.meta.url), 'utf8')) as { procedures: Procedure[] };
  procedure = catalog.procedures.find((p) => p.code === '1.004222')!;
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The admin's form posts, as a browser makes them: session cookie, CSRF cookie and the token from the page. */
async function adminForms(cookie = adminCookie) {
  const page = await fetch(`${server.url}/quan-tri/ung-dung`, { headers: { cookie } });
  assert.equal(page.status, 200);
  const cookies = [cookie, ...page.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
  const token = (await page.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const post = (path: string, fields: Record<string, string | string[]>, withToken = true) => {
    const body = new URLSearchParams(withToken ? { _csrf: token } : {});
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
    return fetch(`${server.url}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' }, body });
  };
  return { post, cookies, token };
}

const importFile = (procedures: unknown[]) => ({ formatVersion: 1, agencies: [], fields: [], procedures });
const importWith = (headers: Record<string, string>, body: unknown = importFile([procedure])) =>
  fetch(`${server.url}/api/v1/catalog/import`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const token = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields) });
const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

let apiKey = '';
let apiKeyClientId = '';
let oauthId = '';
let oauthSecret = '';

describe('API clients: administration (issue 3 §3)', () => {
  it('creates an API-key client, showing the key once, and audits it without the secret', async () => {
    const { post } = await adminForms();
    const response = await post('/quan-tri/ung-dung', { name: 'CSDL quốc gia về thủ tục hành chính', kind: 'apiKey', scopes: 'catalog.import', agencyCode: '000.00.00.H99' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const html = await response.text();
    apiKey = html.match(/<code class="secret">([^<]+)<\/code>/)?.[1] ?? '';
    assert.match(apiKey, /^odvc_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const row = await server.database.db.withTables<{ api_client: { id: string; public_id: string; scopes: string[]; agency_id: number | null } }>()
      .selectFrom('api_client').select(['id', 'scopes', 'agency_id']).where('public_id', '=', apiKey.slice(5, 21)).executeTakeFirstOrThrow();
    apiKeyClientId = row.id;
    assert.deepEqual(row.scopes, ['catalog.import']);
    assert.notEqual(row.agency_id, null);
    const audit = await server.database.db.selectFrom('audit_entry').select(['actor_label', 'after']).where('action', '=', 'identity.apiClient.created').where('target_id', '=', row.id).executeTakeFirstOrThrow();
    assert.equal(audit.actor_label, 'Ngô Quang Minh');
    assert.deepEqual((audit.after as { scopes: string[] }).scopes, ['catalog.import']);
    // The list no longer shows the key: it exists only on the page above.
    const list = await (await fetch(`${server.url}/quan-tri/ung-dung`, { headers: { cookie: adminCookie } })).text();
    assert.match(list, /CSDL quốc gia về thủ tục hành chính/);
    assert.doesNotMatch(list, new RegExp(apiKey.slice(22)));
  });

  it('creates an OAuth client and shows its client_id and client_secret once', async () => {
    const { post } = await adminForms();
    const html = await (await post('/quan-tri/ung-dung', { name: 'Phần mềm một cửa của tỉnh', kind: 'oauthClient', scopes: ['catalog.import'] })).text();
    oauthId = html.match(/<code class="client-id">([^<]+)<\/code>/)?.[1] ?? '';
    oauthSecret = html.match(/<code class="secret">([^<]+)<\/code>/)?.[1] ?? '';
    assert.match(oauthId, /^[0-9a-f]{16}$/);
    assert.match(oauthSecret, /^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a form without scopes with a field-level message, keeping what was typed', async () => {
    const { post } = await adminForms();
    const response = await post('/quan-tri/ung-dung', { name: 'Hệ thống thử', kind: 'apiKey', agencyCode: 'KHONG.CO' });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /id="scopes-error">Chọn ít nhất một quyền\./);
    assert.match(html, /id="agencyCode-error">Không tìm thấy cơ quan này\./);
    assert.match(html, /value="Hệ thống thử"/);
  });

  it('refuses a cookie-authenticated form post without the CSRF token, and officers without apiClient.manage', async () => {
    const { post } = await adminForms();
    assert.equal((await post('/quan-tri/ung-dung', { name: 'Không có mã CSRF', kind: 'apiKey', scopes: 'catalog.import' }, false)).status, 403);
    assert.equal((await fetch(`${server.url}/quan-tri/ung-dung`, { headers: { cookie: citizenCookie } })).status, 403);
  });
});

describe('API clients: calling the API (issue 3 §3)', () => {
  it('imports a pushed catalogue with an API key (no CSRF token needed), idempotently, audited with the client as actor', async () => {
    const changed = { ...procedure, name: `${procedure.name} (cập nhật từ CSDL quốc gia)` };
    const first = await importWith({ 'x-api-key': apiKey }, importFile([changed]));
    assert.equal(first.status, 200, await first.clone().text());
    const summary = await first.json() as { procedures: { newVersions: number; unchanged: number }; changed: boolean };
    assert.equal(summary.procedures.newVersions, 1);
    assert.equal(summary.changed, true);
    const again = await (await importWith({ authorization: `Bearer ${apiKey}` }, importFile([changed]))).json() as typeof summary;
    assert.equal(again.procedures.unchanged, 1);
    assert.equal(again.changed, false);
    const detail = await (await fetch(`${server.url}/api/v1/procedures/1.004222`)).json() as { definition: { name: string } };
    assert.equal(detail.definition.name, changed.name);
    const audit = await server.database.db.selectFrom('audit_entry').select(['actor_id', 'actor_label']).where('action', '=', 'catalog.importedByClient').execute();
    assert.equal(audit.length, 2);
    assert.ok(audit.every((a) => a.actor_id === apiKeyClientId && a.actor_label === 'CSDL quốc gia về thủ tục hành chính'));
    const lastUsed = await sql<{ last_used_at: Date | null }>`SELECT last_used_at FROM api_client WHERE id = ${apiKeyClientId}`.execute(server.database.db);
    assert.notEqual(lastUsed.rows[0]?.last_used_at, null);
  });

  it('answers a bad file with a problem document listing every error, and writes nothing', async () => {
    const bad = { ...procedure, fieldCode: 'KHONG-CO', name: 'Tên mới không được ghi' };
    const response = await importWith({ 'x-api-key': apiKey }, importFile([bad, { code: 'x' }]));
    assert.equal(response.status, 400);
    assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
    const problem = await response.json() as { code: string; errors: { path: string }[] };
    assert.equal(problem.code, 'validationFailed');
    assert.ok(problem.errors.some((e) => e.path.startsWith('/body/procedures/1/')), JSON.stringify(problem.errors));
    const fieldError = await (await importWith({ 'x-api-key': apiKey }, importFile([bad]))).json() as typeof problem;
    assert.deepEqual(fieldError.errors.map((e) => e.path), ['/body/procedures/0/fieldCode']);
  });

  it('issues one-hour OAuth tokens by HTTP Basic or form body, and the token opens the scoped route', async () => {
    const response = await token({ grant_type: 'client_credentials' }, basic(oauthId, oauthSecret));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const issued = await response.json() as { access_token: string; token_type: string; expires_in: number; scope: string };
    assert.equal(issued.token_type, 'Bearer');
    assert.equal(issued.expires_in, 3600);
    assert.equal(issued.scope, 'catalog.import');
    assert.equal((await importWith({ authorization: `Bearer ${issued.access_token}` })).status, 200);
    const byForm = await token({ grant_type: 'client_credentials', client_id: oauthId, client_secret: oauthSecret, scope: 'catalog.import' });
    assert.equal(byForm.status, 200);
  });

  it('answers token errors as RFC 6749 §5.2 says', async () => {
    const badSecret = await token({ grant_type: 'client_credentials' }, basic(oauthId, `${oauthSecret.slice(0, -1)}x`));
    assert.equal(badSecret.status, 401);
    assert.match(badSecret.headers.get('www-authenticate') ?? '', /^Basic /);
    assert.equal((await badSecret.json() as { error: string }).error, 'invalid_client');
    const cases: [Record<string, string>, Record<string, string>, number, string][] = [
      [{ grant_type: 'client_credentials', client_id: 'ffffffffffffffff', client_secret: oauthSecret }, {}, 401, 'invalid_client'],
      [{ grant_type: 'password' }, basic(oauthId, oauthSecret), 400, 'unsupported_grant_type'],
      [{}, basic(oauthId, oauthSecret), 400, 'invalid_request'],
      [{ grant_type: 'client_credentials', scope: 'catalog.import officer.manage' }, basic(oauthId, oauthSecret), 400, 'invalid_scope'],
      [{ grant_type: 'client_credentials', client_id: oauthId }, basic(oauthId, oauthSecret), 400, 'invalid_request'],
      // An API-key client cannot trade its key for tokens: one way in per client.
      [{ grant_type: 'client_credentials' }, basic(apiKey.slice(5, 21), apiKey.slice(22)), 400, 'unauthorized_client'],
    ];
    for (const [fields, headers, status, error] of cases) {
      const response = await token(fields, headers);
      assert.equal(response.status, status, JSON.stringify(fields));
      assert.equal((await response.json() as { error: string }).error, error, JSON.stringify(fields));
    }
  });

  it('refuses a client without the route\'s scope with 403, and people with 401', async () => {
    const publicId = newPublicId();
    const secret = newSecret();
    await insertApiClient(server.database.db, { publicId, name: 'Hệ thống báo cáo', agencyId: null, kind: 'apiKey', scopes: ['report.read'], secretHash: hashSecret(secret), createdBy: null, now: new Date() });
    const wrongScope = await importWith({ 'x-api-key': formatApiKey(publicId, secret) });
    assert.equal(wrongScope.status, 403);
    assert.equal((await wrongScope.json() as { code: string }).code, 'forbidden');
    assert.match(wrongScope.headers.get('www-authenticate') ?? '', /error="insufficient_scope", scope="catalog.import"/);
    const anonymous = await importWith({});
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Bearer realm="OpenDVC"/);
    // The province admin may manage clients but is no client: the machine route is closed to people.
    const { cookies, token: csrf } = await adminForms();
    const person = await importWith({ cookie: cookies, 'x-csrf-token': csrf });
    assert.equal(person.status, 401, await person.clone().text());
  });

  it('still checks CSRF when a bearer request also carries a session cookie', async () => {
    assert.equal((await importWith({ 'x-api-key': apiKey, cookie: citizenCookie })).status, 403);
    assert.equal((await importWith({ 'x-api-key': apiKey })).status, 200);
  });

  it('refuses an expired token and an unknown key at once, with a Bearer challenge', async () => {
    const issued = await (await token({ grant_type: 'client_credentials' }, basic(oauthId, oauthSecret))).json() as { access_token: string };
    await sql`UPDATE api_access_token SET expires_at = now() - interval '1 second' WHERE token_hash = ${hashSecret(issued.access_token)}`.execute(server.database.db);
    const expired = await importWith({ authorization: `Bearer ${issued.access_token}` });
    assert.equal(expired.status, 401);
    assert.match(expired.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    assert.equal((await importWith({ 'x-api-key': `${apiKey.slice(0, -1)}x` })).status, 401);
    assert.equal((await fetch(`${server.url}/api/v1/agencies`, { headers: { authorization: 'Bearer odvc_nonsense' } })).status, 401);
  });

  it('keeps only hashes: no secret, key or token appears in any column of any table', async () => {
    const issued = await (await token({ grant_type: 'client_credentials' }, basic(oauthId, oauthSecret))).json() as { access_token: string };
    const tables = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(server.database.db);
    assert.ok(tables.rows.some((t) => t.table_name === 'api_client'));
    for (const { table_name } of tables.rows) {
      const rows = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(table_name)} t`.execute(server.database.db);
      for (const { row } of rows.rows) {
        for (const secret of [apiKey.slice(22), oauthSecret, issued.access_token]) assert.ok(!row.includes(secret), `${table_name} holds a raw secret`);
      }
    }
  });

  it('documents the security schemes and marks the import operation with them', async () => {
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).json() as {
      components: { securitySchemes: Record<string, { type: string }> }; paths: Record<string, Record<string, { operationId: string; security: unknown[] }>>;
    };
    assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ['apiKeyAuth', 'bearerAuth', 'oauth2']);
    const operation = doc.paths['/api/v1/catalog/import']?.['post'];
    assert.equal(operation?.operationId, 'importCatalog');
    assert.deepEqual(operation?.security, [{ bearerAuth: [] }, { apiKeyAuth: [] }, { oauth2: ['catalog.import'] }]);
  });

  it('revokes a client: its key and its live tokens are refused on the very next request, and the revocation is audited', async () => {
    const issued = await (await token({ grant_type: 'client_credentials' }, basic(oauthId, oauthSecret))).json() as { access_token: string };
    const { post } = await adminForms();
    const rows = await sql<{ id: string; public_id: string }>`SELECT id, public_id FROM api_client WHERE public_id IN (${apiKey.slice(5, 21)}, ${oauthId})`.execute(server.database.db);
    for (const row of rows.rows) {
      const response = await post(`/quan-tri/ung-dung/${row.id}/thu-hoi`, {});
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('location'), '/quan-tri/ung-dung');
    }
    const revokedKey = await importWith({ 'x-api-key': apiKey });
    assert.equal(revokedKey.status, 401);
    assert.match(revokedKey.headers.get('www-authenticate') ?? '', /^Bearer /);
    assert.equal((await importWith({ authorization: `Bearer ${issued.access_token}` })).status, 401);
    assert.equal((await token({ grant_type: 'client_credentials' }, basic(oauthId, oauthSecret))).status, 401);
    const audit = await server.database.db.selectFrom('audit_entry').select(['before', 'after']).where('action', '=', 'identity.apiClient.revoked').execute();
    assert.equal(audit.length, 2);
    assert.ok(audit.every((a) => (a.before as { revokedAt: unknown }).revokedAt === null && typeof (a.after as { revokedAt: unknown }).revokedAt === 'string'));
  });
});

describe('API clients: the administration page in a browser (issue 3 §3)', () => {
  it('creates and revokes a client without JavaScript, and the page is accessible', async () => {
    browser = await launchBrowser();
    const cookie = { name: sessionCookieName, value: adminCookie.split('=')[1]!, url: server.url };
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.addCookies([cookie]);
    const page = await context.newPage();
    await page.goto(`${server.url}/quan-tri/ung-dung`);
    await page.getByLabel('Tên ứng dụng').fill('Cổng dữ liệu của tỉnh');
    await page.getByLabel(/OAuth 2.0 client credentials/).check();
    await page.getByRole('button', { name: 'Tạo ứng dụng' }).click();
    assert.match(await page.locator('.error-message').textContent() ?? '', /Chọn ít nhất một quyền/);
    assert.equal(await page.getByLabel('Tên ứng dụng').inputValue(), 'Cổng dữ liệu của tỉnh');
    assert.equal(await page.getByLabel(/OAuth 2.0 client credentials/).isChecked(), true);
    await page.getByLabel(/Đẩy thay đổi danh mục/).check();
    await page.getByRole('button', { name: 'Tạo ứng dụng' }).click();
    assert.equal(await page.locator('h1').textContent(), 'Đã tạo ứng dụng “Cổng dữ liệu của tỉnh”');
    assert.match(await page.locator('code.secret').textContent() ?? '', /^[A-Za-z0-9_-]{43}$/);
    await page.getByRole('link', { name: 'Về danh sách ứng dụng' }).click();
    const storageState = await context.storageState();
    assert.deepEqual(await axeViolations(browser, page.url(), { storageState }), []);
    await page.getByRole('button', { name: 'Thu hồi ứng dụng Cổng dữ liệu của tỉnh' }).click();
    assert.match(await page.locator('tr', { hasText: 'Cổng dữ liệu của tỉnh' }).textContent() ?? '', /Đã thu hồi lúc/);
    await context.close();
  });
});
