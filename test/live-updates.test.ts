import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { actorForAccount } from '../src/modules/identity/actor-for-account.ts';
import { submitDossier } from '../src/modules/dossiers/submit-dossier.ts';
import { demoPassword, httpClient, signInOfficer, type HttpClient } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { openSse, type SseEvent, type SseStream } from './support/sse-client.ts';

// Issue 5 §3 (P-05, G-07): the pages the citizen and officers have open hear of dossier changes by Server-Sent Events.
let server: TestServer | undefined;
let citizen: HttpClient;
let business: HttpClient;
let desk: HttpClient;
let specialist: HttpClient;
let otherUnit: HttpClient;
const streams: SseStream[] = [];
const live = () => server!;
const db = () => live().database.db;

async function signIn(email: string): Promise<HttpClient> {
  const client = httpClient(live());
  assert.equal((await client.post('/dang-nhap', { identifier: email, password: demoPassword })).status, 303);
  return client;
}
async function open(client: HttpClient | undefined, path = '/su-kien'): Promise<SseStream> {
  const stream = await openSse(live(), client, path);
  streams.push(stream);
  return stream;
}
const data = (event: SseEvent) => JSON.parse(event.data) as { dossierId: string; seq: number; kind: string; status: number; message: string };
const of = (dossierId: string) => (event: SseEvent) => event.event === 'dossier' && data(event).dossierId === dossierId;
const seqsOf = (stream: SseStream, dossierId: string) => stream.events.filter(of(dossierId)).map((e) => data(e).seq);
let filed = 0;
async function file(email: string, procedureCode: string, receivingAgencyCode: string) {
  const actor = await actorForAccount(db(), email);
  return submitDossier(db(), actor, new Date(), 'vi', { procedureCode, caseCode: 'TH1', receivingAgencyCode, formData: {}, idempotencyKey: `live-${filed++}` });
}

before(async () => {
  // A one-second heartbeat, so that a stream's session check happens within the test.
  server = await startTestServer({ LIVE_UPDATES_HEARTBEAT_SECONDS: '1' });
  citizen = await signIn('an.nguyen@demo.hoabinhxanh.vn');
  business = await signIn('ketoan@thuongmaihbx.demo.vn');
  desk = await signInOfficer(live(), 'mo.lt@demo.hoabinhxanh.vn'); // one-stop desk of ward 000.00.41.H99
  specialist = await signInOfficer(live(), 'duc.tv@demo.hoabinhxanh.vn'); // specialist of the same ward
  otherUnit = await signInOfficer(live(), 'thu.pt@demo.hoabinhxanh.vn'); // desk of the provincial service centre
});
after(async () => {
  for (const stream of streams) stream.close();
  await server?.close();
});

// A missing event fails the test by its time limit rather than hanging the run.
describe('live updates of dossiers by Server-Sent Events (issue 5 §3)', { timeout: 60_000 }, () => {
  let dossier: { id: string; reference: string };
  let citizenAll: SseStream;
  let citizenOne: SseStream;
  let businessStream: SseStream;
  let deskStream: SseStream;
  let otherStream: SseStream;

  it('opens a stream only for a signed-in person or officer, and narrows it only to a dossier they may read', async () => {
    dossier = await file('an.nguyen@demo.hoabinhxanh.vn', '1.004222', '000.00.41.H99');
    citizenAll = await open(citizen);
    assert.equal(citizenAll.status, 200);
    assert.match(String(citizenAll.headers['content-type']), /^text\/event-stream/);
    assert.match(String(citizenAll.headers['cache-control']), /no-cache/);
    assert.equal(citizenAll.headers['x-accel-buffering'], 'no');
    citizenOne = await open(citizen, `/su-kien?ho-so=${dossier.reference}`);
    assert.equal(citizenOne.status, 200);
    businessStream = await open(business);
    deskStream = await open(desk);
    otherStream = await open(otherUnit);
    assert.deepEqual([businessStream.status, deskStream.status, otherStream.status], [200, 200, 200]);
    assert.match(citizenAll.text(), /^retry: \d+\n/, 'the reconnection delay comes first');

    const refused = await Promise.all([open(business, `/su-kien?ho-so=${dossier.reference}`), open(otherUnit, `/su-kien?ho-so=${dossier.id}`), open(undefined)]);
    assert.deepEqual(refused.map((s) => s.status), [404, 404, 303], 'someone else\'s dossier is unknown; the anonymous go to sign in');
    assert.equal((await open(desk, `/su-kien?ho-so=${dossier.id}`)).status, 200, 'the unit\'s desk may narrow to it by id');
  });

  it('puts the live region and its script on the applicant\'s dossier page, the processing page and both queues', async () => {
    const streamOf = async (client: HttpClient, path: string) => {
      const html = await (await client.get(path)).text();
      assert.match(html, /<script src="\/assets\/live-updates\.js" defer><\/script>/, path);
      return html.match(/<div class="live-updates" role="status" aria-live="polite" data-live-stream="([^"]+)"/)?.[1];
    };
    assert.equal(await streamOf(citizen, `/ho-so-cua-toi/${dossier.reference}`), `/su-kien?ho-so=${dossier.reference}`);
    assert.equal(await streamOf(desk, `/xu-ly/ho-so/${dossier.id}`), `/su-kien?ho-so=${dossier.id}`);
    assert.equal(await streamOf(desk, '/xu-ly'), '/su-kien');
    assert.equal(await streamOf(desk, '/mot-cua/ho-so'), '/su-kien');
  });

  it('an SSE client receives the status change within a second of the officer\'s action (the issue\'s test)', async () => {
    const response = await desk.post(`/mot-cua/ho-so/${dossier.id}/tiep-nhan`, {}, `/mot-cua/ho-so/${dossier.id}`);
    assert.equal(response.status, 303);
    const answeredAt = Date.now();
    const event = await citizenAll.next((e) => of(dossier.id)(e) && data(e).seq === 2, 'the reception event');
    // NOTIFY is delivered on commit, before the response is sent: the event may even arrive first.
    assert.ok(event.receivedAt - answeredAt < 1000, `received ${event.receivedAt - answeredAt} ms after the response`);
    const { code } = await db().selectFrom('dossier').select('code').where('id', '=', dossier.id).executeTakeFirstOrThrow();
    assert.equal(event.id, `${dossier.id}:2`);
    assert.deepEqual({ ...data(event), message: undefined }, { dossierId: dossier.id, reference: dossier.reference, code, seq: 2, kind: 'received', status: 2, message: undefined });
    assert.equal(data(event).message, `Hồ sơ ${code} vừa chuyển sang trạng thái “Được tiếp nhận”.`);
    const unread = await citizenAll.next((e) => e.event === 'unread', 'the unread count');
    assert.ok((JSON.parse(unread.data) as { count: number }).count >= 1, 'the header badge counts the new notification');
    assert.equal(data(await citizenOne.next(of(dossier.id), 'the event on the narrowed stream')).seq, 2);
    assert.equal(data(await deskStream.next(of(dossier.id), 'the event on the desk\'s stream')).seq, 2);
  });

  it('sends the unit\'s internal notes to its officers and never to the applicant', async () => {
    const act = (client: HttpClient, path: string, fields: Record<string, string>) => client.post(`/xu-ly/ho-so/${dossier.id}/${path}`, fields, `/xu-ly/ho-so/${dossier.id}`);
    assert.equal((await desk.post(`/mot-cua/ho-so/${dossier.id}/chuyen-xu-ly`, {}, `/mot-cua/ho-so/${dossier.id}`)).status, 303);
    assert.equal((await act(specialist, 'ghi-chu', { note: 'Đã gọi điện xác minh với tổ dân phố' })).status, 303);
    assert.equal((await act(specialist, 'yeu-cau-bo-sung', { item0: 'Hợp đồng thuê nhà', reason0: 'Bản chụp mờ' })).status, 303);

    assert.equal(data(await deskStream.next((e) => of(dossier.id)(e) && data(e).kind === 'noted', 'the note on the desk\'s stream')).seq, 4);
    const supplement = await citizenAll.next((e) => of(dossier.id)(e) && data(e).seq === 5, 'the supplement request');
    assert.equal(data(supplement).status, 5);
    assert.match(data(supplement).message, /vừa chuyển sang trạng thái “Yêu cầu bổ sung giấy tờ”/);
    // One listener delivers in commit order: had the note (seq 4) gone to the applicant, it would be here already.
    assert.deepEqual(seqsOf(citizenAll, dossier.id), [2, 3, 5]);
    assert.deepEqual(seqsOf(await citizenOne.next((e) => of(dossier.id)(e) && data(e).seq === 5).then(() => citizenOne), dossier.id), [2, 3, 5]);
  });

  it('gives another person and an officer of another unit nothing of the dossier', async () => {
    // The markers: a dossier the business files with a provincial department, received at the service centre's
    // desk, where thu.pt works. Everything sent before it on their streams has arrived once it has.
    const marker = await file('ketoan@thuongmaihbx.demo.vn', '1.012820', '000.00.05.H99');
    await businessStream.next(of(marker.id), 'the business\'s own dossier');
    await otherStream.next(of(marker.id), 'the service centre\'s dossier');
    assert.deepEqual(seqsOf(businessStream, dossier.id), [], 'another person\'s stream');
    assert.deepEqual(seqsOf(otherStream, dossier.id), [], 'another unit\'s officer');
    const mine = await file('an.nguyen@demo.hoabinhxanh.vn', '1.004222', '000.00.41.H99');
    await citizenAll.next(of(mine.id), 'the citizen\'s second dossier');
    assert.deepEqual(seqsOf(citizenAll, marker.id), [], 'the citizen hears nothing of the business\'s dossier');
    assert.deepEqual(seqsOf(deskStream, marker.id), [], 'nor the ward\'s desk of the province\'s');
  });

  it('allows a few streams per session and frees a place when a page goes away', async () => {
    // Two open already (citizenAll, citizenOne): three more make five.
    const more = await Promise.all([open(citizen), open(citizen), open(citizen)]);
    assert.deepEqual(more.map((s) => s.status), [200, 200, 200]);
    assert.equal((await open(citizen)).status, 429);
    more[0]!.close();
    let again: SseStream | undefined;
    for (let attempt = 0; attempt < 100 && again?.status !== 200; attempt++) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 20));
      again = await open(citizen);
    }
    assert.equal(again?.status, 200, 'the closed stream\'s place is free again');
  });

  it('keeps the stream alive with comments and ends it once its session is signed out', { timeout: 15_000 }, async () => {
    const reader = await signIn('an.nguyen@demo.hoabinhxanh.vn');
    const stream = await open(reader);
    assert.equal(stream.status, 200);
    assert.equal((await reader.post('/dang-xuat', {}, '/tai-khoan')).status, 303);
    await stream.ended; // at the next heartbeat (1 s here), which finds the session gone
    assert.match(stream.text(), /\n: ping\n/, 'the heartbeat is a comment, not an event');
  });

  it('ends every open stream when the app closes, so shutdown does not wait for them', async () => {
    const closing = live().close();
    server = undefined;
    await closing;
    await Promise.all([citizenAll.ended, deskStream.ended, otherStream.ended]);
  });
});
