import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import type { Browser } from 'playwright-core';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { demoPassword, httpClient, signInOfficer, type HttpClient } from './support/http-client.ts';
import { collapsedText, dossierOf as dossierOfServer, pdfsigAvailable, resultsOf as resultsOfServer } from './support/results.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// Issue 5 §1: a leader previews and signs a dossier's result; the signed PDF verifies independently (pdfsig); the
// public verification page, its QR token and the JWKS; revocation and replacement with a reason; the citizen's store.

let server: TestServer;
let leader: HttpClient;
let citizen: HttpClient;
let dir: string;

const dossierOf = (procedureCode: string) => dossierOfServer(server, procedureCode);
const resultsOf = (dossierId: string) => resultsOfServer(server, dossierId);
const text = collapsedText;
const decision = 'Cấp giấy xác nhận cho ông Nguyễn Văn An theo đề nghị.';

before(async () => {
  server = await startTestServer();
  dir = await mkdtemp(path.join(tmpdir(), 'opendvc-results-'));
  leader = await signInOfficer(server, 'ngoc.pt@demo.hoabinhxanh.vn');
  citizen = httpClient(server);
  const signIn = await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: demoPassword });
  assert.equal(signIn.status, 303);
});
after(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('signed results (issue 5 §1)', () => {
  let resolvedId: string;
  let first: Awaited<ReturnType<typeof resultsOf>>[number];

  it('the leader previews the result from the template, unsigned, without touching the dossier', async () => {
    resolvedId = (await dossierOf('1.001193')).id;
    const list = await text(await leader.get('/ket-qua'));
    assert.ok(list.includes(`href="/ket-qua/ho-so/${resolvedId}"`), 'the resolved dossier is on the leader\'s list');
    const page = await text(await leader.get(`/ket-qua/ho-so/${resolvedId}`));
    assert.match(page, /CN=Ủy ban nhân dân phường Hòa Lâm, O=Tỉnh Hòa Bình Xanh, C=VN/);
    const preview = await leader.post(`/ket-qua/ho-so/${resolvedId}/xem-truoc`, { title: 'Giấy xác nhận', decision }, `/ket-qua/ho-so/${resolvedId}`);
    assert.equal(preview.status, 200);
    assert.equal(preview.headers.get('content-type'), 'application/pdf');
    const bytes = Buffer.from(await preview.arrayBuffer());
    assert.ok(bytes.subarray(0, 5).equals(Buffer.from('%PDF-')));
    assert.doesNotMatch(bytes.toString('latin1'), /\/ByteRange/, 'a preview is not signed');
    assert.equal((await resultsOf(resolvedId)).length, 0);
    const empty = await leader.post(`/ket-qua/ho-so/${resolvedId}/xem-truoc`, { title: '', decision: '' }, `/ket-qua/ho-so/${resolvedId}`);
    assert.equal(empty.status, 400);
    assert.match(await text(empty), /Nhập tên văn bản kết quả/);
  });

  it('signing stores a PAdES-signed PDF that pdfsig verifies, and delivers an online dossier electronically (9 → 10)', async (t) => {
    const signed = await leader.post(`/ket-qua/ho-so/${resolvedId}`, { title: 'Giấy xác nhận', decision }, `/ket-qua/ho-so/${resolvedId}`);
    assert.equal(signed.status, 303, await signed.text());
    [first] = await resultsOf(resolvedId) as [typeof first];
    assert.ok(first);
    assert.equal(first.status, 'valid');
    assert.equal((await dossierOf('1.001193')).status, 10, 'delivered electronically');
    const actions = await server.database.db.selectFrom('dossier_action').select(['kind', 'payload']).where('dossier_id', '=', resolvedId).orderBy('seq', 'desc').limit(2).execute();
    assert.deepEqual(actions.map((a) => a.kind), ['returned', 'resultSigned']);
    const file = await server.database.db.selectFrom('dossier_file').select(['purpose', 'stored_file_id']).where('dossier_id', '=', resolvedId).where('purpose', '=', 'result').executeTakeFirstOrThrow();
    assert.equal(file.stored_file_id, first.stored_file_id);

    const download = await leader.get(`/ket-qua/ho-so/${resolvedId}/ban-ky?r=${first.id}`);
    assert.equal(download.status, 200);
    const pdf = Buffer.from(await download.arrayBuffer());
    await writeFile(path.join(dir, 'result.pdf'), pdf);
    assert.match(pdf.toString('latin1'), /\/SubFilter \/ETSI\.CAdES\.detached/);
    if (!pdfsigAvailable) {
      t.diagnostic('pdfsig (poppler-utils) is not installed: the independent pdfsig check was skipped.');
      return;
    }
    const run = spawnSync('pdfsig', [path.join(dir, 'result.pdf')], { encoding: 'utf8' });
    assert.match(run.stdout, /Signature Validation: Signature is Valid\./, run.stdout + run.stderr);
    assert.match(run.stdout, /Signer Certificate Common Name: Ủy ban nhân dân phường Hòa Lâm/);
    assert.match(run.stdout, /Total document signed/);
  });

  it('the public verification page shows issuer, signer, masked recipient and hash; the QR token and the page token verify against the JWKS', async () => {
    const anonymous = httpClient(server);
    const page = await text(await anonymous.get(`/xac-minh/${first.id}`));
    assert.match(page, /Văn bản còn hiệu lực\./);
    assert.match(page, /Ủy ban nhân dân phường Hòa Lâm \(000\.00\.41\.H99\)/);
    assert.match(page, /Nguyễn V\*\* A\*/);
    assert.match(page, /\*{6}2345/);
    assert.doesNotMatch(page, /017090012345|Nguyễn Văn An/, 'the recipient is masked');
    assert.ok(page.includes(first.sha256));

    const jwks = await (await anonymous.get('/.well-known/jwks.json')).json() as JSONWebKeySet;
    assert.ok(jwks.keys.length >= 2);
    assert.ok(jwks.keys.every((k) => !('d' in k)), 'no private parts published');
    const keySet = createLocalJWKSet(jwks);
    const offline = /id="offline-token">([^<]+)</.exec(page)?.[1];
    assert.ok(offline);
    const { payload, protectedHeader } = await jwtVerify(offline, keySet, { algorithms: ['EdDSA'] });
    assert.equal(payload['rid'], first.id);
    assert.equal(payload['sha256'], first.sha256);
    assert.equal(payload['agency'], '000.00.41.H99');
    assert.equal(payload['iat'], Math.floor(new Date(first.issued_at).getTime() / 1000));
    assert.match(protectedHeader.kid ?? '', /^000\.00\.41\.H99\./);
    // A changed claim breaks it.
    const [h, p, s] = offline.split('.') as [string, string, string];
    const forged = Buffer.from(JSON.stringify({ ...payload, sha256: '0'.repeat(64) })).toString('base64url');
    await assert.rejects(jwtVerify(`${h}.${forged}.${s}`, keySet), /signature verification failed/);
    assert.ok(p);

    // The token in the PDF's QR code (its link carries the same URL).
    const stored = await leader.get(`/ket-qua/ho-so/${resolvedId}/ban-ky?r=${first.id}`);
    const uri = /\/URI \((http[^)]+)\)/.exec(Buffer.from(await stored.arrayBuffer()).toString('latin1'))?.[1];
    assert.ok(uri?.includes(`/xac-minh/${first.id}?t=`), uri);
    const qrToken = new URL(uri!).searchParams.get('t')!;
    const qr = await jwtVerify(qrToken, keySet, { algorithms: ['EdDSA'] });
    assert.equal(qr.payload['rid'], first.id);
    assert.equal(qr.payload['to'], 'Nguyễn V** A*');
    assert.match(await text(await anonymous.get(`/xac-minh/${first.id}?t=${qrToken}`)), /Mã trong QR hợp lệ/);
    assert.match(await text(await anonymous.get(`/xac-minh/${first.id}?t=${qrToken.slice(0, -3)}abc`)), /Mã trong QR không hợp lệ/);

    assert.match(await (await anonymous.get('/xac-minh/chung-thu-so-goc.pem')).text(), /-----BEGIN CERTIFICATE-----/);
    assert.equal((await anonymous.get('/xac-minh/00000000-0000-4000-8000-000000000000')).status, 404);
  });

  it('anyone can check a PDF against the signed hash; the file is not kept', async () => {
    const anonymous = httpClient(server);
    const files = await server.database.db.selectFrom('stored_file').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const same = new FormData();
    const original = Buffer.from(await (await leader.get(`/ket-qua/ho-so/${resolvedId}/ban-ky?r=${first.id}`)).arrayBuffer());
    same.append('file', new Blob([new Uint8Array(original)], { type: 'application/pdf' }), 'ket-qua.pdf');
    assert.match(await text(await anonymous.postMultipart(`/xac-minh/${first.id}`, same, `/xac-minh/${first.id}`)), /Tệp trùng khớp với văn bản đã ký/);
    const other = new FormData();
    other.append('file', new Blob([new Uint8Array(Buffer.concat([original, Buffer.from('\n')]))], { type: 'application/pdf' }), 'sua.pdf');
    assert.match(await text(await anonymous.postMultipart(`/xac-minh/${first.id}`, other, `/xac-minh/${first.id}`)), /Tệp KHÔNG trùng khớp/);
    const after = await server.database.db.selectFrom('stored_file').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(files.n));
  });

  it('replacing links the old result to the new one; revoking shows the reason on the verification page', async () => {
    const replaced = await leader.post(`/ket-qua/ho-so/${resolvedId}/thay-the`, { resultId: first.id, reason: 'Sai năm sinh', title: 'Giấy xác nhận (đính chính)', decision }, `/ket-qua/ho-so/${resolvedId}`);
    assert.equal(replaced.status, 303, await replaced.text());
    const [, second] = await resultsOf(resolvedId);
    assert.ok(second);
    const anonymous = httpClient(server);
    const oldPage = await text(await anonymous.get(`/xac-minh/${first.id}`));
    assert.match(oldPage, /Văn bản đã được thay thế ngày .* Lý do: Sai năm sinh/);
    assert.ok(oldPage.includes(`href="/xac-minh/${second.id}"`));

    const noReason = await leader.post(`/ket-qua/ho-so/${resolvedId}/thu-hoi`, { resultId: second.id, reason: ' ' }, `/ket-qua/ho-so/${resolvedId}`);
    assert.equal(noReason.status, 400);
    const revoked = await leader.post(`/ket-qua/ho-so/${resolvedId}/thu-hoi`, { resultId: second.id, reason: 'Cấp sai đối tượng' }, `/ket-qua/ho-so/${resolvedId}`);
    assert.equal(revoked.status, 303);
    const revokedPage = await text(await anonymous.get(`/xac-minh/${second.id}`));
    assert.match(revokedPage, /Văn bản đã bị thu hồi ngày .* Lý do: Cấp sai đối tượng/);
    assert.doesNotMatch(revokedPage, /Văn bản còn hiệu lực/);
    const kinds = (await server.database.db.selectFrom('dossier_action').select('kind').where('dossier_id', '=', resolvedId).orderBy('seq').execute()).map((a) => a.kind);
    assert.deepEqual(kinds.slice(-2), ['resultReplaced', 'resultRevoked']);
    assert.equal((await dossierOf('1.001193')).status, 10, 'the status stays');
  });

  it('a dossier in processing (4) can be signed but its result not revoked until resolved', async () => {
    const processing = await dossierOf('1.004222');
    assert.equal(processing.status, 4);
    assert.equal((await leader.post(`/ket-qua/ho-so/${processing.id}`, { title: 'Giấy xác nhận thường trú', decision }, `/ket-qua/ho-so/${processing.id}`)).status, 303);
    assert.equal((await dossierOf('1.004222')).status, 4);
    const [result] = await resultsOf(processing.id);
    const refused = await leader.post(`/ket-qua/ho-so/${processing.id}/thu-hoi`, { resultId: result!.id, reason: 'Thử' }, `/ket-qua/ho-so/${processing.id}`);
    assert.equal(refused.status, 409);
    assert.equal((await resultsOf(processing.id))[0]!.status, 'valid');
  });

  it('refuses a specialist, a leader of another unit and citizens', async () => {
    const id = (await dossierOf('1.004222')).id;
    const specialist = await signInOfficer(server, 'duc.tv@demo.hoabinhxanh.vn');
    assert.equal((await specialist.get(`/ket-qua/ho-so/${id}`)).status, 403);
    const otherLeader = await signInOfficer(server, 'lan.vt@demo.hoabinhxanh.vn');
    assert.equal((await otherLeader.get(`/ket-qua/ho-so/${id}`)).status, 403);
    const before = (await resultsOf(id)).length;
    assert.equal((await otherLeader.post(`/ket-qua/ho-so/${id}`, { title: 'X', decision: 'Y' }, '/')).status, 403);
    assert.equal((await otherLeader.post(`/ket-qua/ho-so/${id}/xem-truoc`, { title: 'X', decision: 'Y' }, '/')).status, 403);
    assert.equal((await resultsOf(id)).length, before);
    assert.equal((await citizen.get(`/ket-qua/ho-so/${id}`)).status, 403);
  });

  it('the citizen\'s store lists every result issued to them, marked, and downloads only their own', async () => {
    const page = await text(await citizen.get('/ket-qua-cua-toi'));
    const results = await server.database.db.selectFrom('result_document').select(['id', 'number', 'status']).execute();
    for (const r of results) assert.ok(page.includes(r.number), `${r.number} listed`);
    assert.match(page, /Đã được thay thế/);
    assert.match(page, /Đã thu hồi/);
    const download = await citizen.get(`/ket-qua-cua-toi/${results[0]!.id}/tai-ve`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    const business = httpClient(server);
    assert.equal((await business.post('/dang-nhap', { identifier: 'ketoan@thuongmaihbx.demo.vn', password: demoPassword })).status, 303);
    assert.equal((await business.get(`/ket-qua-cua-toi/${results[0]!.id}/tai-ve`)).status, 404);
    assert.doesNotMatch(await text(await business.get('/ket-qua-cua-toi')), new RegExp(results[0]!.number.replaceAll('/', '\\/')));
  });
});

describe('accessibility of the result pages (WCAG 2.1 AA)', () => {
  let browser: Browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  it('the verification page and the result store have no axe violations', async () => {
    const [result] = await server.database.db.selectFrom('result_document').select('id').execute();
    assert.deepEqual(await axeViolations(browser, `${server.url}/xac-minh/${result!.id}`), []);
    const cookies = citizen.cookie().split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: '127.0.0.1', path: '/' };
    });
    assert.deepEqual(await axeViolations(browser, `${server.url}/ket-qua-cua-toi`, { storageState: { cookies: cookies.map((c) => ({ ...c, expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const })), origins: [] } }), []);
  });
});
