import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import { startTestServer, type TestServer } from '../../../test/support/server.ts';

let server: TestServer;
before(async () => { server = await startTestServer(); });
after(async () => { await server?.close(); });

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

describe('catalogue JSON API', () => {
  it('searchProcedures answers { items, total } with code and name, "ho khau" ranking residence first', async () => {
    const response = await get('/api/v1/procedures?q=ho%20khau');
    assert.equal(response.status, 200);
    const body = await response.json() as { items: { code: string; name: string; field: { name: string } }[]; total: number };
    assert.ok(body.total >= 2);
    assert.equal(body.items[0]!.name, 'Đăng ký thường trú');
    assert.ok(body.items.slice(0, 3).every((i) => i.field.name === 'Đăng ký, quản lý cư trú'));
    assert.match(body.items[0]!.code, /^\d\.\d{6}/);
  });

  it('getProcedure returns every published part of a procedure', async () => {
    const search = await (await get('/api/v1/procedures?q=dang%20ky%20thuong%20tru')).json() as { items: { code: string }[] };
    const response = await get(`/api/v1/procedures/${search.items[0]!.code}`);
    assert.equal(response.status, 200);
    const body = await response.json() as { definition: Record<string, unknown[]>; agencies: unknown[]; field: { name: string } };
    for (const part of ['sequence', 'channels', 'components', 'cases', 'applicantTypes', 'implementingAgencyCodes', 'legalBasis', 'results']) {
      assert.ok(body.definition[part]!.length > 0, `${part} is empty`);
    }
    assert.ok(body.agencies.length > 0);
    assert.equal(body.field.name, 'Đăng ký, quản lý cư trú');
  });

  it('shows every published part (P-02) of every published procedure on its page, none of them empty', async () => {
    const { items } = await (await get('/api/v1/procedures?pageSize=100')).json() as { items: { code: string }[] };
    assert.ok(items.length >= 60);
    const sections = ['sequence', 'methods', 'components', 'cases', 'agencies', 'results', 'requirements', 'legal-basis', 'publication'];
    for (const { code } of items) {
      const html = await (await get(`/thu-tuc/${code}`)).text();
      for (const id of sections) {
        const section = html.split(`<h2 id="${id}">`)[1]?.split('<h2')[0] ?? '';
        assert.match(section, /<\/h2>\s*<(ol|ul|p|div)[^>]*>\s*(<li>|<table|[^<\s])/, `${code}: section ${id} is missing or empty`);
      }
      assert.match(html, /Mã thủ tục<\/dt><dd>[^<]+<\/dd>/);
      assert.match(html, /Đối tượng thực hiện<\/dt><dd>[^<]+<\/dd>/);
    }
  });

  it('answers an unknown procedure with a 404 problem document', async () => {
    const response = await get('/api/v1/procedures/9.999999');
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
    const body = await response.json() as { code: string; status: number; title: string };
    assert.equal(body.code, 'procedureNotFound');
    assert.match(body.title, /9\.999999/);
  });

  it('answers bad parameters with field-level messages, in Vietnamese by default and English on request', async () => {
    const vi = await (await get('/api/v1/procedures?page=0&onlineLevel=nhanh')).json() as { errors: { path: string; message: string }[] };
    const paths = vi.errors.map((e) => e.path).sort();
    assert.deepEqual(paths, ['/querystring/onlineLevel', '/querystring/page']);
    assert.match(vi.errors.find((e) => e.path === '/querystring/page')!.message, /lớn hơn hoặc bằng 1/);
    const en = await (await get('/api/v1/procedures?page=0', { 'accept-language': 'en-GB,en;q=0.9' })).json() as { errors: { message: string }[]; title: string };
    assert.match(en.errors[0]!.message, /at least 1/);
    assert.match(en.title, /not valid/);
  });

  it('publishes a valid OpenAPI 3 document with the operation ids clients rely on', async () => {
    const document = await (await get('/api/openapi.json')).json() as { openapi: string; paths: Record<string, Record<string, { operationId?: string }>> };
    assert.match(document.openapi, /^3\./);
    await SwaggerParser.validate(structuredClone(document) as never);
    const operations = Object.values(document.paths).flatMap((p) => Object.values(p));
    assert.ok(operations.every((op) => op.operationId), 'every operation has an operationId');
    const ids = operations.map((op) => op.operationId);
    assert.ok(ids.includes('searchProcedures') && ids.includes('getProcedure'));
  });

  it('serves sitemap.xml with every published procedure and robots.txt pointing to it', async () => {
    const sitemap = await (await get('/sitemap.xml')).text();
    const count = (sitemap.match(/\/thu-tuc\/\d/g) ?? []).length;
    const total = (await (await get('/api/v1/procedures?pageSize=1')).json() as { total: number }).total;
    assert.equal(count, total);
    assert.match(await (await get('/robots.txt')).text(), /Sitemap: .*\/sitemap\.xml/);
  });

  it('downloads a blank form as a PDF and refuses a component without one', async () => {
    const detail = await (await get('/api/v1/procedures?pageSize=100')).json() as { items: { code: string }[] };
    let found: { code: string; component: string } | undefined;
    for (const item of detail.items) {
      const p = await (await get(`/api/v1/procedures/${item.code}`)).json() as { definition: { components: { code: string; form?: unknown }[] } };
      const c = p.definition.components.find((x) => x.form);
      if (c) { found = { code: item.code, component: c.code }; break; }
    }
    assert.ok(found, 'the demo catalogue has at least one blank form');
    const pdf = await get(`/thu-tuc/${found.code}/mau/${found.component}.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
    assert.equal((await get(`/thu-tuc/${found.code}/mau/KHONGCO.pdf`)).status, 404);
    assert.equal((await get(`/thu-tuc/${found.code}/mau/..%2F..%2Fetc.pdf`)).status, 400);
  });

  it('sends security headers with a CSP that forbids inline scripts', async () => {
    const response = await get('/');
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });

  it('fails safely when the database is gone: a 500 page in the portal style, a problem document, /readyz 503', async () => {
    const broken = await startTestServer();
    try {
      await broken.database.close();
      const page = await fetch(`${broken.url}/thu-tuc?q=chua+tung+tim`);
      assert.equal(page.status, 500);
      const html = await page.text();
      assert.match(html, /<h1>Đã xảy ra lỗi<\/h1>/);
      assert.match(html, /class="site-header"/);
      assert.doesNotMatch(html, /\bat .*\.ts:\d+/, 'no stack trace');
      const api = await fetch(`${broken.url}/api/v1/procedures?q=chua+tung+tim`);
      assert.equal(api.status, 500);
      const problem = await api.json() as { code: string; title: string };
      assert.equal(problem.code, 'internal');
      assert.doesNotMatch(JSON.stringify(problem), /destroyed|stack|Error:/);
      assert.equal((await fetch(`${broken.url}/readyz`)).status, 503);
    } finally {
      await broken.app.close();
    }
  });

  it('limits the request rate per client and answers 429 as a problem document', async () => {
    const limited = await startTestServer({ RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_ALLOWLIST: '' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(`${limited.url}/api/v1/procedures`)).status);
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      const body = await (await fetch(`${limited.url}/api/v1/procedures`)).json() as { code: string };
      assert.equal(body.code, 'rateLimited');
    } finally {
      await limited.close();
    }
  });
});
