import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import { createMailSender } from '../mail/mail-transport.ts';
import { enqueueEmail } from '../mail/enqueue-email.ts';
import { deliverOutbox, defaultDeliveryPolicy } from './deliver-outbox.ts';
import { createOutboxHandlers } from './outbox-handlers.ts';
import { findOutboxMessageByKey } from './repository.ts';

const quiet = { info: () => undefined };
let database: TestDatabase;
let smtp: TestSmtpServer;
let refusing: TestSmtpServer;

before(async () => {
  database = await createTestDatabase({ seed: false });
  smtp = await startSmtpServer();
  refusing = await startSmtpServer({ reject: true });
});
after(async () => {
  await smtp?.close();
  await refusing?.close();
  await database?.close();
});

const handlersFor = (server: TestSmtpServer) => createOutboxHandlers({
  mail: createMailSender({ smtpUrl: server.url, from: '"Cổng Dịch vụ công" <no-reply@example.vn>', log: quiet }),
  sms: { send: async () => undefined },
});

describe('outbox (ARCHITECTURE principle 5)', () => {
  it('keeps one message per idempotency key, so a retried request never sends twice, and sends UTF-8', async () => {
    const now = new Date('2026-03-02T01:00:00Z');
    const mail = { to: 'lan@example.vn', subject: 'Xác nhận địa chỉ thư điện tử', text: 'Xin chào Lê Thị Lan, đường dẫn kích hoạt ở đây.', idempotencyKey: 'test:once' };
    assert.equal(await enqueueEmail(database.db, { ...mail, now }), true);
    assert.equal(await enqueueEmail(database.db, { ...mail, now }), false);
    const first = await deliverOutbox(database.db, handlersFor(smtp), now);
    const second = await deliverOutbox(database.db, handlersFor(smtp), now);
    assert.deepEqual([first.sent, second.sent], [1, 0]);
    const received = smtp.messages.filter((m) => m.to.includes('lan@example.vn'));
    assert.equal(received.length, 1);
    assert.equal(received[0]!.subject, 'Xác nhận địa chỉ thư điện tử');
    assert.match(received[0]!.text, /Xin chào Lê Thị Lan/);
    assert.equal((await findOutboxMessageByKey(database.db, 'test:once'))?.status, 'sent');
  });

  it('retries a refused message with growing delays, then sets it aside as dead', async () => {
    const policy = { ...defaultDeliveryPolicy, maxAttempts: 3 };
    let now = new Date('2026-03-02T02:00:00Z');
    await enqueueEmail(database.db, { to: 'x@example.vn', subject: 'Thử', text: 'Thử', idempotencyKey: 'test:refused', now });
    const delays: number[] = [];
    for (let round = 0; round < 3; round++) {
      const result = await deliverOutbox(database.db, handlersFor(refusing), now, policy);
      assert.equal(result.sent, 0);
      const row = (await findOutboxMessageByKey(database.db, 'test:refused'))!;
      assert.equal(row.attempts, round + 1);
      assert.match(row.last_error ?? '', /mailbox unavailable/);
      if (round < 2) {
        assert.equal(row.status, 'pending');
        delays.push(new Date(row.next_attempt_at).getTime() - now.getTime());
        // Not due before its retry time.
        assert.equal((await deliverOutbox(database.db, handlersFor(refusing), now, policy)).retried, 0);
        now = new Date(row.next_attempt_at);
      } else {
        assert.equal(row.status, 'dead');
      }
    }
    assert.deepEqual(delays, [30_000, 60_000]);
  });
});
