import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { Actor } from '../src/platform/context.ts';
import { resolveSession } from '../src/modules/identity/resolve-session.ts';
import { startSession } from '../src/modules/identity/start-session.ts';
import { forwardDossier } from '../src/modules/dossiers/forward-dossier.ts';
import { receiveDossier } from '../src/modules/dossiers/receive-dossier.ts';
import { requestSupplement } from '../src/modules/dossiers/request-supplement.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { demoPassword, httpClient, type HttpClient } from './support/http-client.ts';
import { exeBytes, pdfBytes } from './support/sample-files.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let citizen: HttpClient;
let dossierId = '';
let reference = '';
const policy = { idleMinutes: { person: 30, officer: 15 }, absoluteHours: { person: 12, officer: 10 } };
const at = (local: string) => new Date(`${local}+07:00`);

async function actorOf(email: string, officer: boolean): Promise<Actor> {
  const db = server.database.db;
  const accountId = (await db.selectFrom('account').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const now = new Date();
  const { token } = await db.transaction().execute((trx) => startSession(trx, { accountId, officer, mfaVerified: true, ip: null, userAgent: null, now, policy }));
  return (await resolveSession(db, token, now, policy))!.actor;
}

const items = [{ name: 'Giấy tờ chứng minh chỗ ở hợp pháp', reason: 'Bản chụp bị mờ' }, { name: 'Số điện thoại của chủ hộ', reason: 'Chưa ghi' }];

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const db = server.database.db;
  const applicant = await actorOf('an.nguyen@demo.hoabinhxanh.vn', false);
  const desk = await actorOf('mo.lt@demo.hoabinhxanh.vn', true);
  const filed = await submitDossier(db, applicant, at('2026-12-04T10:00'), 'vi', { procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: 'supplement' });
  ({ id: dossierId, reference } = filed);
  await receiveDossier(db, desk, at('2026-12-04T11:00'), dossierId);
  await forwardDossier(db, desk, at('2026-12-04T11:10'), { dossierId });
  await requestSupplement(db, desk, at('2026-12-07T10:00'), 'vi', { dossierId, items });
  citizen = httpClient(server);
  assert.equal((await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: demoPassword })).status, 303);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('the applicant supplements online (issue 4 §5, DL-04, DL-05)', () => {
  it('lists each requested item with its reason and the upload limits, from the dossier page', async () => {
    const dossierPage = await (await citizen.get(`/ho-so-cua-toi/${reference}`)).text();
    assert.match(dossierPage, new RegExp(`href="/ho-so-cua-toi/${reference}/bo-sung"`));
    const page = await (await citizen.get(`/ho-so-cua-toi/${reference}/bo-sung`)).text();
    assert.match(page, /Giấy tờ chứng minh chỗ ở hợp pháp/);
    assert.match(page, /Lý do: Bản chụp bị mờ/);
    assert.match(page, /PDF, JPG, PNG/);
    assert.match(page, /enctype="multipart\/form-data"/);
    assert.deepEqual(await axeViolations(browser, `${server.url}/ho-so-cua-toi/${reference}/bo-sung`, { storageState: { cookies: cookiesOf(citizen), origins: [] } }), []);
  });

  it('refuses an unanswered item and a file of the wrong type, and leaves the dossier waiting', async () => {
    const form = new FormData();
    form.set('file0', new Blob([exeBytes]), 'giay-to.pdf');
    const refused = await citizen.postMultipart(`/ho-so-cua-toi/${reference}/bo-sung`, form, `/ho-so-cua-toi/${reference}/bo-sung`);
    assert.equal(refused.status, 415);
    assert.match(await refused.text(), /Chỉ nhận/);
    const empty = new FormData();
    empty.set('text0', '');
    const unanswered = await citizen.postMultipart(`/ho-so-cua-toi/${reference}/bo-sung`, empty, `/ho-so-cua-toi/${reference}/bo-sung`);
    assert.equal(unanswered.status, 400);
    const body = await unanswered.text();
    assert.match(body, /href="#item-0"/);
    assert.match(body, /Số điện thoại của chủ hộ/);
    const dossier = await server.database.db.selectFrom('dossier').select('status').where('id', '=', dossierId).executeTakeFirstOrThrow();
    assert.equal(dossier.status, 5);
  });

  it('takes a document for one item and a written answer for the other, resumes processing and keeps the file with the dossier', async () => {
    const form = new FormData();
    form.set('file0', new Blob([new Uint8Array(pdfBytes('So do cho o'))]), 'Hợp đồng thuê nhà.pdf');
    form.set('text1', '0912 345 678');
    const sent = await citizen.postMultipart(`/ho-so-cua-toi/${reference}/bo-sung`, form, `/ho-so-cua-toi/${reference}/bo-sung`);
    assert.equal(sent.status, 303);
    const db = server.database.db;
    const dossier = await db.selectFrom('dossier').select(['status', 'action_count']).where('id', '=', dossierId).executeTakeFirstOrThrow();
    assert.equal(dossier.status, 4, 'back in processing (DL-04)');
    const action = await db.selectFrom('dossier_action').select(['kind', 'payload', 'actor_label']).where('dossier_id', '=', dossierId).where('seq', '=', dossier.action_count).executeTakeFirstOrThrow();
    assert.equal(action.kind, 'supplemented');
    const answers = (action.payload as { answers: { name: string; text: string; files: { name: string }[] }[] }).answers;
    assert.deepEqual(answers.map((a) => [a.name, a.text, a.files.map((f) => f.name)]), [[items[0]!.name, '', ['Hợp đồng thuê nhà.pdf']], [items[1]!.name, '0912 345 678', []]]);
    const files = await db.selectFrom('dossier_file').select(['purpose', 'action_seq']).where('dossier_id', '=', dossierId).execute();
    assert.deepEqual(files, [{ purpose: 'component', action_seq: dossier.action_count }]);
    assert.equal((await citizen.get(`/ho-so-cua-toi/${reference}/bo-sung`)).status, 409, 'nothing more to supplement');
    const timeline = await (await citizen.get(`/ho-so-cua-toi/${reference}`)).text();
    assert.ok(timeline.includes(`${items[1]!.name}: 0912 345 678`), 'the written answer is on the timeline');
    assert.ok(timeline.includes(`${items[0]!.name}: (Hợp đồng thuê nhà.pdf)`), 'and the file sent for the other item');
    assert.match(timeline, /<td>Giấy tờ bổ sung<\/td><td><a href="[^"]+">Hợp đồng thuê nhà\.pdf<\/a>/, 'listed among the files as what the supplement brought');
  });

  it('is only for the dossier\'s own applicant', async () => {
    const other = httpClient(server);
    assert.equal((await other.post('/dang-nhap', { identifier: 'ketoan@thuongmaihbx.demo.vn', password: demoPassword })).status, 303);
    assert.equal((await other.get(`/ho-so-cua-toi/${reference}/bo-sung`)).status, 404);
    assert.equal((await httpClient(server).get(`/ho-so-cua-toi/${reference}/bo-sung`)).status, 303, 'signed-out visitors are sent to sign in');
  });
});

function cookiesOf(client: HttpClient) {
  return client.cookie().split('; ').filter(Boolean).map((pair) => {
    const [name, ...value] = pair.split('=');
    return { name: name!, value: value.join('='), domain: '127.0.0.1', path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const };
  });
}
