import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { demoPassword, httpClient, signInOfficer, type HttpClient } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// The app's clock, moved forward by the test: sessions expire on the server's notion of time.
let clock = new Date('2026-11-24T09:00:00+07:00');
let server: TestServer;

before(async () => {
  server = await startTestServer({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '12', OFFICER_SESSION_IDLE_MINUTES: '15', OFFICER_SESSION_ABSOLUTE_HOURS: '10' }, { now: () => clock });
});
after(async () => { await server?.close(); });

const minutes = (n: number) => { clock = new Date(clock.getTime() + n * 60_000); };

const signedIn = async (c: HttpClient) => (await c.get('/tai-khoan')).status === 200;

describe('session expiry (issue 3 §3)', () => {
  it('signs a citizen out after 30 idle minutes, but not while they keep working', async () => {
    const citizen = httpClient(server);
    assert.equal((await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: demoPassword })).status, 303);
    assert.equal(await signedIn(citizen), true);
    minutes(25);
    assert.equal(await signedIn(citizen), true, 'activity within the idle window keeps the session');
    minutes(25);
    assert.equal(await signedIn(citizen), true, '25 minutes after the last request is still inside the window');
    minutes(31);
    const expired = await citizen.get('/tai-khoan');
    assert.equal(expired.status, 303);
    assert.match(expired.headers.get('location') ?? '', /^\/dang-nhap\?next=/);
  });

  it('ends a busy citizen session at the absolute timeout', async () => {
    const citizen = httpClient(server);
    await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: demoPassword });
    for (let i = 0; i < 24; i++) {
      minutes(29);
      assert.equal(await signedIn(citizen), true);
    }
    minutes(29);
    assert.equal(await signedIn(citizen), false, '12 hours after sign-in the session ends however active');
  });

  it('gives officers 15 idle minutes after the second factor', async () => {
    const officer = await signInOfficer(server, 'thu.pt@demo.hoabinhxanh.vn', clock);
    assert.equal(await signedIn(officer), true);
    minutes(14);
    assert.equal(await signedIn(officer), true);
    minutes(16);
    assert.equal(await signedIn(officer), false);
  });
});
