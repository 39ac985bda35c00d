import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSmsSimulator } from '../../dev/sms-simulator.ts';
import { createOutboxChannels } from './outbox-handlers.ts';

// SEC-02: an SMS carries a verification code or a password link; production never writes one to the log.
describe('the SMS stand-in', () => {
  const settings = { smtpUrl: 'smtp://127.0.0.1:2525', mailFrom: undefined, publicUrl: 'https://dichvucong.example.vn', portalName: 'Cổng DVC' };
  const message = { to: '0912345678', text: 'Mã xác minh của bạn: 493021' };

  it('writes the message to the log outside production, for the demo', async () => {
    const logged: string[] = [];
    const { sms } = createOutboxChannels({ ...settings, production: false }, { info: (_o, msg) => logged.push(msg ?? '') });
    await sms.send(message);
    assert.match(logged.join('\n'), /493021/);
  });

  it('withholds it in production: refused (so it stays in the outbox) and nothing logged', async () => {
    const logged: unknown[] = [];
    const { sms } = createOutboxChannels({ ...settings, production: true }, { info: (o, msg) => logged.push(o, msg) });
    await assert.rejects(sms.send(message), /no SMS gateway/);
    assert.deepEqual(logged, []);
  });

  it('is replaced by the brandname gateway whenever SMS_GATEWAY_URL is set, in production too', async () => {
    const account = { apiKey: 'k', secretKey: 's', brandnames: ['HOABINHXANH'] };
    const sim = await startSmsSimulator({ port: 0, account });
    try {
      const logged: unknown[] = [];
      const smsGateway = { url: sim.sendUrl, apiKey: 'k', secretKey: 's', brandname: 'HOABINHXANH', unicode: false, maxSegments: 3 };
      const channels = createOutboxChannels({ ...settings, production: true, smsGateway }, { info: (o, msg) => logged.push(o, msg) });
      await channels.sms.send(message, { idempotencyKey: 'channels:gateway' });
      assert.deepEqual(sim.messages.map((m) => [m.phone, m.content, m.requestId]), [['0912345678', 'Ma xac minh cua ban: 493021', 'channels:gateway']]);
      assert.match(channels.smsDescription ?? '', /HOABINHXANH/);
      assert.deepEqual(logged, []);
    } finally {
      await sim.close();
    }
  });
});
