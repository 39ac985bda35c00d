import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSmsSimulator, type RunningSmsSimulator } from '../../dev/sms-simulator.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { createMailSender } from '../mail/mail-transport.ts';
import { deliverOutbox } from '../outbox/deliver-outbox.ts';
import { enqueueSms } from '../outbox/enqueue-sms.ts';
import { createOutboxHandlers } from '../outbox/outbox-handlers.ts';
import { findOutboxMessageByKey } from '../outbox/repository.ts';
import { brandnameSmsGateway, type BrandnameGatewaySettings } from './brandname-sms-gateway.ts';
import { fitSmsSegments } from './fit-sms-segments.ts';
import { countSmsSegments, plainSmsText } from './sms-text.ts';

// Issue 5 §3 (P-05, G-07): the brandname SMS adapter against the bundled simulator, both real HTTP.
const account = { apiKey: 'api-key-test', secretKey: 'secret-key-test', brandnames: ['HOABINHXANH'] };
let sim: RunningSmsSimulator;
let settings: BrandnameGatewaySettings;

before(async () => {
  sim = await startSmsSimulator({ port: 0, account });
  settings = { url: sim.sendUrl, apiKey: account.apiKey, secretKey: account.secretKey, brandname: 'HOABINHXANH', unicode: false, maxSegments: 3 };
});
after(async () => { await sim?.close(); });

const received = (requestId: string) => sim.messages.filter((m) => m.requestId === requestId);
const longNotice = 'Hồ sơ số 000.00.41.H99-260302-0001 của ông Nguyễn Văn An về thủ tục Đăng ký thường trú đã được tiếp nhận. '.repeat(8);

describe('brandname SMS gateway adapter ↔ simulator (issue 5 §3)', () => {
  it('sends a message: the simulator keeps it under its RequestId, folded to plain text', async () => {
    await brandnameSmsGateway(settings).send({ to: '0912345678', text: 'Mã xác minh của bạn: 493021' }, { idempotencyKey: 'verify-sms:one' });
    const [sms] = received('verify-sms:one');
    assert.ok(sms);
    assert.deepEqual([sms.phone, sms.brandname, sms.content, sms.encoding, sms.segments, sms.isUnicode], ['0912345678', 'HOABINHXANH', 'Ma xac minh cua ban: 493021', 'GSM-7', 1, false]);
  });

  it('throws a permanent error on a wrong key, and nothing is sent', async () => {
    const before = sim.messages.length;
    await assert.rejects(brandnameSmsGateway({ ...settings, secretKey: 'wrong' }).send({ to: '0912345678', text: 'x' }, { idempotencyKey: 'wrong-key' }),
      (error: Error) => /permanent/.test(error.message) && /101/.test(error.message) && !error.message.includes('0912345678'));
    assert.equal(sim.messages.length, before);
  });

  it('throws a permanent error on a number that is not a Vietnamese mobile, or an unregistered brandname', async () => {
    await assert.rejects(brandnameSmsGateway(settings).send({ to: '0241234567', text: 'x' }, { idempotencyKey: 'landline' }), /permanent.*108/);
    await assert.rejects(brandnameSmsGateway({ ...settings, brandname: 'OTHER' }).send({ to: '0912345678', text: 'x' }, { idempotencyKey: 'brand' }), /permanent.*104/);
  });

  it('throws a transient error on HTTP 500, on a gateway out of balance, and when the gateway cannot be reached; a later try goes through', async () => {
    sim.failNext(2, 'http500');
    const gateway = brandnameSmsGateway(settings);
    await assert.rejects(gateway.send({ to: '0987654321', text: 'Thử lại' }, { idempotencyKey: 'flaky' }), /transient.*HTTP 500/);
    await assert.rejects(gateway.send({ to: '0987654321', text: 'Thử lại' }, { idempotencyKey: 'flaky' }), /transient.*HTTP 500/);
    sim.failNext(1, '103');
    await assert.rejects(gateway.send({ to: '0987654321', text: 'Thử lại' }, { idempotencyKey: 'flaky' }), /transient.*103/);
    assert.equal(received('flaky').length, 0);
    await gateway.send({ to: '0987654321', text: 'Thử lại' }, { idempotencyKey: 'flaky' });
    assert.equal(received('flaky').length, 1);
    const gone = await startSmsSimulator({ port: 0, account });
    await gone.close();
    await assert.rejects(brandnameSmsGateway({ ...settings, url: gone.sendUrl }).send({ to: '0987654321', text: 'x' }, { idempotencyKey: 'gone' }), /transient.*cannot reach/);
  });

  it('never sends twice under one idempotency key: the repeat is answered "duplicate" and counts as sent', async () => {
    const gateway = brandnameSmsGateway(settings);
    const callsBefore = sim.calls();
    await gateway.send({ to: '0333444555', text: 'Một lần thôi' }, { idempotencyKey: 'once:only' });
    await gateway.send({ to: '0333444555', text: 'Một lần thôi' }, { idempotencyKey: 'once:only' });
    assert.equal(sim.calls() - callsBefore, 2, 'both attempts reached the gateway');
    assert.equal(received('once:only').length, 1);
    // A key longer than the gateway's 50 characters travels as a stable digest.
    const longKey = `password-reset:${'x'.repeat(60)}`;
    await gateway.send({ to: '0333444555', text: 'Dài' }, { idempotencyKey: longKey });
    await gateway.send({ to: '0333444555', text: 'Dài' }, { idempotencyKey: longKey });
    const digested = sim.messages.filter((m) => m.content === 'Dai');
    assert.equal(digested.length, 1);
    assert.ok(digested[0]!.requestId!.length <= 50);
  });

  it('delivers a long Vietnamese text folded to plain text, cut at a word boundary with "..." within SMS_MAX_SEGMENTS', async () => {
    await brandnameSmsGateway(settings).send({ to: '0912000111', text: longNotice }, { idempotencyKey: 'long:plain' });
    const [sms] = received('long:plain');
    assert.ok(sms);
    assert.equal(sms.encoding, 'GSM-7');
    assert.ok(sms.segments <= 3 && sms.segments >= 2, `segments: ${sms.segments}`);
    assert.doesNotMatch(sms.content, /[^\x20-\x7E]/, 'no diacritics');
    assert.ok(sms.content.endsWith('...'));
    const kept = sms.content.slice(0, -3);
    const folded = plainSmsText(longNotice);
    assert.ok(folded.startsWith(kept), 'a prefix of the folded text');
    assert.equal(folded[kept.length], ' ', 'cut at a word boundary');
  });

  it('keeps the diacritics with SMS_UNICODE, in UCS-2 segments, still within the budget', async () => {
    await brandnameSmsGateway({ ...settings, unicode: true }).send({ to: '0912000222', text: longNotice }, { idempotencyKey: 'long:unicode' });
    const [sms] = received('long:unicode');
    assert.ok(sms);
    assert.deepEqual([sms.encoding, sms.isUnicode], ['UCS-2', true]);
    assert.match(sms.content, /^Hồ sơ số/);
    assert.ok(sms.segments <= 3);
  });
});

describe('fitting a text to a segment budget', () => {
  it('leaves a text that fits alone and cuts one long word inside it when nothing else fits', () => {
    assert.equal(fitSmsSegments('Ngắn gọn', 1), 'Ngắn gọn');
    const cut = fitSmsSegments('a'.repeat(400), 1);
    assert.equal(cut, `${'a'.repeat(157)}...`);
    assert.equal(countSmsSegments(cut).segments, 1);
  });
});

describe('an outbox SMS delivered end to end to the simulator (ARCHITECTURE principle 5)', () => {
  let database: TestDatabase;
  before(async () => { database = await createTestDatabase({ seed: false }); });
  after(async () => { await database?.close(); });

  it('is sent by deliverOutbox with its idempotency key as RequestId, retried after a transient failure and sent once', async () => {
    const handlers = createOutboxHandlers({ mail: createMailSender({ smtpUrl: undefined, from: 'no-reply@example.vn', log: { info: () => undefined } }), sms: brandnameSmsGateway(settings) });
    let now = new Date('2026-03-02T01:00:00Z');
    await enqueueSms(database.db, { to: '0912345000', text: 'Hồ sơ của bạn đã được tiếp nhận.', idempotencyKey: 'dossier-received:sms:1', now });
    sim.failNext(1, 'http500');
    assert.deepEqual(await deliverOutbox(database.db, handlers, now), { sent: 0, retried: 1, dead: 0 });
    const failed = (await findOutboxMessageByKey(database.db, 'dossier-received:sms:1'))!;
    assert.equal(failed.status, 'pending');
    assert.match(failed.last_error ?? '', /transient.*HTTP 500/);
    now = new Date(failed.next_attempt_at);
    assert.deepEqual(await deliverOutbox(database.db, handlers, now), { sent: 1, retried: 0, dead: 0 });
    assert.equal((await findOutboxMessageByKey(database.db, 'dossier-received:sms:1'))?.status, 'sent');
    const delivered = received('dossier-received:sms:1');
    assert.equal(delivered.length, 1);
    assert.deepEqual([delivered[0]!.phone, delivered[0]!.content], ['0912345000', 'Ho so cua ban da duoc tiep nhan.']);
  });
});
