import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { currentTotp } from '../src/modules/identity/totp.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// The app's clock, moved forward by the test: sessions expire on the server's notion of time.
let clock = new Date('2026-11-24T09:00:00+07:00');
let server: TestServer;
const demoPassword = 'DemoOpenDVC!2026';

before(async () => {
  server = await startTestServer({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '12', OFFICER_SESSION_IDLE_MINUTES: '15', OFFICER_SESSION_ABSOLUTE_HOURS: '10' }, { now: () => clock });
});
after(async () => { await server?.close(); });

const minutes = (n: number) => { clock = new Date(clock.getTime() + n * 60_000); };

/** A cookie jar over fetch, the way a browser keeps the session and CSRF cookies between requests. */
function client() {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = pair!.split('=');
      if (value) jar.set(name!, value); else jar.delete(name!);
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`, { redirect: 'manual', headers: { cookie: cookie() } });
    remember(response);
    return response;
  };
  const post = async (path: string, fields: Record<string, string>) => {
    const form = await (await get(path)).text();
    const token = form.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST', redirect: 'manual', headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, _csrf: token }),
    });
    remember(response);
    return response;
  };
  return { get, post };
}

const signedIn = async (c: ReturnType<typeof client>) => (await c.get('/tai-khoan')).status === 200;

describe('session expiry (issue 3 §3)', () => {
  it('signs a citizen out after 30 idle minutes, but not while they keep working', async () => {
    const citizen = client();
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
    const citizen = client();
    await citizen.post('/dang-nhap', { identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: demoPassword });
    for (let i = 0; i < 24; i++) {
      minutes(29);
      assert.equal(await signedIn(citizen), true);
    }
    minutes(29);
    assert.equal(await signedIn(citizen), false, '12 hours after sign-in the session ends however active');
  });

  it('gives officers 15 idle minutes after the second factor', async () => {
    const officer = client();
    const { totp_secret: secret } = await server.database.db.selectFrom('account').select('totp_secret')
      .where('email', '=', 'thu.pt@demo.hoabinhxanh.vn').executeTakeFirstOrThrow();
    const signIn = await officer.post('/dang-nhap', { identifier: 'thu.pt@demo.hoabinhxanh.vn', password: demoPassword });
    assert.equal(signIn.headers.get('location'), '/dang-nhap/xac-thuc');
    const mfa = await officer.post('/dang-nhap/xac-thuc', { code: currentTotp(secret!, clock) });
    assert.equal(mfa.headers.get('location'), '/tai-khoan');
    assert.equal(await signedIn(officer), true);
    minutes(14);
    assert.equal(await signedIn(officer), true);
    minutes(16);
    assert.equal(await signedIn(officer), false);
  });
});
