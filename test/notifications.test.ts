import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import type { Actor } from '../src/platform/context.ts';
import { actorForAccount } from '../src/modules/identity/actor-for-account.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { receiveDossier } from '../src/modules/dossiers/receive-dossier.ts';
import { forwardDossier } from '../src/modules/dossiers/forward-dossier.ts';
import { extendDueDate } from '../src/modules/dossiers/extend-due-date.ts';
import { dossierNoticeHandler } from '../src/modules/dossiers/store-dossier-notice.ts';
import { notificationEmailHandler } from '../src/modules/notifications/notification-email.ts';
import { warnDueDossiers, type Warning } from '../src/modules/notifications/warn-due-dossiers.ts';
import { createFileStore } from '../src/platform/files/create-file-store.ts';
import { createMailSender } from '../src/platform/mail/mail-transport.ts';
import { deliverOutbox } from '../src/platform/outbox/deliver-outbox.ts';
import { createOutboxHandlers } from '../src/platform/outbox/outbox-handlers.ts';
import { logSmsSender } from '../src/platform/outbox/sms-sender.ts';
import { notificationSmsHandler } from '../src/modules/notifications/notification-sms.ts';
import { axeViolations } from './support/accessibility.ts';
import { launchBrowser } from './support/browser.ts';
import { demoPassword, httpClient, signInOfficer, type HttpClient } from './support/http-client.ts';
import { startSmtpServer, type TestSmtpServer } from './support/smtp.ts';
import { startTestServer, type TestServer } from './support/server.ts';

let server: TestServer;
let smtp: TestSmtpServer;
let browser: Browser;
let citizen: HttpClient;
let business: HttpClient;
let desk: HttpClient;
let leader: HttpClient;
let citizenActor: Actor;
const citizenEmail = 'an.nguyen@demo.hoabinhxanh.vn';
const at = (local: string) => new Date(`${local}+07:00`);
const db = () => server.database.db;

/** The worker's outbox round, as `serve` runs it: every due message, until none is left. */
async function deliver(now = new Date(Date.now() + 1000)) {
  const mail = createMailSender({ smtpUrl: smtp.url, from: 'no-reply@example.vn', log: { info: () => undefined } });
  // SMS are not what these tests look at: the log stand-in the demo used before a gateway existed takes them.
  const sms = logSmsSender({ info: () => undefined });
  const handlers = createOutboxHandlers({ mail, sms }, {
    notificationEmail: notificationEmailHandler({ mail, publicUrl: server.config.publicUrl }),
    notificationSms: notificationSmsHandler({ sms, publicUrl: server.config.publicUrl }),
    dossierNotice: dossierNoticeHandler({ db: db(), files: createFileStore(server.config), publicUrl: server.config.publicUrl, now: () => now }),
  });
  let total = 0;
  for (let round = 0; round < 20; round++) {
    const result = await deliverOutbox(db(), handlers, now);
    assert.equal(result.retried + result.dead, 0, 'every message delivered');
    total += result.sent;
    if (result.sent === 0) break;
  }
  return total;
}

async function signIn(email: string): Promise<HttpClient> {
  const client = httpClient(server);
  const response = await client.post('/dang-nhap', { identifier: email, password: demoPassword });
  assert.equal(response.status, 303);
  return client;
}

const unreadBadge = (html: string) => html.match(/<span class="inbox-count">(\d+)<\/span>/)?.[1];
const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
const accountId = async (email: string) => (await db().selectFrom('account').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
let filed = 0;
const fileDossier = async (when = new Date()) => {
  const { id, reference } = await submitDossier(db(), citizenActor, when, 'vi', {
    procedureCode: '1.004222', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99', formData: {}, idempotencyKey: `notify-${filed++}`,
  });
  return { id, reference };
};
const sha256 = async (response: Response) => createHash('sha256').update(Buffer.from(await response.arrayBuffer())).digest('hex');

before(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer();
  browser = await launchBrowser();
  citizenActor = await actorForAccount(db(), citizenEmail);
  citizen = await signIn(citizenEmail);
  business = await signIn('ketoan@thuongmaihbx.demo.vn');
  desk = await signInOfficer(server, 'mo.lt@demo.hoabinhxanh.vn');
  leader = await signInOfficer(server, 'ngoc.pt@demo.hoabinhxanh.vn');
});
after(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

describe('status changes reach the applicant (issue 4 §5, ST-01, ST-02)', () => {
  let dossier: { id: string; reference: string };
  let code: string;

  it('tells the citizen in-app and by e-mail when the dossier is received: count in the header, the inbox, marking read', async () => {
    // The demo's own history fills the inbox first: read it all, and the header shows no count.
    assert.equal((await citizen.post('/thong-bao/da-doc', { all: '1' }, '/thong-bao')).status, 303);
    assert.equal(unreadBadge(await (await citizen.get('/ho-so-cua-toi')).text()), undefined);

    dossier = await fileDossier();
    const received = await desk.post(`/mot-cua/ho-so/${dossier.id}/tiep-nhan`, {}, `/mot-cua/ho-so/${dossier.id}`);
    assert.equal(received.status, 303);
    code = (await db().selectFrom('dossier').select('code').where('id', '=', dossier.id).executeTakeFirstOrThrow()).code!;

    // Submission (status 1 "Mới đăng ký") and reception: two unread, on every page.
    assert.equal(unreadBadge(await (await citizen.get('/')).text()), '2');
    const inbox = await (await citizen.get('/thong-bao')).text();
    assert.match(inbox, /Bạn có 2 thông báo chưa đọc\./);
    assert.ok(inbox.includes(`Hồ sơ ${code} đã được tiếp nhận`));
    assert.ok(inbox.includes(`Hồ sơ ${dossier.reference} đã được gửi thành công`));
    assert.match(inbox, /Trạng thái: Mới đăng ký/);
    assert.match(inbox, /Ngày hẹn trả kết quả: \d\d:\d\d \d\d\/\d\d\/\d{4}/);
    assert.ok(inbox.includes(`href="/ho-so-cua-toi/${dossier.reference}"`));

    const sent = await deliver();
    assert.ok(sent >= 2);
    const mail = mailsTo(citizenEmail).find((m) => m.subject === `Hồ sơ ${code} đã được tiếp nhận`);
    assert.ok(mail, 'the reception e-mail, subject in Vietnamese with its diacritics');
    assert.match(mail.text, /Kính gửi Ông\/Bà Nguyễn Văn An,/);
    assert.match(mail.text, /Trạng thái: Được tiếp nhận/);
    assert.ok(mail.text.includes(`Xem chi tiết hồ sơ: ${server.config.publicUrl}/ho-so-cua-toi/${dossier.reference}`));
    // A replayed delivery sends nothing twice: the outbox key is the dossier and the action's seq.
    const count = mailsTo(citizenEmail).length;
    assert.equal(await deliver(), 0);
    assert.equal(mailsTo(citizenEmail).length, count);

    const [first] = await db().selectFrom('notification').select('id').where('account_id', '=', await accountId(citizenEmail))
      .where('read_at', 'is', null).orderBy('id').execute();
    assert.equal((await citizen.post('/thong-bao/da-doc', { id: String(first!.id) }, '/thong-bao')).headers.get('location'), '/thong-bao');
    assert.equal(unreadBadge(await (await citizen.get('/thong-bao')).text()), '1');
  });

  it('gives the reason of a refusal, in the inbox and the e-mail', async () => {
    const refused = await fileDossier();
    const reason = 'Không thuộc thẩm quyền của phường Hòa Lâm: nơi thường trú ở xã Tân Lạc.';
    assert.equal((await desk.post(`/mot-cua/ho-so/${refused.id}/tu-choi`, { reason }, `/mot-cua/ho-so/${refused.id}`)).status, 303);
    const inbox = await (await citizen.get('/thong-bao')).text();
    assert.ok(inbox.includes(`Hồ sơ ${refused.reference} không được tiếp nhận`));
    assert.ok(inbox.includes(`Lý do: ${reason}`));
    await deliver();
    const mail = mailsTo(citizenEmail).find((m) => m.subject === `Hồ sơ ${refused.reference} không được tiếp nhận`);
    assert.ok(mail?.text.includes(`Lý do: ${reason}`));
  });

  it('never shows one person\'s notifications to another, nor lets them mark them read', async () => {
    const other = await (await business.get('/thong-bao')).text();
    assert.ok(!other.includes(dossier.reference));
    assert.ok(!other.includes(code));
    const mine = await db().selectFrom('notification').select('id').where('account_id', '=', await accountId(citizenEmail)).where('read_at', 'is', null).execute();
    assert.ok(mine.length > 0);
    for (const n of mine) assert.equal((await business.post('/thong-bao/da-doc', { id: String(n.id) }, '/thong-bao')).status, 303);
    const still = await db().selectFrom('notification').select('id').where('id', 'in', mine.map((n) => n.id)).where('read_at', 'is', null).execute();
    assert.equal(still.length, mine.length);
    // Signed out, there is no inbox at all.
    const anonymous = await httpClient(server).get('/thong-bao');
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location') ?? '', /^\/dang-nhap/);
  });

  it('stores the receipt with the dossier: listed on its page, the same bytes on every download, for the applicant and the desk', async () => {
    const stored = await db().selectFrom('dossier_file as df').innerJoin('stored_file as f', 'f.id', 'df.stored_file_id')
      .select(['df.action_seq', 'f.sha256', 'f.media_type']).where('df.dossier_id', '=', dossier.id).where('df.purpose', '=', 'notice').execute();
    assert.deepEqual(stored.map((s) => [s.action_seq, s.media_type]), [[2, 'application/pdf']]);
    const page = await (await citizen.get(`/ho-so-cua-toi/${dossier.reference}`)).text();
    assert.match(page, /Phiếu, thông báo đã phát hành/);
    assert.ok(page.includes(`href="/ho-so-cua-toi/${dossier.reference}/phieu/2">giay-tiep-nhan-${code}-2.pdf</a>`));
    const first = await citizen.get(`/ho-so-cua-toi/${dossier.reference}/phieu/2`);
    assert.equal(first.headers.get('content-type'), 'application/pdf');
    const downloads = [await sha256(first), await sha256(await citizen.get(`/ho-so-cua-toi/${dossier.reference}/phieu/2`)),
      await sha256(await desk.get(`/mot-cua/ho-so/${dossier.id}/phieu/2`))];
    assert.deepEqual(downloads, [stored[0]!.sha256, stored[0]!.sha256, stored[0]!.sha256]);
    // Someone else's dossier answers "not found", stored copy or not.
    assert.equal((await business.get(`/ho-so-cua-toi/${dossier.reference}/phieu/2`)).status, 404);
  });

  it('issues the stop notice too: linked on the timeline and downloadable as a PDF (DL-11)', async () => {
    const stop = await db().selectFrom('dossier_action as a').innerJoin('dossier as d', 'd.id', 'a.dossier_id')
      .select(['d.id', 'd.reference', 'a.seq']).where('a.kind', '=', 'stopped').where('d.applicant_account_id', '=', await accountId(citizenEmail)).executeTakeFirstOrThrow();
    const page = await (await citizen.get(`/ho-so-cua-toi/${stop.reference}`)).text();
    assert.ok(page.includes(`href="/ho-so-cua-toi/${stop.reference}/phieu/${stop.seq}">Thông báo dừng giải quyết hồ sơ (PDF)</a>`));
    const pdf = await citizen.get(`/ho-so-cua-toi/${stop.reference}/phieu/${stop.seq}`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.match(pdf.headers.get('content-disposition') ?? '', /thong-bao-dung-xu-ly-/);
  });

  it('sends the notices the law requires whatever the channels chosen, and the others only by the chosen channels', async () => {
    assert.equal((await citizen.post('/tai-khoan/thong-bao', {})).status, 303); // e-mail unticked: in-app only
    const deskActor = await actorForAccount(db(), 'mo.lt@demo.hoabinhxanh.vn');
    const { id } = await fileDossier();
    await receiveDossier(db(), deskActor, new Date(), id);
    await forwardDossier(db(), deskActor, new Date(), { dossierId: id });
    const emailed = async (seq: number) => Boolean(await db().selectFrom('outbox_message').select('id').where('idempotency_key', '=', `dossier:${id}:${seq}:email`).executeTakeFirst());
    const inApp = async (seq: number) => Boolean(await db().selectFrom('notification').select('id').where('dedup_key', 'like', `dossier:${id}:${seq}:%`).executeTakeFirst());
    assert.deepEqual([await emailed(1), await inApp(1)], [false, true], 'submission: optional, in-app only');
    assert.deepEqual([await emailed(2), await inApp(2)], [true, true], 'receipt: mandatory, e-mailed anyway');
    assert.deepEqual([await emailed(3), await inApp(3)], [false, true], 'in processing: optional');
    assert.equal((await citizen.post('/tai-khoan/thong-bao', { channels: 'email' })).status, 303);
  });

  it('passes axe on the inbox', async () => {
    const url = new URL(server.url);
    const cookies = citizen.cookie().split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: url.hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const };
    });
    assert.deepEqual(await axeViolations(browser, `${server.url}/thong-bao`, { storageState: { cookies, origins: [] } }), []);
  });
});

describe('due-soon and overdue warnings (issue 4 §6, DL-08)', () => {
  const dossierWarnings = (warnings: Warning[], id: string) => warnings.filter((w) => w.dossierId === id && w.scope === 'dossier').map((w) => w.level);

  it('warns the step holders and the leader once when due soon, once when overdue, and again after an extension', async () => {
    const deskActor = await actorForAccount(db(), 'mo.lt@demo.hoabinhxanh.vn');
    const leaderActor = await actorForAccount(db(), 'ngoc.pt@demo.hoabinhxanh.vn');
    const { id } = await fileDossier(at('2026-12-07T08:00'));
    await receiveDossier(db(), deskActor, at('2026-12-07T09:00'), id);
    await forwardDossier(db(), deskActor, at('2026-12-07T09:05'), { dossierId: id });
    const header = await db().selectFrom('dossier').select(['due_at', 'code']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(header.due_at?.toISOString(), at('2026-12-16T09:00').toISOString());

    // More than one working day before the due date: nothing. Within it: due soon, once.
    assert.deepEqual(dossierWarnings(await warnDueDossiers(db(), at('2026-12-15T08:00')), id), []);
    const soon = (await warnDueDossiers(db(), at('2026-12-15T10:00'))).find((w) => w.dossierId === id && w.scope === 'dossier');
    assert.equal(soon?.level, 'dueSoon');
    const [specialist, leaderId] = [await accountId('duc.tv@demo.hoabinhxanh.vn'), await accountId('ngoc.pt@demo.hoabinhxanh.vn')];
    assert.ok(soon.recipients.includes(specialist), 'the specialists of the unassigned handling step');
    assert.ok(soon.recipients.includes(leaderId), 'the leader of the unit');
    assert.ok(!soon.recipients.includes(await accountId('mo.lt@demo.hoabinhxanh.vn')), 'not the desk, whose step is done');
    assert.deepEqual(dossierWarnings(await warnDueDossiers(db(), at('2026-12-15T10:15')), id), []);

    // The leader apologises and sets a new date: that due date is warned of in its turn.
    await extendDueDate(db(), leaderActor, at('2026-12-15T11:00'), 'vi', { dossierId: id, newDueAt: at('2026-12-21T09:00'), reason: 'Cần xác minh thêm tại địa phương.' });
    assert.deepEqual(dossierWarnings(await warnDueDossiers(db(), at('2026-12-15T11:15')), id), []);
    assert.deepEqual(dossierWarnings(await warnDueDossiers(db(), at('2026-12-18T10:00')), id), ['dueSoon']);
    assert.deepEqual(dossierWarnings(await warnDueDossiers(db(), at('2026-12-21T10:00')), id), ['overdue']);
    assert.deepEqual(dossierWarnings(await warnDueDossiers(db(), at('2026-12-21T10:15')), id), []);

    const inbox = await (await leader.get('/thong-bao')).text();
    assert.ok(inbox.includes(`Hồ sơ ${header.code} sắp đến hạn trả kết quả`));
    assert.ok(inbox.includes(`Hồ sơ ${header.code} đã quá hạn trả kết quả`));
    assert.ok(inbox.includes(`href="/xu-ly/ho-so/${id}"`));
    const specialistTitles = (await db().selectFrom('notification').select('title').where('account_id', '=', specialist).where('dossier_id', '=', id).execute()).map((n) => n.title);
    assert.equal(specialistTitles.filter((t) => t === `Hồ sơ ${header.code} sắp đến hạn trả kết quả`).length, 2, 'once per due date');
    assert.equal(specialistTitles.filter((t) => t === `Hồ sơ ${header.code} đã quá hạn trả kết quả`).length, 1);

    await deliver(at('2027-01-04T08:00'));
    assert.ok(mailsTo('ngoc.pt@demo.hoabinhxanh.vn').some((m) => m.subject === `Hồ sơ ${header.code} đã quá hạn trả kết quả`));
    // The citizen was told of the apology and the new appointment, with its reason.
    assert.ok(mailsTo(citizenEmail).some((m) => m.subject === `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${header.code}` && m.text.includes('Lý do: Cần xác minh thêm tại địa phương.')));
  });
});
