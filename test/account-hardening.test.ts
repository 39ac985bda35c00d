import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { currentTotp } from '../src/modules/identity/totp.ts';
import { demoPassword, httpClient } from './support/http-client.ts';
import { startTestServer, type TestServer } from './support/server.ts';

// Findings of the security review of issue 3 (SEC-01..03), each kept as a behaviour the app must keep.
let server: TestServer;
before(async () => { server = await startTestServer(); });
after(async () => { await server?.close(); });

const db = () => server.database.db;
const factorOf = (email: string) => db().selectFrom('account').select(['id', 'totp_secret', 'totp_enabled_at', 'locked_until']).where('email', '=', email).executeTakeFirstOrThrow();

describe('the officer second factor (issue 3 §2, SEC-02)', () => {
  it('never lets a password-only session replace an enrolled authenticator through the enrolment page', async () => {
    const email = 'mo.lt@demo.hoabinhxanh.vn';
    const enrolled = await factorOf(email);
    const client = httpClient(server);
    const signIn = await client.post('/dang-nhap', { identifier: email, password: demoPassword });
    assert.equal(signIn.headers.get('location'), '/dang-nhap/xac-thuc');
    const page = await client.get('/dang-nhap/thiet-lap-xac-thuc');
    assert.equal(page.status, 303);
    assert.equal(page.headers.get('location'), '/dang-nhap/xac-thuc');
    const after = await factorOf(email);
    assert.equal(after.totp_secret, enrolled.totp_secret, 'the enrolled secret is untouched');
    assert.ok(after.totp_enabled_at, 'the second factor stays on');
    // Posting a code for a secret of the attacker's choosing is refused too, and no privileged session results.
    const confirm = await client.post('/dang-nhap/thiet-lap-xac-thuc', { code: currentTotp('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', new Date()) }, '/dang-nhap/xac-thuc');
    assert.notEqual(confirm.status, 200);
    assert.equal((await client.get('/tai-khoan')).headers.get('location'), '/dang-nhap/xac-thuc');
  });

  it('locks the account after repeated wrong codes, and signing in again with the password does not reset the count', async () => {
    const email = 'duc.tv@demo.hoabinhxanh.vn';
    const { totp_secret: secret } = await factorOf(email);
    let client = httpClient(server);
    await client.post('/dang-nhap', { identifier: email, password: demoPassword });
    for (let i = 0; i < 3; i++) assert.equal((await client.post('/dang-nhap/xac-thuc', { code: '000000' })).status, 401);
    // A new password sign-in must not wipe the misses of the second factor.
    client = httpClient(server);
    assert.equal((await client.post('/dang-nhap', { identifier: email, password: demoPassword })).headers.get('location'), '/dang-nhap/xac-thuc');
    assert.equal((await client.post('/dang-nhap/xac-thuc', { code: '000000' })).status, 401);
    assert.equal((await client.post('/dang-nhap/xac-thuc', { code: '000000' })).status, 423, 'the fifth miss locks');
    assert.ok((await factorOf(email)).locked_until, 'five misses lock the account');
    // Locked: even the right code is refused, and the page says why.
    const refused = await client.post('/dang-nhap/xac-thuc', { code: currentTotp(secret!, new Date()) });
    assert.equal(refused.status, 423);
    assert.match(await refused.text(), /tạm khóa/);
    const audit = await db().selectFrom('audit_entry').select('action').where('target_id', '=', (await factorOf(email)).id).where('action', 'like', 'identity.%').execute();
    assert.ok(audit.some((a) => a.action === 'identity.account.locked'));
  });
});

describe('set-password links (issue 3 §3, SEC-02)', () => {
  it('a password reset spends every other reset link of the account', async () => {
    const email = 'an.nguyen@demo.hoabinhxanh.vn';
    const client = httpClient(server);
    const links: string[] = [];
    for (let i = 0; i < 2; i++) {
      assert.equal((await client.post('/quen-mat-khau', { contact: email })).status, 200);
      const mail = await db().selectFrom('outbox_message').select('payload').where('topic', '=', 'email').orderBy('id', 'desc').executeTakeFirstOrThrow();
      links.push(JSON.stringify(mail.payload).match(/token=([A-Za-z0-9_-]{43})/)![1]!);
    }
    assert.notEqual(links[0], links[1]);
    const newPassword = 'Đồng lúa Hòa Bình xanh 2027!';
    const reset = await client.post('/dat-lai-mat-khau', { token: links[1]!, password: newPassword, passwordConfirm: newPassword }, `/dat-lai-mat-khau?token=${links[1]}`);
    assert.equal(reset.status, 200);
    // The older link was mailed too; once the password is set it must not set it again (a stolen mailbox copy).
    const stale = await client.get(`/dat-lai-mat-khau?token=${links[0]}`);
    assert.equal(stale.status, 400);
  });
});

describe('redirects after sign-in and language switch stay on this site (SEC-01)', () => {
  // Browsers drop tabs and newlines from a URL, so `/<TAB>/evil.example` is followed as `//evil.example`.
  const offsite = ['/\t/evil.example', '/\n/evil.example', '/\\evil.example', '//evil.example', 'https://evil.example/'];

  it('the language switch never sends the browser to another site', async () => {
    for (const next of offsite) {
      const response = await fetch(`${server.url}/ngon-ngu?lang=en&next=${encodeURIComponent(next)}`, { redirect: 'manual' });
      assert.equal(response.headers.get('location'), '/', JSON.stringify(next));
    }
  });

  it('sign-in ignores a `next` that leaves the site', async () => {
    for (const next of offsite) {
      const client = httpClient(server);
      const signIn = await client.post('/dang-nhap', { identifier: 'ketoan@thuongmaihbx.demo.vn', password: demoPassword, next });
      assert.equal(signIn.headers.get('location'), '/', JSON.stringify(next));
    }
  });
});
