import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { Actor } from '../src/platform/context.ts';
import { toLocal } from '../src/platform/clock/local-time.ts';
import { actorForAccount } from '../src/modules/identity/actor-for-account.ts';
import { forwardDossier } from '../src/modules/dossiers/forward-dossier.ts';
import { receiveDossier } from '../src/modules/dossiers/receive-dossier.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { signInOfficer, type HttpClient } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// The work queue pages (issue 4 §2 "Assignment", §5): ward Hòa Lâm's specialist duc.tv and leader ngoc.pt.
let server: TestServer;
let leader: HttpClient;
let specialist: HttpClient;
let citizen: Actor;
let desk: Actor;
let n = 0;
const email = (name: string) => `${name}@demo.hoabinhxanh.vn`;
const accountId = async (name: string) => (await server.database.db.selectFrom('account').select('id').where('email', '=', email(name)).executeTakeFirstOrThrow()).id;
const header = (id: string) => server.database.db.selectFrom('dossier').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function atAppraisal(): Promise<{ id: string; code: string }> {
  const db = server.database.db;
  const now = new Date();
  const { id } = await submitDossier(db, citizen, now, 'vi', { procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: `work-page-${n++}` });
  await receiveDossier(db, desk, now, id);
  await forwardDossier(db, desk, now, { dossierId: id });
  return { id, code: (await header(id)).code! };
}

/** The queue's form posted as a browser posts it: several ticked checkboxes share one name. */
async function postQueueForm(client: HttpClient, fields: [string, string][]) {
  const page = await (await client.get('/xu-ly?hang=unassigned')).text();
  const token = page.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  return fetch(`${server.url}/xu-ly/phan-cong`, {
    method: 'POST', redirect: 'manual', headers: { cookie: client.cookie(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams([...fields, ['_csrf', token]]),
  });
}

before(async () => {
  server = await startTestServer();
  citizen = await actorForAccount(server.database.db, email('an.nguyen'));
  desk = await actorForAccount(server.database.db, email('mo.lt'));
  leader = await signInOfficer(server, email('ngoc.pt'));
  specialist = await signInOfficer(server, email('duc.tv'));
});
after(async () => { await server?.close(); });

describe('the work queue pages (issue 4 §2, §5)', () => {
  it('links officers to their queue and shows a leader the tabs with counts, filters and time left in words', async () => {
    const { code } = await atAppraisal();
    const html = await (await leader.get('/xu-ly?hang=unit')).text();
    assert.match(html, /<a href="\/xu-ly">Xử lý hồ sơ<\/a>/);
    for (const tab of ['Của tôi', 'Cả đơn vị', 'Chờ phân công', 'Chờ phê duyệt']) assert.match(html, new RegExp(`${tab} <span class="count">\\(\\d+\\)`));
    assert.doesNotMatch(html, /Chờ ban hành/, 'no issue tab without the clerk\'s permission');
    assert.match(html, /badge-overdue"><span aria-hidden="true">⚠ <\/span>Quá hạn/, 'the seeded late dossier, in words and icon');
    assert.match(html, new RegExp(code));
    const filtered = await (await leader.get(`/xu-ly?hang=unit&tim=${encodeURIComponent(code)}`)).text();
    assert.match(filtered, /\(1 hồ sơ\)/);
    assert.equal((filtered.match(/href="\/xu-ly\/ho-so\/[0-9a-f-]{36}"/g) ?? []).length, 1);
    const specialistHtml = await (await specialist.get('/xu-ly?hang=unit')).text();
    assert.match(specialistHtml, /Chờ nhận/);
    assert.doesNotMatch(specialistHtml, /Cả đơn vị/, 'a specialist has no unit-wide tab and falls back to "mine"');
  });

  it('assigns ticked dossiers in bulk and reports each; a specialist may not', async () => {
    const [a, b] = [await atAppraisal(), await atAppraisal()];
    const duc = await accountId('duc.tv');
    const response = await postQueueForm(leader, [['dossierId', a.id], ['dossierId', b.id], ['assigneeId', duc], ['reason', ''], ['hang', 'unassigned']]);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /Đã giao 2\/2 hồ sơ cho Trần Văn Đức\./);
    assert.equal((await header(a.id)).assignee_id, duc);
    assert.equal((await header(b.id)).assignee_id, duc);
    const mine = await (await specialist.get('/xu-ly?hang=mine')).text();
    assert.ok(mine.includes(a.code) && mine.includes(b.code));
    const refused = await postQueueForm(leader, [['assigneeId', duc]]);
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Hãy chọn ít nhất một hồ sơ để phân công\./);
    const c = await atAppraisal();
    const bySpecialist = await specialist.post('/xu-ly/phan-cong', { dossierId: c.id, assigneeId: duc }, '/xu-ly');
    assert.equal(bySpecialist.status, 403);
    assert.equal((await header(c.id)).assignee_id, null);
  });

  it('lets a specialist claim from the unit queue, refuses a second claim with the holder\'s name, and gives it back', async () => {
    const { id, code } = await atAppraisal();
    const claimed = await specialist.post(`/xu-ly/ho-so/${id}/nhan`, { hang: 'claimable' }, '/xu-ly?hang=claimable');
    assert.equal(claimed.status, 303);
    assert.equal(claimed.headers.get('location'), `/xu-ly?hang=mine&xong=claimed&ma=${encodeURIComponent(code)}`);
    assert.match(await (await specialist.get(claimed.headers.get('location')!)).text(), new RegExp(`Bạn đã nhận xử lý hồ sơ ${code}\\.`));
    const again = await specialist.post(`/xu-ly/ho-so/${id}/nhan`, { hang: 'claimable' }, '/xu-ly?hang=claimable');
    assert.equal(again.status, 409);
    assert.match(await again.text(), /Hồ sơ này đã có cán bộ Trần Văn Đức nhận xử lý/);
    const byLeader = await leader.post(`/xu-ly/ho-so/${id}/nhan`, {}, '/xu-ly');
    assert.equal(byLeader.status, 403);
    const released = await specialist.post(`/xu-ly/ho-so/${id}/tra-lai-hang-cho`, { hang: 'mine' }, '/xu-ly');
    assert.equal(released.status, 303);
    assert.equal((await header(id)).assignee_id, null);
  });

  it('records an absence with cover: the cover sees the absent officer\'s dossiers marked "thay cho", and assigning to the absent officer warns', async () => {
    const { id, code } = await atAppraisal();
    const [duc, ngoc] = [await accountId('duc.tv'), await accountId('ngoc.pt')];
    await postQueueForm(leader, [['dossierId', id], ['assigneeId', duc]]);
    const today = toLocal(new Date()).date;
    const form = await (await leader.get('/xu-ly/vang-mat')).text();
    assert.match(form, /Ghi nhận vắng mặt/);
    const agencyId = form.match(/name="agencyId" value="(\d+)"/)?.[1] ?? '';
    const refused = await leader.post('/xu-ly/vang-mat', { agencyId, officerId: duc, coveringOfficerId: duc, startsOn: today, endsOn: today, reason: 'Nghỉ ốm' }, '/xu-ly/vang-mat');
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Người xử lý thay phải là một cán bộ khác\./);
    const saved = await leader.post('/xu-ly/vang-mat', { agencyId, officerId: duc, coveringOfficerId: ngoc, startsOn: today, endsOn: today, reason: 'Nghỉ ốm' }, '/xu-ly/vang-mat');
    assert.equal(saved.status, 303);
    const list = await (await leader.get('/xu-ly/vang-mat')).text();
    assert.match(list, /Trần Văn Đức<\/th><td>Phan Thị Ngọc<\/td>/);
    assert.match(list, /Đang vắng/);
    const mine = await (await leader.get(`/xu-ly?hang=mine&tim=${encodeURIComponent(code)}`)).text();
    assert.match(mine, /Thay cho Trần Văn Đức/);
    const other = await atAppraisal();
    const warned = await (await postQueueForm(leader, [['dossierId', other.id], ['assigneeId', duc]])).text();
    assert.match(warned, /Lưu ý: Trần Văn Đức đang vắng mặt đến hết ngày/);
    assert.match(warned, /vắng mặt đến \d\d\/\d\d\/\d{4}, Phan Thị Ngọc xử lý thay/, 'the officer list marks the absent officer');
    assert.equal((await specialist.get('/xu-ly/vang-mat')).status, 403, 'a specialist does not manage absences');
    const absenceId = list.match(/name="endAbsenceId" value="(\d+)"/)?.[1] ?? '';
    assert.equal((await leader.post('/xu-ly/vang-mat', { endAbsenceId: absenceId }, '/xu-ly/vang-mat')).status, 303);
    assert.doesNotMatch(await (await leader.get(`/xu-ly?hang=mine&tim=${encodeURIComponent(code)}`)).text(), /Thay cho/);
  });

  it('passes axe on the work queue and the absences page', async () => {
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const host = new URL(server.url).hostname;
      const cookies = leader.cookie().split('; ').filter(Boolean).map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: host, path: '/', expires: -1, httpOnly: false, secure: false, sameSite: 'Lax' as const };
      });
      const storageState = { cookies, origins: [] };
      assert.deepEqual(await axeViolations(browser, `${server.url}/xu-ly?hang=unit`, { storageState }), []);
      assert.deepEqual(await axeViolations(browser, `${server.url}/xu-ly/vang-mat`, { storageState }), []);
      assert.deepEqual(await axeViolations(browser, `${server.url}/xu-ly?hang=unit`, { storageState, viewport: { width: 360, height: 740 } }), []);
    } finally {
      await browser?.close();
    }
  });
});
