import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectDatabase, type DatabaseHandle } from '../src/platform/db/connect.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { startServerProcess } from './support/server-process.ts';

// A real server process killed with SIGKILL in the middle of submissions, then started again on the same data.
let dir: string;
let database: TestDatabase | undefined;
let env: NodeJS.ProcessEnv;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'opendvc-crash-'));
  if (process.env['DATABASE_URL']) database = await createTestDatabase({ seed: false });
  env = {
    ...process.env, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn', NODE_ENV: 'test', RATE_LIMIT_ALLOWLIST: '127.0.0.1',
    // Cookies signed before the crash must still be valid after it, as with several instances.
    COOKIE_SECRET: 'crash-test-cookie-secret-0123456789abcdef',
    ...(database?.url ? { DATABASE_URL: database.url } : {}),
  };
});
after(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const startServer = () => startServerProcess(env);

describe('a killed server loses no accepted dossier and makes none twice (issue 4 §3, idempotency)', () => {
  it('keeps exactly one dossier per idempotency key across a SIGKILL and a restart', async () => {
    let server = await startServer();
    const jar: string[] = [];
    const remember = (r: Response) => { for (const c of r.headers.getSetCookie()) jar.push(c.split(';')[0]!); };
    const signInPage = await fetch(`${server.url}/dang-nhap`);
    remember(signInPage);
    const formToken = (await signInPage.text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
    const signIn = await fetch(`${server.url}/dang-nhap`, {
      method: 'POST', redirect: 'manual', headers: { cookie: jar.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ identifier: 'an.nguyen@demo.hoabinhxanh.vn', password: 'DemoOpenDVC!2026', _csrf: formToken }),
    });
    assert.equal(signIn.status, 303);
    remember(signIn);
    const cookie = () => jar.join('; ');
    const account = await fetch(`${server.url}/tai-khoan`, { headers: { cookie: cookie() } });
    const token = (await account.text()).match(/name="_csrf" value="([^"]+)"/)![1]!;
    const keys = Array.from({ length: 24 }, (_, i) => `crash-key-${String(i).padStart(3, '0')}`);
    const submit = (url: string, key: string) => fetch(`${url}/api/v1/dossiers`, {
      method: 'POST', headers: { cookie: cookie(), 'content-type': 'application/json', 'idempotency-key': key, 'x-csrf-token': token },
      body: JSON.stringify({ procedureCode: '1.004194', caseCode: 'TH1', receivingAgencyCode: '000.00.41.H99' }),
    });

    // Fire every submission, and kill the process as soon as the first one has been answered.
    const before = new Map<string, string>();
    let killed = false;
    const inFlight = keys.map((key) => submit(server.url, key).then(async (r) => {
      if (r.status === 201 || r.status === 200) before.set(key, (await r.json() as { id: string }).id);
      if (!killed) { killed = true; server.child.kill('SIGKILL'); }
    }).catch(() => undefined));
    await Promise.all(inFlight);
    if (server.child.exitCode === null && server.child.signalCode === null) await new Promise((resolve) => server.child.once('exit', resolve));
    assert.ok(before.size < keys.length, 'some submissions were cut off by the crash');

    server = await startServer();
    try {
      const after = new Map<string, { status: number; id: string }>();
      for (const key of keys) {
        const r = await submit(server.url, key);
        after.set(key, { status: r.status, id: (await r.json() as { id: string }).id });
      }
      for (const [key, id] of before) {
        assert.equal(after.get(key)!.id, id, `${key}: an answered submission keeps its dossier`);
        assert.equal(after.get(key)!.status, 200, `${key}: already filed, not filed again`);
      }
      const handle: DatabaseHandle = database ? await connectDatabase({ databaseUrl: database.url!, poolSize: 1 }) : await (async () => {
        server.child.kill('SIGTERM');
        await new Promise((resolve) => server.child.once('exit', resolve));
        return connectDatabase({ embeddedDir: path.join(dir, 'data', 'pg') });
      })();
      try {
        const rows = await handle.db.selectFrom('dossier as d').leftJoin('dossier_action as a', 'a.dossier_id', 'd.id')
          .select(['d.idempotency_key', 'd.status', (eb) => eb.fn.count<string>('a.id').as('actions')])
          .where('d.idempotency_key', 'like', 'crash-key-%').groupBy(['d.idempotency_key', 'd.status']).execute();
        assert.deepEqual(rows.map((r) => r.idempotency_key).sort(), keys, 'one dossier per key, none lost, none doubled');
        assert.ok(rows.every((r) => r.status === 1 && Number(r.actions) === 1), 'each filed exactly once, in status 1');
      } finally {
        await handle.close();
      }
    } finally {
      if (server.child.exitCode === null) {
        server.child.kill('SIGTERM');
        await new Promise((resolve) => server.child.once('exit', resolve));
      }
    }
  });
});
