import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoPassword, httpClient, signInOfficer, type HttpClient } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let citizen: HttpClient;
let csrf = '';

before(async () => {
  server = await startTestServer();
  citizen = httpClient(server);
  await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: demoPassword });
  csrf = (await (await citizen.get('/tai-khoan')).text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
});
after(async () => { await server?.close(); });

const filing = { procedureCode: '1.004194', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99' };
const submit = (client: HttpClient, key: string | undefined, token: string | undefined, body: object = filing) => fetch(`${server.url}/api/v1/dossiers`, {
  method: 'POST',
  headers: { cookie: client.cookie(), 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}), ...(token ? { 'x-csrf-token': token } : {}) },
  body: JSON.stringify(body),
});

describe('dossier API (issue 4 §3-4: submitDossier, receiveDossier)', () => {
  it('files once per Idempotency-Key: 201, then 200 with the same dossier, even for concurrent retries', async () => {
    const first = await submit(citizen, 'api-key-0001', csrf);
    assert.equal(first.status, 201);
    const created = await first.json() as { id: string; reference: string };
    const retries = await Promise.all(Array.from({ length: 8 }, () => submit(citizen, 'api-key-0001', csrf)));
    assert.deepEqual(retries.map((r) => r.status), Array(8).fill(200));
    assert.deepEqual(new Set(await Promise.all(retries.map(async (r) => (await r.json() as { id: string }).id))), new Set([created.id]));
    const concurrent = await Promise.all(Array.from({ length: 6 }, () => submit(citizen, 'api-key-0002', csrf)));
    assert.equal(concurrent.filter((r) => r.status === 201).length, 1);
    const rows = await server.database.db.selectFrom('dossier').select('id').where('idempotency_key', 'in', ['api-key-0001', 'api-key-0002']).execute();
    assert.equal(rows.length, 2);
  });

  it('answers bad input with field-level problems in Vietnamese, and refuses without CSRF or sign-in', async () => {
    const noKey = await submit(citizen, undefined, csrf);
    assert.equal(noKey.status, 400);
    const problem = await noKey.json() as { code: string; errors: { path: string; message: string }[] };
    assert.equal(problem.code, 'validationFailed');
    assert.ok(problem.errors.some((e) => e.path === '/headers/idempotency-key'));
    const badCase = await submit(citizen, 'api-key-0003', csrf, { ...filing, caseCode: 'TH9' });
    assert.equal(badCase.status, 400);
    assert.deepEqual((await badCase.json() as { errors: { path: string; message: string }[] }).errors, [{ path: '/caseCode', message: 'Thủ tục không có trường hợp này.' }]);
    assert.equal((await submit(citizen, 'api-key-0004', undefined)).status, 403);
    const anonymous = httpClient(server);
    const anonymousToken = (await (await anonymous.get('/dang-nhap')).text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
    assert.equal((await submit(anonymous, 'api-key-0005', anonymousToken)).status, 401);
  });

  it('checks formData against the case\'s e-form, field by field, with verified values as verified (issue 4 §3)', async () => {
    const residence = { procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99' };
    const bad = await submit(citizen, 'api-eform-0001', csrf, { ...residence, formData: { fullName: 'Nguyễn Văn An', personalId: '123', email: 'x' } });
    assert.equal(bad.status, 400);
    const problem = await bad.json() as { code: string; errors: { path: string; message: string }[] };
    assert.equal(problem.code, 'validationFailed');
    const paths = problem.errors.map((e) => e.path);
    for (const path of ['/formData/personalId', '/formData/email', '/formData/birthDate', '/formData/householdHeadId']) assert.ok(paths.includes(path), path);
    assert.ok(!paths.includes('/formData/fullName'));
    assert.equal(problem.errors.find((e) => e.path === '/formData/personalId')!.message, 'Số định danh cá nhân gồm đúng 12 chữ số, in trên thẻ căn cước.');
    const good = await submit(citizen, 'api-eform-0002', csrf, { ...residence, formData: {
      fullName: 'Nguyễn Văn An', birthDate: '1990-03-15', sex: 'male', personalId: '017090012345', phone: '0912345678', householdHeadName: 'Nguyễn Văn An',
      relationToHead: 'Chủ hộ', householdHeadId: '017090012345', addressee: 'Công an phường Hòa Lâm', newAddress: 'Số 12 đường Lê Lợi', requestContent: 'Đăng ký thường trú',
    } });
    assert.equal(good.status, 201);
    const { id } = await good.json() as { id: string };
    const row = await server.database.db.selectFrom('dossier').select(['status', 'form_data']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 1);
    assert.equal((row.form_data as Record<string, unknown>)['newAddress'], 'Số 12 đường Lê Lợi');
  });

  it('lets the ward desk receive it once: code and due date, then 409', async () => {
    const { id } = await (await submit(citizen, 'api-key-0006', csrf)).json() as { id: string };
    const desk = await signInOfficer(server, 'mo.lt@demo.hoabinhxanh.vn');
    const token = (await (await desk.get('/tai-khoan')).text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
    const receive = () => fetch(`${server.url}/api/v1/dossiers/${id}/reception`, { method: 'POST', headers: { cookie: desk.cookie(), 'x-csrf-token': token } });
    const first = await receive();
    assert.equal(first.status, 200);
    const body = await first.json() as { code: string; dueAt: string };
    assert.match(body.code, /^000\.00\.41\.H99-\d{6}-\d{4}$/);
    assert.ok(new Date(body.dueAt) > new Date());
    const again = await receive();
    assert.equal(again.status, 409);
    assert.equal((await again.json() as { code: string }).code, 'transitionNotAllowed');
  });
});
